'use strict';

// Plays the GitHub Actions runner for the bundled action: inputs as INPUT_* variables (with the
// defaults from action.yml, as the runner applies them), file commands in temp files, saved state
// handed to the post phase as STATE_* variables.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');
const YAML = require('yaml');

const ACTION_DIR = path.resolve(__dirname, '..', '..');
const REPO_ROOT = path.resolve(ACTION_DIR, '..', '..', '..');
const ACTION = YAML.parse(fs.readFileSync(path.join(ACTION_DIR, 'action.yml'), 'utf8'));
const ENTRY = path.join(ACTION_DIR, ACTION.runs.main);

/** The stub jar under test: STUB_JAR (set by the Maven build) or the module's build output. */
const STUB_JAR = process.env.STUB_JAR || path.join(REPO_ROOT, 'gateway-stub', 'target', 'openai-gateway-stub.jar');

/** One scratch directory per test process, removed when the process exits. */
const SCRATCH = fs.mkdtempSync(path.join(os.tmpdir(), 'gateway-stub-action-test-'));
process.on('exit', () => fs.rmSync(SCRATCH, { recursive: true, force: true }));

/** A fresh directory under the scratch directory. */
function tempDir(prefix) {
  return fs.mkdtempSync(path.join(SCRATCH, `${prefix}-`));
}

/** Variables a real job might carry that would leak into the simulated one. */
const foreign = (name) => /^(INPUT_|STATE_|GITHUB_|RUNNER_|OPENAI_|PORTKEY_)/.test(name);

function inputVariable(name) {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** Parses the runner's `NAME<<DELIMITER` file command format. */
function parseFileCommands(text) {
  const values = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i]);
    if (!match) {
      continue;
    }
    const [, name, delimiter] = match;
    const body = [];
    for (i++; i < lines.length && lines[i] !== delimiter; i++) {
      body.push(lines[i]);
    }
    values[name] = body.join('\n');
  }
  return values;
}

/**
 * Runs one phase of the action as the runner would and returns what it wrote.
 *
 * @param {object} options
 * @param {Record<string,string>} [options.inputs] inputs by their action.yml names
 * @param {Record<string,string>} [options.env] job environment (e.g. a preset OPENAI_BASE_URL)
 * @param {Record<string,string>} [options.state] state saved by the main phase (post phase only)
 */
async function runPhase({ inputs = {}, env = {}, state = {} } = {}) {
  const dir = tempDir('runner');
  const files = {
    GITHUB_ENV: path.join(dir, 'env'),
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_STATE: path.join(dir, 'state'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md'),
  };
  Object.values(files).forEach((file) => fs.writeFileSync(file, ''));

  const childEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !foreign(name)));
  for (const [name, spec] of Object.entries(ACTION.inputs)) {
    childEnv[inputVariable(name)] = String(spec.default ?? '');
  }
  for (const [name, value] of Object.entries(inputs)) {
    childEnv[inputVariable(name)] = value;
  }
  for (const [name, value] of Object.entries(state)) {
    childEnv[`STATE_${name}`] = value;
  }
  Object.assign(childEnv, files, { GITHUB_WORKSPACE: REPO_ROOT, GITHUB_ACTIONS: 'true', RUNNER_TEMP: dir }, env);

  const child = spawn(process.execPath, [ENTRY], { cwd: REPO_ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const code = await new Promise((resolve) => child.on('close', resolve));

  const read = (file) => fs.readFileSync(file, 'utf8');
  return {
    code,
    stdout,
    stderr,
    exported: parseFileCommands(read(files.GITHUB_ENV)),
    outputs: parseFileCommands(read(files.GITHUB_OUTPUT)),
    state: parseFileCommands(read(files.GITHUB_STATE)),
    summary: read(files.GITHUB_STEP_SUMMARY),
    masked: [...stdout.matchAll(/^::add-mask::(.*)$/gm)].map((m) => m[1]),
    errors: [...stdout.matchAll(/^::error::(.*)$/gm)].map((m) => m[1]),
  };
}

/** Runs the main phase; the result's state feeds {@link runPost}. */
const runMain = (options) => runPhase(options);

/** Runs the post phase with the state the main phase saved. */
const runPost = (mainResult, options = {}) => runPhase({ ...options, state: mainResult.state });

module.exports = { runMain, runPost, tempDir, parseFileCommands, ACTION, ACTION_DIR, REPO_ROOT, STUB_JAR };
