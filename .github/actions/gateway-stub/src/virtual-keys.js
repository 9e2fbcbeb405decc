'use strict';

const crypto = require('node:crypto');
const { maskKey } = require('./mask');

/** Placeholder that asks the action to generate a random key instead of using a literal one. */
const GENERATE = 'generate';

/**
 * Parses the `virtual-keys` input: one key per line as `key=model1,model2`. A key with no `=` or an
 * empty model list may call every model. The word `generate` in place of a key creates a random,
 * obviously fake key (`sk-stub-…`), so workflows need no secret to exercise key checks.
 *
 * @param {string} text the raw multiline input
 * @param {() => string} [generateKey] key generator, replaceable in tests
 * @returns {{key: string, models: string[], generated: boolean}[]}
 */
function parseVirtualKeys(text, generateKey = newStubKey) {
  const keys = [];
  const seen = new Set();
  const lines = String(text ?? '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) {
      return;
    }
    const where = `virtual-keys line ${index + 1}`;
    const eq = line.indexOf('=');
    const keyPart = (eq < 0 ? line : line.slice(0, eq)).trim();
    const modelPart = eq < 0 ? '' : line.slice(eq + 1).trim();
    if (keyPart === '') {
      throw new Error(`${where}: missing key before "="; write key=model1,model2 or generate=model1,model2`);
    }
    if (/^bearer\s/i.test(keyPart)) {
      throw new Error(`${where}: write the bare key, not "Bearer <key>"`);
    }
    if (/\s/.test(keyPart)) {
      throw new Error(`${where}: key ${maskKey(keyPart)} contains whitespace; keys are single tokens`);
    }
    const models = modelPart === '' ? [] : modelPart.split(',').map((m) => m.trim());
    if (models.some((m) => m === '')) {
      throw new Error(`${where}: empty model name in "${modelPart}"; separate model names with single commas`);
    }
    const generated = keyPart.toLowerCase() === GENERATE;
    const key = generated ? generateKey() : keyPart;
    if (seen.has(key)) {
      throw new Error(`${where}: key ${maskKey(key)} is listed twice`);
    }
    seen.add(key);
    keys.push({ key, models, generated });
  });
  return keys;
}

/** A random key whose name says it is fake; 96 random bits are plenty for a throw-away CI key. */
function newStubKey() {
  return `sk-stub-${crypto.randomBytes(12).toString('hex')}`;
}

module.exports = { parseVirtualKeys, newStubKey };
