'use strict';

// Parses .github/workflows/ci.yml and checks that it keeps its proxy setup (copy .env.default, inject
// the key from a secret, use the optional proxy secret), the matrix, the stub fallback and the live
// job, so the workflow cannot silently rot.

const { test, describe } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const YAML = require('yaml');
const { REPO_ROOT, tempDir } = require('./support/runner');

const WORKFLOW_FILE = path.join(REPO_ROOT, '.github', 'workflows', 'ci.yml');
const workflow = YAML.parse(fs.readFileSync(WORKFLOW_FILE, 'utf8'));
const { build, live } = workflow.jobs;

const stepIndex = (job, predicate, what) => {
  const index = job.steps.findIndex(predicate);
  assert.ok(index >= 0, `no step that ${what}`);
  return index;
};
const runs = (text) => (step) => typeof step.run === 'string' && step.run.includes(text);
const envStep = (job) => job.steps[stepIndex(job, runs('cp .env.default .env'), 'copies .env.default')];

/** Runs a step's script with bash in a scratch copy of the repo root, as the runner would. */
function runScript(step, env) {
  const dir = tempDir('ci-step');
  fs.copyFileSync(path.join(REPO_ROOT, '.env.default'), path.join(dir, '.env.default'));
  const result = spawnSync('bash', ['-e', '-c', step.run], { cwd: dir, env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return { dir, dotenv: fs.readFileSync(path.join(dir, '.env'), 'utf8') };
}

describe('ci.yml', () => {
  test('runs on pushes and pull requests, one run per ref', () => {
    assert.ok('push' in workflow.on && 'pull_request' in workflow.on);
    assert.match(workflow.concurrency.group, /\$\{\{ github\.ref \}\}/);
    assert.equal(workflow.concurrency['cancel-in-progress'], true);
  });

  test('builds Java 17 and 21 against Spring Boot 4.0.x and 4.1.x', () => {
    const { matrix } = build.strategy;
    assert.deepEqual(matrix.java.map(String), ['17', '21']);
    assert.deepEqual(matrix['spring-boot'].map(String), ['4.0.9', '4.1.2']);
    assert.equal(build.strategy['fail-fast'], false);
    const verify = build.steps[stepIndex(build, runs('./mvnw -B verify'), 'runs ./mvnw -B verify')];
    assert.match(verify.run, /-Dspring-boot\.version=\$\{\{ matrix\.spring-boot \}\}/);
  });

  test('sets up the matrix JDK with the Maven cache', () => {
    const setup = build.steps[stepIndex(build, (s) => String(s.uses).startsWith('actions/setup-java@'), 'uses setup-java')];
    assert.equal(setup.with['java-version'], '${{ matrix.java }}');
    assert.equal(setup.with.distribution, 'temurin');
    assert.equal(setup.with.cache, 'maven');
  });

  test('copies .env.default, injects OPENAI_INTERNAL_API_KEY from a secret, and the proxy URL only when set', () => {
    for (const job of [build, live]) {
      const step = envStep(job);
      assert.match(step.run, /^cp \.env\.default \.env$/m);
      assert.match(step.run, /^echo "OPENAI_INTERNAL_API_KEY=\$\{OPENAI_API_KEY\}" >> \.env$/m);
      assert.match(step.run, /if \[ -n "\$\{LITELLM_PROXY_URL\}" \]; then\s+echo "OPENAI_INTERNAL_BASE_URL=\$\{LITELLM_PROXY_URL\}" >> \.env\s+fi/);
      assert.equal(step.env.OPENAI_API_KEY, '${{ secrets.OPENAI_API_KEY }}');
      assert.equal(job.env.LITELLM_PROXY_URL, '${{ secrets.LITELLM_PROXY_URL }}');
    }
  });

  test('the .env step writes the proxy URL when the secret is set', () => {
    const { dotenv } = runScript(envStep(build), { OPENAI_API_KEY: 'sk-fake-ci-key-1234', LITELLM_PROXY_URL: 'http://litellm.example.test:4000' });
    const lines = dotenv.trimEnd().split('\n');
    assert.deepEqual(lines.slice(-2), ['OPENAI_INTERNAL_API_KEY=sk-fake-ci-key-1234', 'OPENAI_INTERNAL_BASE_URL=http://litellm.example.test:4000']);
    assert.ok(dotenv.startsWith(fs.readFileSync(path.join(REPO_ROOT, '.env.default'), 'utf8')));
  });

  test('the .env step leaves the proxy URL out when the secret is absent', () => {
    const { dotenv } = runScript(envStep(build), { OPENAI_API_KEY: '', LITELLM_PROXY_URL: '' });
    assert.equal(dotenv.trimEnd().split('\n').at(-1), 'OPENAI_INTERNAL_API_KEY=');
    assert.doesNotMatch(dotenv, /^OPENAI_INTERNAL_BASE_URL=.+$/m);
  });

  test('a secret value is written as data, never run as shell code', () => {
    const { dir, dotenv } = runScript(envStep(build), { OPENAI_API_KEY: '$(touch pwned)', LITELLM_PROXY_URL: '`touch pwned`' });
    assert.ok(!fs.existsSync(path.join(dir, 'pwned')));
    assert.match(dotenv, /^OPENAI_INTERNAL_API_KEY=\$\(touch pwned\)$/m);
  });

  test('no script interpolates a secret directly', () => {
    for (const [name, job] of Object.entries(workflow.jobs)) {
      for (const step of job.steps) {
        assert.doesNotMatch(String(step.run ?? ''), /\$\{\{\s*secrets\./, `job ${name}, step ${step.name ?? step.uses}`);
      }
    }
  });

  test('starts the bundled stub with the local action only when there is no proxy secret, after building its jar', () => {
    const jar = stepIndex(build, runs('-pl gateway-stub -am install'), 'builds the stub jar');
    const copy = stepIndex(build, runs('cp .env.default .env'), 'copies .env.default');
    const stub = stepIndex(build, (s) => s.uses === './.github/actions/gateway-stub', 'uses the gateway-stub action');
    const verify = stepIndex(build, runs('./mvnw -B verify'), 'runs ./mvnw -B verify');
    assert.ok(jar < stub && copy < stub && stub < verify, 'order: stub jar, .env, stub, verify');
    assert.equal(build.steps[stub].if, "env.LITELLM_PROXY_URL == ''");
    assert.ok(fs.existsSync(path.join(REPO_ROOT, '.github', 'actions', 'gateway-stub', 'action.yml')));
  });

  test('sets up Node for the action tests that run inside the Maven build', () => {
    const node = build.steps[stepIndex(build, (s) => String(s.uses).startsWith('actions/setup-node@'), 'uses setup-node')];
    assert.equal(String(node.with['node-version']), '20');
  });

  test('runs the live tests only when the proxy secret exists', () => {
    const detect = workflow.jobs[live.needs];
    assert.ok(detect, `live needs a job named ${live.needs}`);
    assert.equal(detect.steps[0].env.LITELLM_PROXY_URL, '${{ secrets.LITELLM_PROXY_URL }}');
    assert.match(live.if, new RegExp(`^needs\\.${live.needs}\\.outputs\\.present == 'true'$`));
    stepIndex(live, runs('./mvnw -B -Plive verify'), 'runs ./mvnw -B -Plive verify');
  });

  test('the detection job reports the secret as present or absent', () => {
    const detect = workflow.jobs[live.needs].steps[0];
    for (const [value, present] of [['http://litellm.example.test:4000', 'true'], ['', 'false']]) {
      const dir = tempDir('ci-detect');
      const output = path.join(dir, 'output');
      const result = spawnSync('bash', ['-e', '-c', detect.run], {
        env: { PATH: process.env.PATH, LITELLM_PROXY_URL: value, GITHUB_OUTPUT: output }, encoding: 'utf8',
      });
      assert.equal(result.status, 0, result.stderr);
      assert.equal(fs.readFileSync(output, 'utf8'), `present=${present}\n`);
    }
  });
});
