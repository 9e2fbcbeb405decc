'use strict';

const fs = require('node:fs');
const path = require('node:path');
const core = require('@actions/core');
const { stopProcess } = require('./stub-process');
const { summarize, writeSummary } = require('./summary');
const STATE = require('./state');

/** Post step: reads the stub's stats and journal, stops the stub, and reports the traffic in the job summary. */
async function run() {
  const pid = Number(core.getState(STATE.PID));
  const workDir = core.getState(STATE.WORK_DIR);
  if (!pid) {
    removeCopies(workDir);
    core.info('The gateway stub was not started; nothing to stop.');
    return;
  }
  const baseUrl = core.getState(STATE.BASE_URL);
  const mode = core.getState(STATE.MODE);

  let report;
  let problem;
  try {
    const origin = new URL(baseUrl).origin;
    const [stats, journal] = await Promise.all([getJson(`${origin}/__stub/stats`), getJson(`${origin}/__stub/journal`)]);
    report = summarize(stats, journal);
  } catch (error) {
    problem = `Could not read the stub's stats and journal (${error.message}); it may have exited early. ` +
      `Its logs are in ${workDir}.`;
    core.warning(problem);
  }

  const outcome = await stopProcess(pid);
  removeCopies(workDir);
  const stopped = {
    'not-running': 'had already exited',
    stopped: 'stopped with SIGTERM',
    killed: 'did not stop on SIGTERM and was killed',
  }[outcome];
  core.info(`Gateway stub (pid ${pid}) ${stopped}.`);
  if (report) {
    core.info(`Gateway stub served ${report.requests} requests, ${report.errors} errors.`);
  }
  await writeSummary(core.summary, { mode, baseUrl, stopped, report, problem });
}

async function getJson(url) {
  const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
  if (response.status !== 200) {
    throw new Error(`GET ${url} answered ${response.status}`);
  }
  return response.json();
}

/** Removes the jar copy and the generated config (it holds keys); the logs stay for debugging. */
function removeCopies(workDir) {
  if (!workDir || !fs.existsSync(workDir)) {
    return;
  }
  for (const name of fs.readdirSync(workDir)) {
    if (name === 'stub.json' || name.endsWith('.jar')) {
      fs.rmSync(path.join(workDir, name), { force: true });
    }
  }
}

module.exports = { run };
