'use strict';

// Runs the bundled action (dist/) against the real stub jar, as the runner would, and checks what it
// wrote to the runner's files and what the stub did.

const { test, describe, before, after } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { runMain, runPost, STUB_JAR, tempDir } = require('./support/runner');
const { chat, embed, isRefused } = require('./support/stub-client');
const { isAlive } = require('../src/stub-process');

const started = [];

/** Runs the main phase and remembers the stub's pid, so a failing test cannot leave it running. */
async function start(options) {
  const result = await runMain(options);
  if (result.state.pid) {
    started.push(Number(result.state.pid));
  }
  return result;
}

const testKey = () => `sk-test-${crypto.randomBytes(8).toString('hex')}`;

before(() => {
  assert.ok(fs.existsSync(STUB_JAR), `stub jar ${STUB_JAR} is missing: build gateway-stub first (or set STUB_JAR)`);
});

after(() => {
  for (const pid of started) {
    if (isAlive(pid)) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // Gone in between.
      }
    }
  }
});

describe('main phase with the real stub', () => {
  test('starts the stub on a free port and exports its URL and a generated key to later steps', async () => {
    const main = await start({ inputs: { jar: STUB_JAR } });
    try {
      assert.equal(main.code, 0, main.stdout + main.stderr);
      const baseUrl = main.outputs['base-url'];
      assert.match(baseUrl, /^http:\/\/127\.0\.0\.1:\d+\/v1$/);
      assert.equal(main.outputs.port, new URL(baseUrl).port);
      assert.notEqual(main.outputs.port, '0');
      assert.equal(main.exported.OPENAI_BASE_URL, baseUrl);
      assert.equal(main.exported.OPENAI_INTERNAL_BASE_URL, baseUrl);

      const key = main.exported.OPENAI_API_KEY;
      assert.match(key, /^sk-stub-[0-9a-f]{24}$/);
      assert.equal(main.exported.OPENAI_INTERNAL_API_KEY, key);
      assert.equal(main.outputs['api-key'], key);
      assert.ok(main.masked.includes(key), 'the generated key is registered with ::add-mask::');
      assert.ok(!main.stdout.replace(/^::add-mask::.*$/gm, '').includes(key), 'the key is never printed');

      assert.equal(main.state.pid, String(Number(main.state.pid)));
      assert.equal(main.state['base-url'], baseUrl);
      assert.equal(main.state.mode, 'litellm');
      assert.ok(isAlive(Number(main.state.pid)), 'the stub outlives the main phase');

      const reply = await chat(baseUrl, key, 'gpt-4o-mini');
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
    } finally {
      await runPost(main);
    }
  });

  // Empty means unset across the kit, so an empty variable is overwritten like a missing one.
  const presets = [
    { name: 'OPENAI_BASE_URL set by the job is kept', env: { OPENAI_BASE_URL: 'https://proxy.example.test/v1' },
      kept: ['OPENAI_BASE_URL'], exported: ['OPENAI_INTERNAL_BASE_URL', 'OPENAI_API_KEY', 'OPENAI_INTERNAL_API_KEY'] },
    { name: 'OPENAI_INTERNAL_BASE_URL and its key set by the job are kept',
      env: { OPENAI_INTERNAL_BASE_URL: 'http://litellm.example.test:4000', OPENAI_INTERNAL_API_KEY: 'sk-fake-internal-0000' },
      kept: ['OPENAI_INTERNAL_BASE_URL', 'OPENAI_INTERNAL_API_KEY'], exported: ['OPENAI_BASE_URL', 'OPENAI_API_KEY'] },
    { name: 'empty or blank variables count as unset', env: { OPENAI_BASE_URL: '', OPENAI_API_KEY: '   ' },
      kept: [], exported: ['OPENAI_BASE_URL', 'OPENAI_INTERNAL_BASE_URL', 'OPENAI_API_KEY', 'OPENAI_INTERNAL_API_KEY'] },
  ];
  for (const preset of presets) {
    test(`exports only unset variables: ${preset.name}`, async () => {
      const main = await start({ inputs: { jar: STUB_JAR }, env: preset.env });
      try {
        assert.equal(main.code, 0, main.stdout + main.stderr);
        assert.deepEqual(Object.keys(main.exported).sort(), [...preset.exported].sort());
        for (const name of preset.kept) {
          assert.match(main.stdout, new RegExp(`^${name} is already set; left unchanged$`, 'm'));
          assert.ok(!main.stdout.includes(preset.env[name]), `${name}'s value is not printed`);
        }
      } finally {
        await runPost(main);
      }
    });
  }

  for (const mode of ['openai', 'portkey', 'portkey-oss']) {
    test(`starts the stub in ${mode} mode`, async () => {
      const main = await start({ inputs: { jar: STUB_JAR, mode } });
      try {
        assert.equal(main.code, 0, main.stdout + main.stderr);
        assert.equal(main.state.mode, mode);
        const ready = await (await fetch(`${new URL(main.outputs['base-url']).origin}/__stub/ready`)).json();
        assert.equal(ready.mode, mode);
        assert.equal(ready.baseUrl, main.outputs['base-url']);
      } finally {
        await runPost(main);
      }
    });
  }

  test('passes the master key to the stub, masks it, and exports it when there are no virtual keys', async () => {
    const masterKey = `sk-stub-master-${crypto.randomBytes(6).toString('hex')}`;
    const main = await start({ inputs: { jar: STUB_JAR, 'master-key': masterKey } });
    try {
      assert.equal(main.code, 0, main.stdout + main.stderr);
      assert.ok(main.masked.includes(masterKey));
      assert.equal(main.exported.OPENAI_API_KEY, masterKey);
      const baseUrl = main.outputs['base-url'];
      assert.equal((await chat(baseUrl, masterKey, 'gpt-4o-mini')).status, 200);
      assert.equal((await chat(baseUrl, testKey(), 'gpt-4o-mini')).status, 401, 'with a master key the stub is not open');
    } finally {
      await runPost(main);
    }
  });

  test('adds the virtual keys to a given stub config file', async () => {
    const dir = tempDir('stub-config');
    const config = path.join(dir, 'stub.json');
    // Older LiteLLM answered 401 for a model outside the key's list; the config switches the stub to that.
    fs.writeFileSync(config, JSON.stringify({ liteLlmStatuses: 'old' }));
    const key = testKey();
    const main = await start({ inputs: { jar: STUB_JAR, config, 'virtual-keys': `${key}=gpt-4o-mini` } });
    try {
      assert.equal(main.code, 0, main.stdout + main.stderr);
      const baseUrl = main.outputs['base-url'];
      assert.equal((await chat(baseUrl, key, 'gpt-4o-mini')).status, 200);
      const denied = await chat(baseUrl, key, 'gpt-4.1');
      assert.equal(denied.status, 401, JSON.stringify(denied.body));
      assert.deepEqual(JSON.parse(fs.readFileSync(config, 'utf8')), { liteLlmStatuses: 'old' }, 'the given file is left alone');
    } finally {
      await runPost(main);
    }
  });

  test('listens on the requested fixed port', async () => {
    const port = await freePort();
    const main = await start({ inputs: { jar: STUB_JAR, port: String(port) } });
    try {
      assert.equal(main.code, 0, main.stdout + main.stderr);
      assert.equal(main.outputs['base-url'], `http://127.0.0.1:${port}/v1`);
    } finally {
      await runPost(main);
    }
  });
});

