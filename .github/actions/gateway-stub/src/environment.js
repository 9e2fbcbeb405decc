'use strict';

/** True when a variable holds something other than whitespace: the kit treats empty as unset. */
function isSet(value) {
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * Exports each variable to later steps unless the job already set it, so a workflow that points
 * `OPENAI_BASE_URL` somewhere on purpose keeps its choice.
 *
 * @param {Record<string, string>} variables name → value to export
 * @param {{env: Record<string, string|undefined>, exportVariable: Function, info: Function}} runner
 * @returns {{exported: string[], kept: string[]}}
 */
function exportUnlessSet(variables, { env, exportVariable, info }) {
  const exported = [];
  const kept = [];
  for (const [name, value] of Object.entries(variables)) {
    if (isSet(env[name])) {
      // The value is not printed: it may be a key, and a URL can carry credentials.
      info(`${name} is already set; left unchanged`);
      kept.push(name);
    } else {
      exportVariable(name, value);
      exported.push(name);
    }
  }
  return { exported, kept };
}

module.exports = { isSet, exportUnlessSet };
