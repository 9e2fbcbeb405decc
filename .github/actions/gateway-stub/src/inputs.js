'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { parseVirtualKeys } = require('./virtual-keys');
const { maskKey } = require('./mask');

/** Gateway dialects the stub can speak. */
const MODES = ['litellm', 'openai', 'portkey', 'portkey-oss'];

/** Defaults, identical to action.yml so a missing input (e.g. a direct `node` run) behaves the same. */
const DEFAULTS = Object.freeze({
  mode: 'litellm',
  port: '0',
  jar: 'gateway-stub/target/openai-gateway-stub.jar',
  java: 'java',
  'timeout-seconds': '30',
});

/** Longest wait we accept: a stub that needs more than ten minutes is broken, not slow. */
const MAX_TIMEOUT_SECONDS = 600;

/**
 * Reads and validates the action's inputs. Every error names the input, shows the bad value (keys
 * masked) and says what is accepted, so the failed step explains itself.
 *
 * @param {(name: string) => string} getInput returns the raw input, '' when absent
 * @param {string} workspace directory relative paths are resolved against
 */
function readInputs(getInput, workspace) {
  const value = (name) => {
    const raw = (getInput(name) || '').trim();
    return raw === '' && name in DEFAULTS ? DEFAULTS[name] : raw;
  };

  const mode = value('mode').toLowerCase();
  if (!MODES.includes(mode)) {
    throw new Error(`input mode is "${value('mode')}"; use one of ${MODES.join(', ')}`);
  }

  const portText = value('port');
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) {
    throw new Error(`input port is "${portText}"; use a TCP port 1-65535, or 0 for a free port`);
  }

  const timeoutText = value('timeout-seconds');
  const timeoutSeconds = Number(timeoutText);
  if (!/^\d+(\.\d+)?$/.test(timeoutText) || timeoutSeconds <= 0 || timeoutSeconds > MAX_TIMEOUT_SECONDS) {
    throw new Error(
      `input timeout-seconds is "${timeoutText}"; use a number of seconds above 0 and at most ${MAX_TIMEOUT_SECONDS}`,
    );
  }

  const jar = path.resolve(workspace, value('jar'));
  if (!fs.existsSync(jar) || !fs.statSync(jar).isFile()) {
    throw new Error(
      `gateway stub jar not found: ${jar} (input jar is "${value('jar')}"). ` +
        'Build it before this step, e.g. ./mvnw -B -pl gateway-stub -am install -DskipTests',
    );
  }

  const configText = value('config');
  const config = configText === '' ? undefined : path.resolve(workspace, configText);
  if (config !== undefined && !fs.existsSync(config)) {
    throw new Error(`stub config not found: ${config} (input config is "${configText}")`);
  }

  const fixtures = readFixtureInputs(value, workspace);

  const masterKey = value('master-key');
  if (masterKey !== '' && /\s/.test(masterKey)) {
    throw new Error(`input master-key ${maskKey(masterKey)} contains whitespace; pass the bare key`);
  }

  return {
    mode,
    port,
    jar,
    java: value('java'),
    config,
    masterKey: masterKey === '' ? undefined : masterKey,
    virtualKeys: parseVirtualKeys(value('virtual-keys')),
    timeoutMillis: Math.round(timeoutSeconds * 1000),
    timeoutSeconds,
    ...fixtures,
  };
}

/**
 * The record/replay inputs: record (a directory) with upstream (the real gateway) writes fixtures, replay (a
 * directory) serves them; the two exclude each other.
 */
function readFixtureInputs(value, workspace) {
  const record = value('record');
  const upstream = value('upstream');
  const replay = value('replay');
  if (record !== '' && replay !== '') {
    throw new Error(`inputs record ("${record}") and replay ("${replay}") exclude each other; set one of them`);
  }
  if (record !== '' && upstream === '') {
    throw new Error(`input record is "${record}" but upstream is empty; set upstream to the real gateway's base URL`);
  }
  if (upstream !== '' && !/^https?:\/\/[^\s/]+/.test(upstream)) {
    throw new Error('input upstream is not an http(s) URL; use e.g. http://localhost:4000');
  }
  const replayDir = replay === '' ? undefined : path.resolve(workspace, replay);
  if (replayDir !== undefined && !(fs.existsSync(replayDir) && fs.statSync(replayDir).isDirectory())) {
    throw new Error(`replay directory not found: ${replayDir} (input replay is "${replay}")`);
  }
  return {
    recordDir: record === '' ? undefined : path.resolve(workspace, record),
    upstream: record === '' || upstream === '' ? undefined : upstream,
    replayDir,
  };
}

module.exports = { readInputs, MODES, DEFAULTS };
