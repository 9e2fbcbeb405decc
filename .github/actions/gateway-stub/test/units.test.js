'use strict';

// The action's pure parts: key masking, virtual key parsing, input defaults and the summary's rows.

const { test, describe } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { maskKey } = require('../src/mask');
const { parseVirtualKeys } = require('../src/virtual-keys');
const { readInputs, DEFAULTS } = require('../src/inputs');
const { summarize, routeOf, escapeHtml } = require('../src/summary');
const { writeStubConfig } = require('../src/stub-config');
const { ACTION, tempDir } = require('./support/runner');

describe('maskKey', () => {
  const cases = [
    ['sk-test-1234567890abcd', 'sk-...abcd'],
    ['sk-12345678', '****'],
    ['sk-123456789', 'sk-...6789'],
    ['', ''],
  ];
  for (const [key, masked] of cases) {
    test(`masks "${key}" as "${masked}"`, () => assert.equal(maskKey(key), masked));
  }
});

describe('parseVirtualKeys', () => {
  let counter = 0;
  const fakeGenerator = () => `sk-stub-generated-${++counter}`;

  test('reads key=models lines, generated keys, and keys allowed every model', () => {
    const keys = parseVirtualKeys(
      '  sk-test-aaaa = gpt-4o-mini, openai/* \n\n# a comment\ngenerate=text-embedding-3-small\nsk-test-bbbb\ngenerate\n',
      fakeGenerator,
    );
    assert.deepEqual(keys, [
      { key: 'sk-test-aaaa', models: ['gpt-4o-mini', 'openai/*'], generated: false },
      { key: 'sk-stub-generated-1', models: ['text-embedding-3-small'], generated: true },
      { key: 'sk-test-bbbb', models: [], generated: false },
      { key: 'sk-stub-generated-2', models: [], generated: true },
    ]);
  });

  test('an empty input means no virtual keys', () => {
    assert.deepEqual(parseVirtualKeys(''), []);
    assert.deepEqual(parseVirtualKeys(' \n \n'), []);
  });

  test('generated keys are random and say they are fake', () => {
    const [a, b] = parseVirtualKeys('generate\ngenerate');
    assert.match(a.key, /^sk-stub-[0-9a-f]{24}$/);
    assert.notEqual(a.key, b.key);
  });

  const bad = [
    ['=gpt-4o', /^virtual-keys line 1: missing key before "="/],
    ['generate\nsk-test-aaaa=gpt-4o,', /^virtual-keys line 2: empty model name in "gpt-4o,"/],
    ['Bearer sk-test-aaaa=gpt-4o', /^virtual-keys line 1: write the bare key, not "Bearer <key>"$/],
    ['sk-test-aaaa\tsecond-part=gpt-4o', /^virtual-keys line 1: key sk-\.\.\.part contains whitespace/],
    ['sk-test-duplicate-key=a\nsk-test-duplicate-key=b', /^virtual-keys line 2: key sk-\.\.\.-key is listed twice$/],
  ];
  for (const [input, message] of bad) {
    test(`rejects ${JSON.stringify(input)} with a message naming the line`, () => {
      assert.throws(() => parseVirtualKeys(input), { message });
    });
  }

  test('never shows a whole key in an error', () => {
    const key = 'sk-test-secret-value-9876';
    assert.throws(() => parseVirtualKeys(`${key}=a\n${key}=b`), (error) => !error.message.includes(key));
  });
});

describe('readInputs', () => {
  const jarDir = tempDir('inputs-test');
  fs.writeFileSync(path.join(jarDir, 'stub.jar'), 'not really a jar');
  const read = (inputs) => readInputs((name) => inputs[name] ?? '', jarDir);

  test('action.yml and the code agree on every default', () => {
    for (const [name, value] of Object.entries(DEFAULTS)) {
      assert.equal(String(ACTION.inputs[name].default), value, `default of ${name}`);
    }
  });

  test('resolves the jar against the workspace and applies defaults for blank inputs', () => {
    const inputs = read({ jar: 'stub.jar', mode: '  ', port: '', 'timeout-seconds': '2.5' });
    assert.equal(inputs.jar, path.join(jarDir, 'stub.jar'));
    assert.equal(inputs.mode, 'litellm');
    assert.equal(inputs.port, 0);
    assert.equal(inputs.java, 'java');
    assert.equal(inputs.timeoutMillis, 2500);
    assert.equal(inputs.masterKey, undefined);
    assert.deepEqual(inputs.virtualKeys, []);
  });

  test('accepts modes in any case', () => {
    assert.equal(read({ jar: 'stub.jar', mode: 'PortKey' }).mode, 'portkey');
    assert.equal(read({ jar: 'stub.jar', mode: 'Portkey-OSS' }).mode, 'portkey-oss');
  });

  test('refuses a directory as the jar', () => {
    assert.throws(() => read({ jar: '.' }), /^Error: gateway stub jar not found: /);
  });
});

