'use strict';

// OpenAI-style calls to a stub the action started.

/** POST /chat/completions through the stub with a key, the way an OpenAI client would. */
async function chat(baseUrl, key, model, content = 'hello from the action test') {
  const response = await fetch(`${baseUrl}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ model, messages: [{ role: 'user', content }] }),
  });
  return { status: response.status, body: await response.json() };
}

/** POST /embeddings through the stub with a key. */
async function embed(baseUrl, key, model, input = 'an embedding test input') {
  const response = await fetch(`${baseUrl}/embeddings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ model, input, encoding_format: 'float' }),
  });
  return { status: response.status, body: await response.json() };
}

/** True when a TCP connection to the URL's origin is refused, i.e. nothing serves there any more. */
async function isRefused(url) {
  try {
    await fetch(`${new URL(url).origin}/__stub/ready`, { signal: AbortSignal.timeout(2000) });
    return false;
  } catch (error) {
    return error.cause?.code === 'ECONNREFUSED';
  }
}

module.exports = { chat, embed, isRefused };
