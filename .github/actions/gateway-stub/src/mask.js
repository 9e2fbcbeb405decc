'use strict';

/**
 * Masks a key the way the whole kit does: first 3 characters, an ellipsis, last 4; keys shorter than
 * 12 characters are fully masked, because showing 7 of them would reveal most of the key.
 */
function maskKey(key) {
  if (typeof key !== 'string' || key.length === 0) {
    return '';
  }
  if (key.length < 12) {
    return '****';
  }
  return `${key.slice(0, 3)}...${key.slice(-4)}`;
}

module.exports = { maskKey };