describe('summarize', () => {
  const stats = {
    requests: 4,
    errors: 1,
    byPath: { '/v1/embeddings': 1, '/v1/chat/completions': 2, '/responses': 1 },
    byStatus: { 401: 1, 200: 3 },
  };
  const journal = {
    capacity: 2,
    dropped: 2,
    entries: [
      { seq: 3, method: 'POST', path: '/v1/chat/completions', status: 401, model: 'gpt-4o', key: 'sk-...abcd', headers: { authorization: 'x' }, requestBody: '{"secret":1}' },
      { seq: 4, method: 'POST', path: '/responses', status: 200, model: 'gpt-4o', key: 'sk-...abcd' },
    ],
  };

  test('counts per path and status come from the stats, most used path first', () => {
    const report = summarize(stats, journal);
    assert.equal(report.requests, 4);
    assert.equal(report.errors, 1);
    assert.deepEqual(report.byPath.map((row) => [row.path, row.route, row.count]), [
      ['/v1/chat/completions', 'public (LLM)', 2],
      ['/responses', 'public (CODEX)', 1],
      ['/v1/embeddings', 'internal (EMBEDDINGS)', 1],
    ]);
    assert.deepEqual(report.byStatus, [{ status: '200', count: 3 }, { status: '401', count: 1 }]);
    assert.equal(report.journalDropped, 2);
  });

  test('error rows carry only what is safe to show: no headers, no bodies', () => {
    const { errorRows } = summarize(stats, journal);
    assert.deepEqual(errorRows, [{ seq: 3, method: 'POST', path: '/v1/chat/completions', status: 401, model: 'gpt-4o', key: 'sk-...abcd' }]);
  });

  test('shows at most 20 failed requests and counts the rest', () => {
    const entries = Array.from({ length: 25 }, (_, i) => ({ seq: i, method: 'POST', path: '/x', status: 500 }));
    const report = summarize({ requests: 25, errors: 25, byPath: {}, byStatus: {} }, { entries });
    assert.equal(report.errorRows.length, 20);
    assert.equal(report.errorRows[0].seq, 5);
    assert.equal(report.errorsNotShown, 5);
  });

  test('maps paths to routes with and without /v1', () => {
    assert.equal(routeOf('/embeddings'), 'internal (EMBEDDINGS)');
    assert.equal(routeOf('/v1/responses'), 'public (CODEX)');
    assert.equal(routeOf('/health/liveliness'), 'health');
    assert.equal(routeOf('/v1/unknown'), '');
  });

  test('escapes client-controlled text before it reaches the summary HTML', () => {
    assert.equal(escapeHtml('/v1/<img src=x onerror="a">'), '/v1/&#60;img src=x onerror=&#34;a&#34;&#62;');
  });
});

describe('writeStubConfig', () => {
  test('adds the keys to a given config and writes an owner-only file', () => {
    const dir = tempDir('stub-config-test');
    const base = path.join(dir, 'base.json');
    fs.writeFileSync(base, JSON.stringify({ other: true, virtualKeys: [{ key: 'sk-test-existing', models: [] }] }));
    const file = path.join(dir, 'stub.json');
    writeStubConfig(file, [{ key: 'sk-test-new', models: ['gpt-4o'], generated: false }], base);
    assert.deepEqual(JSON.parse(fs.readFileSync(file, 'utf8')), {
      other: true,
      virtualKeys: [{ key: 'sk-test-existing', models: [] }, { key: 'sk-test-new', models: ['gpt-4o'] }],
    });
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
  });

  test('names the file when the given config is not JSON', () => {
    const dir = tempDir('stub-config-test');
    const base = path.join(dir, 'broken.json');
    fs.writeFileSync(base, '{ not json');
    assert.throws(() => writeStubConfig(path.join(dir, 'out.json'), [], base), new RegExp(`^Error: stub config ${base} is not valid: `));
  });
});