describe('virtual keys, post phase and job summary', () => {
  test('enforces the virtual keys, then stops the stub and summarises its traffic with keys masked', async () => {
    const chatKey = testKey();
    const main = await start({
      inputs: {
        jar: STUB_JAR,
        'virtual-keys': `${chatKey}=gpt-4o-mini\ngenerate=text-embedding-3-small\n`,
      },
    });
    assert.equal(main.code, 0, main.stdout + main.stderr);
    const baseUrl = main.outputs['base-url'];
    const generated = main.masked.find((value) => value.startsWith('sk-stub-'));
    assert.ok(generated, 'the generated key is masked');
    assert.ok(main.masked.includes(chatKey), 'given keys are masked too');
    assert.equal(main.exported.OPENAI_API_KEY, chatKey, 'the first virtual key is exported');
    assert.match(main.stdout, /virtual key sk-\.\.\.[0-9a-f]{4} \(generated\): text-embedding-3-small/);

    assert.equal((await chat(baseUrl, chatKey, 'gpt-4o-mini')).status, 200);
    assert.equal((await chat(baseUrl, chatKey, 'gpt-4o-mini')).status, 200);
    assert.equal((await embed(baseUrl, generated, 'text-embedding-3-small')).status, 200);
    // LiteLLM answers 401 (older) or 403 (newer) for a model outside the key's list; the stub may do either.
    const denied = await chat(baseUrl, generated, 'gpt-4o-mini');
    assert.ok([401, 403].includes(denied.status), `model outside the key's list is refused: ${denied.status}`);
    const unknown = await chat(baseUrl, 'sk-test-unknown-key-0000', 'gpt-4o-mini');
    assert.equal(unknown.status, 401);
    const statusCounts = new Map([[200, 3]]);
    for (const { status } of [denied, unknown]) {
      statusCounts.set(status, (statusCounts.get(status) ?? 0) + 1);
    }

    const pid = Number(main.state.pid);
    const post = await runPost(main);
    assert.equal(post.code, 0, post.stdout + post.stderr);
    assert.ok(!isAlive(pid), 'post stops the stub');
    assert.ok(await isRefused(baseUrl), 'nothing serves on the stub port any more');
    assert.match(post.stdout, /stopped with SIGTERM/);
    assert.deepEqual(fs.readdirSync(main.state['work-dir']).sort(), ['stub.err.log', 'stub.out.log'],
      'the key file and the jar copy are removed, the logs kept');

    const summary = post.summary;
    assert.match(summary, /<h2>Gateway stub<\/h2>/);
    assert.match(summary, /5 requests, 2 errors/);
    assert.match(summary, /<tr><td>\/v1\/chat\/completions<\/td><td>public \(LLM\)<\/td><td>4<\/td><\/tr>/);
    assert.match(summary, /<tr><td>\/v1\/embeddings<\/td><td>internal \(EMBEDDINGS\)<\/td><td>1<\/td><\/tr>/);
    for (const [status, count] of statusCounts) {
      assert.match(summary, new RegExp(`<tr><td>${status}</td><td>${count}</td></tr>`));
    }
    assert.match(summary, /<h3>Errors<\/h3>/);
    assert.match(summary, new RegExp(`<td>POST</td><td>/v1/chat/completions</td><td>${denied.status}</td><td>gpt-4o-mini</td><td>sk-\\.\\.\\.${generated.slice(-4)}</td>`));
    for (const key of [chatKey, generated]) {
      assert.ok(!summary.includes(key), 'no full key in the summary');
    }
  });

  test('post reports a stub that had already exited without failing the job', async () => {
    const main = await start({ inputs: { jar: STUB_JAR } });
    assert.equal(main.code, 0, main.stdout + main.stderr);
    const pid = Number(main.state.pid);
    process.kill(-pid, 'SIGKILL');
    await waitUntil(() => !isAlive(pid));

    const post = await runPost(main);
    assert.equal(post.code, 0, post.stdout + post.stderr);
    assert.match(post.stdout, /^::warning::Could not read the stub's stats and journal/m);
    assert.match(post.summary, /Stub process: had already exited\./);
  });

  test('post does nothing when the main phase never started the stub', async () => {
    const post = await runPost({ state: { 'is-post': 'true' } });
    assert.equal(post.code, 0, post.stdout + post.stderr);
    assert.match(post.stdout, /The gateway stub was not started; nothing to stop\./);
    assert.equal(post.summary, '');
  });
});

describe('record and replay', () => {
  test('records through the stub from an upstream, then replays the fixtures without it', async () => {
    const fixtures = tempDir('fixtures');
    const key = testKey();
    const upstream = await start({ inputs: { jar: STUB_JAR, mode: 'openai' } });
    let recorded;
    try {
      const recorder = await start({
        inputs: { jar: STUB_JAR, mode: 'openai', record: fixtures, upstream: upstream.outputs['base-url'] },
      });
      try {
        assert.equal(recorder.code, 0, recorder.stdout + recorder.stderr);
        assert.match(recorder.stdout, /recording every model call into/);
        recorded = await chat(recorder.outputs['base-url'], key, 'gpt-4o-mini', 'record me');
        assert.equal(recorded.status, 200, JSON.stringify(recorded.body));
      } finally {
        await runPost(recorder);
      }
    } finally {
      await runPost(upstream);
    }
    const files = fs.readdirSync(fixtures);
    assert.deepEqual(files, ['0001-chat-completions-gpt-4o-mini.json']);
    assert.ok(!fs.readFileSync(path.join(fixtures, files[0]), 'utf8').includes(key), 'the fixture holds no key');

    const replayer = await start({ inputs: { jar: STUB_JAR, mode: 'openai', replay: fixtures } });
    try {
      assert.equal(replayer.code, 0, replayer.stdout + replayer.stderr);
      const replayed = await chat(replayer.outputs['base-url'], key, 'gpt-4o-mini', 'record me');
      assert.deepEqual(replayed, recorded);
      const miss = await chat(replayer.outputs['base-url'], key, 'gpt-4o-mini', 'something else');
      assert.equal(miss.status, 404);
      assert.match(miss.body.error.message, /Closest: 0001-chat-completions-gpt-4o-mini\.json/);
    } finally {
      await runPost(replayer);
    }
  });
});

describe('failing the step with a clear message', () => {
  test('when the jar is missing', async () => {
    const jar = path.join(os.tmpdir(), 'no-such-dir', 'openai-gateway-stub.jar');
    const main = await start({ inputs: { jar } });
    assert.equal(main.code, 1);
    assert.equal(main.errors.length, 1);
    assert.match(main.errors[0], new RegExp(`^gateway stub jar not found: ${escapeRegExp(jar)} .*Build it before this step`));
    assertNothingExported(main);
  });

  test('when the port is taken', async () => {
    const blocker = net.createServer();
    await new Promise((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address();
    try {
      const main = await start({ inputs: { jar: STUB_JAR, port: String(port) } });
      assert.equal(main.code, 1, main.stdout);
      assert.equal(main.errors.length, 1);
      assert.match(main.errors[0], new RegExp(`^port ${port} is already in use on 127\\.0\\.0\\.1; the gateway stub exited with code 2: .+`));
      assertNothingExported(main);
    } finally {
      blocker.close();
    }
  });

  test('when the stub does not become ready in time, and the stuck process is stopped', async () => {
    const fakeJava = path.join(__dirname, 'fixtures', 'silent-java.sh');
    fs.chmodSync(fakeJava, 0o755);
    const pidFile = path.join(tempDir('silent-java'), 'pid');
    const main = await start({
      inputs: { jar: STUB_JAR, java: fakeJava, 'timeout-seconds': '1' },
      env: { SILENT_JAVA_PID_FILE: pidFile },
    });
    assert.equal(main.code, 1, main.stdout);
    assert.equal(main.errors.length, 1);
    assert.match(main.errors[0], /^gateway stub was not ready within 1 s: it never printed its "gateway-stub ready: …" line\./);
    assert.match(main.errors[0], /Raise timeout-seconds/);
    assertNothingExported(main);
    const stuck = Number(fs.readFileSync(pidFile, 'utf8'));
    assert.ok(!isAlive(stuck), 'the process that never became ready was stopped');
  });

  test('when java cannot be run', async () => {
    const main = await start({ inputs: { jar: STUB_JAR, java: 'no-such-java-command' } });
    assert.equal(main.code, 1);
    assert.match(main.errors[0], /^could not run "no-such-java-command": spawn no-such-java-command ENOENT\. Is a JDK installed/);
  });

  const badInputs = [
    { inputs: { mode: 'ollama' }, message: /^input mode is "ollama"; use one of litellm, openai, portkey, portkey-oss$/ },
    { inputs: { port: '70000' }, message: /^input port is "70000"; use a TCP port 1-65535, or 0 for a free port$/ },
    { inputs: { port: 'http' }, message: /^input port is "http"/ },
    { inputs: { 'timeout-seconds': '0' }, message: /^input timeout-seconds is "0"; use a number of seconds above 0/ },
    { inputs: { 'virtual-keys': 'sk-test-0000000000000000=gpt-4o,,gpt-4o-mini' }, message: /^virtual-keys line 1: empty model name/ },
    { inputs: { 'virtual-keys': 'generate\nBearer sk-test-0000000000000000=gpt-4o' }, message: /^virtual-keys line 2: write the bare key, not "Bearer <key>"$/ },
    { inputs: { 'master-key': 'sk-master test-key' }, message: /^input master-key sk-\.\.\.-key contains whitespace/ },
    { inputs: { record: 'fixtures' }, message: /^input record is "fixtures" but upstream is empty; set upstream/ },
    { inputs: { record: 'a', upstream: 'http://127.0.0.1:1', replay: 'b' }, message: /^inputs record \("a"\) and replay \("b"\) exclude each other/ },
    { inputs: { replay: 'no-such-fixtures' }, message: /^replay directory not found: .*no-such-fixtures/ },
  ];
  for (const { inputs, message } of badInputs) {
    test(`when an input is invalid: ${JSON.stringify(inputs)}`, async () => {
      const main = await start({ inputs: { jar: STUB_JAR, ...inputs } });
      assert.equal(main.code, 1);
      assert.equal(main.errors.length, 1);
      assert.match(main.errors[0], message);
      assert.equal(main.state.pid, undefined, 'no stub was started');
      assertNothingExported(main);
    });
  }
});

function assertNothingExported(result) {
  assert.deepEqual(result.exported, {});
  assert.deepEqual(result.outputs, {});
  assert.equal(result.state.pid, undefined);
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitUntil(condition, millis = 10_000) {
  const deadline = Date.now() + millis;
  while (!condition()) {
    assert.ok(Date.now() < deadline, 'condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
