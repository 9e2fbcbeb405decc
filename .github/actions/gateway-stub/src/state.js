'use strict';

/** Names under which the main step hands facts to the post step. */
module.exports = Object.freeze({
  IS_POST: 'is-post',
  PID: 'pid',
  BASE_URL: 'base-url',
  MODE: 'mode',
  WORK_DIR: 'work-dir',
});
