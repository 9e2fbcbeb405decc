'use strict';

const fs = require('node:fs');

/**
 * Writes the stub's `--config` file holding the virtual keys, merged into the user's own config file
 * when one is given. The file is readable by the owner only, since it holds keys.
 *
 * @param {string} file where to write
 * @param {{key: string, models: string[]}[]} virtualKeys keys to add
 * @param {string} [baseConfig] path of a config file to start from
 */
function writeStubConfig(file, virtualKeys, baseConfig) {
  const config = baseConfig ? readJson(baseConfig) : {};
  const existing = Array.isArray(config.virtualKeys) ? config.virtualKeys : [];
  config.virtualKeys = [...existing, ...virtualKeys.map(({ key, models }) => ({ key, models }))];
  fs.writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
}

function readJson(file) {
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read stub config ${file}: ${error.message}`);
  }
  try {
    const parsed = JSON.parse(text);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new Error('the top level is not a JSON object');
    }
    return parsed;
  } catch (error) {
    throw new Error(`stub config ${file} is not valid: ${error.message}`);
  }
}

module.exports = { writeStubConfig };
