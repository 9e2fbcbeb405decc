'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const core = require('@actions/core');
const { readInputs } = require('./inputs');
const { newStubKey } = require('./virtual-keys');
const { writeStubConfig } = require('./stub-config');
const { startStub } = require('./stub-process');
const { exportUnlessSet } = require('./environment');
const { maskKey } = require('./mask');
const STATE = require('./state');

/**
 * Main step: starts the gateway stub, waits until it answers, and points the job's OpenAI settings
 * at it unless the workflow already set them.
 */
async function run() {
  const inputs = readInputs(core.getInput, process.env.GITHUB_WORKSPACE || process.cwd());

  // The key later steps send: a virtual key, else the master key; an open stub (neither) accepts any
  // key, but clients still need one to send.
  const apiKey = inputs.virtualKeys.length > 0 ? inputs.virtualKeys[0].key : inputs.masterKey ?? newStubKey();
  // Mask before anything could print a key.
  new Set([...inputs.virtualKeys.map(({ key }) => key), inputs.masterKey, apiKey].filter(Boolean)).forEach(core.setSecret);

  const workDir = fs.mkdtempSync(path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'gateway-stub-'));
  core.saveState(STATE.WORK_DIR, workDir);
  const args = ['--port', String(inputs.port), '--mode', inputs.mode];
  if (inputs.virtualKeys.length > 0) {
    const configFile = path.join(workDir, 'stub.json');
    writeStubConfig(configFile, inputs.virtualKeys, inputs.config);
    args.push('--config', configFile);
  } else if (inputs.config) {
    args.push('--config', inputs.config);
  }
  if (inputs.masterKey) {
    args.push('--master-key', inputs.masterKey);
  }
  if (inputs.recordDir) {
    // The upstream URL may carry credentials or name a private host: keep it out of logs.
    core.setSecret(inputs.upstream);
    args.push('--record', inputs.recordDir, '--upstream', inputs.upstream);
  } else if (inputs.replayDir) {
    args.push('--replay', inputs.replayDir);
  }

  // Run a copy: the build under test may rebuild the jar in place while the stub is still serving.
  const jar = path.join(workDir, path.basename(inputs.jar));
  fs.copyFileSync(inputs.jar, jar);

  core.info(`Starting gateway stub from ${inputs.jar}: --port ${inputs.port} --mode ${inputs.mode}`);
  const stub = await startStub({
    java: inputs.java,
    jar,
    args,
    logDir: workDir,
    timeoutMillis: inputs.timeoutMillis,
    port: inputs.port,
  });
  core.saveState(STATE.PID, String(stub.pid));
  core.saveState(STATE.BASE_URL, stub.baseUrl);
  core.saveState(STATE.MODE, stub.mode);

  exportUnlessSet(
    {
      OPENAI_BASE_URL: stub.baseUrl,
      OPENAI_INTERNAL_BASE_URL: stub.baseUrl,
      OPENAI_API_KEY: apiKey,
      OPENAI_INTERNAL_API_KEY: apiKey,
    },
    { env: process.env, exportVariable: core.exportVariable, info: core.info },
  );
  core.setOutput('base-url', stub.baseUrl);
  core.setOutput('port', String(new URL(stub.baseUrl).port));
  core.setOutput('api-key', apiKey);

  core.info(`Gateway stub ready at ${stub.baseUrl} (mode ${stub.mode}, pid ${stub.pid}); logs in ${workDir}`);
  if (inputs.recordDir) {
    core.info(`  recording every model call into ${inputs.recordDir} (keys redacted)`);
  } else if (inputs.replayDir) {
    core.info(`  replaying the fixtures in ${inputs.replayDir}; nothing is forwarded`);
  }
  for (const { key, models, generated } of inputs.virtualKeys) {
    const allowed = models.length > 0 ? models.join(', ') : 'all models';
    core.info(`  virtual key ${maskKey(key)}${generated ? ' (generated)' : ''}: ${allowed}`);
  }
}

module.exports = { run };
