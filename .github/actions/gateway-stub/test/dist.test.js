'use strict';

// The committed dist/ is what runners execute: it must be the bundle of the current src/.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { ACTION_DIR, tempDir } = require('./support/runner');

test('dist/ is the ncc bundle of src/ (run npm run build after changing src/)', () => {
  const out = tempDir('gateway-stub-dist');
  const ncc = path.join(ACTION_DIR, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
  const build = spawnSync(process.execPath, [ncc, 'build', 'src/index.js', '-o', out, '--license', 'licenses.txt', '--quiet'], {
    cwd: ACTION_DIR,
    encoding: 'utf8',
  });
  assert.equal(build.status, 0, build.stderr);
  for (const file of ['index.js', 'licenses.txt']) {
    const fresh = fs.readFileSync(path.join(out, file), 'utf8');
    const committed = fs.readFileSync(path.join(ACTION_DIR, 'dist', file), 'utf8');
    assert.ok(fresh === committed, `dist/${file} is stale: run npm run build`);
  }
});
