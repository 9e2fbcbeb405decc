'use strict';

const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { spawn } = require('node:child_process');

/** The one line the stub prints on stdout once it serves requests. */
const READY_LINE = /^gateway-stub ready: (\S+) \(mode ([\w-]+)\)\s*$/m;

/** Pause between readiness probes; short, so a stub that is ready in 200 ms is seen in ~200 ms. */
const POLL_INTERVAL_MS = 100;

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts the stub in its own process group so it outlives this step, with stdout and stderr going to
 * files: a pipe would close when the step's process exits and the stub would lose its output.
 *
 * @returns {Promise<{pid: number, baseUrl: string, origin: string, mode: string}>}
 */
async function startStub({ java, jar, args, logDir, timeoutMillis, port, env = process.env }) {
  const stdoutFile = path.join(logDir, 'stub.out.log');
  const stderrFile = path.join(logDir, 'stub.err.log');
  const out = fs.openSync(stdoutFile, 'w');
  const err = fs.openSync(stderrFile, 'w');
  let child;
  try {
    child = spawn(java, ['-jar', jar, ...args], { detached: true, stdio: ['ignore', out, err], env });
  } finally {
    fs.closeSync(out);
    fs.closeSync(err);
  }

  let exit;
  child.once('exit', (code, signal) => {
    exit = { code, signal };
  });
  child.once('error', (error) => {
    exit = { error };
  });
  const logs = () => ({ stdout: readText(stdoutFile), stderr: readText(stderrFile) });

  const deadline = Date.now() + timeoutMillis;
  try {
    for (;;) {
      if (exit) {
        throw new Error(await explainEarlyExit(exit, { java, port, logs: logs() }));
      }
      const match = READY_LINE.exec(logs().stdout);
      if (match) {
        const ready = await probeReady(new URL(match[1]).origin);
        if (ready) {
          child.unref();
          return { pid: child.pid, baseUrl: ready.baseUrl || match[1], origin: new URL(match[1]).origin, mode: match[2] };
        }
      }
      if (Date.now() >= deadline) {
        throw new Error(explainTimeout(timeoutMillis, match, logs()));
      }
      await delay(POLL_INTERVAL_MS);
    }
  } catch (error) {
    if (child.pid && !exit) {
      await stopProcess(child.pid);
    }
    child.unref();
    throw error;
  }
}

/** GET /__stub/ready; resolves to its JSON body when the stub answers 200 with status "ready". */
async function probeReady(origin) {
  try {
    const response = await fetch(`${origin}/__stub/ready`, { signal: AbortSignal.timeout(2000) });
    if (response.status !== 200) {
      return undefined;
    }
    const body = await response.json();
    return body && body.status === 'ready' ? body : undefined;
  } catch {
    return undefined;
  }
}

async function explainEarlyExit(exit, { java, port, logs }) {
  if (exit.error) {
    const hint = exit.error.code === 'ENOENT' ? ' Is a JDK installed (actions/setup-java) and the java input right?' : '';
    return `could not run "${java}": ${exit.error.message}.${hint}`;
  }
  const how = exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
  const stderr = lastLines(logs.stderr) || lastLines(logs.stdout) || '(no output)';
  if (exit.code === 2 && port !== 0 && (await isListening(port))) {
    return `port ${port} is already in use on 127.0.0.1; the gateway stub ${how}: ${stderr}. ` +
      'Free the port or use port 0 to pick a free one.';
  }
  return `gateway stub ${how} before becoming ready: ${stderr}`;
}

function explainTimeout(timeoutMillis, match, logs) {
  const seconds = timeoutMillis / 1000;
  const what = match
    ? `it printed "${match[0].trim()}" but GET /__stub/ready did not answer 200`
    : 'it never printed its "gateway-stub ready: …" line';
  const output = lastLines(logs.stderr) || lastLines(logs.stdout);
  return `gateway stub was not ready within ${seconds} s: ${what}. ` +
    `${output ? `Last output: ${output}. ` : ''}Raise timeout-seconds if the machine is slow.`;
}

/** True when something accepts TCP connections on 127.0.0.1:port. */
function isListening(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Stops a process started by {@link startStub}: SIGTERM to its process group, a grace period for a
 * clean shutdown, then SIGKILL.
 *
 * @returns {Promise<'not-running'|'stopped'|'killed'>}
 */
async function stopProcess(pid, { graceMillis = 10_000 } = {}) {
  if (!isAlive(pid)) {
    return 'not-running';
  }
  signal(pid, 'SIGTERM');
  if (await waitForExit(pid, graceMillis)) {
    return 'stopped';
  }
  signal(pid, 'SIGKILL');
  await waitForExit(pid, 5_000);
  return 'killed';
}

async function waitForExit(pid, millis) {
  const deadline = Date.now() + millis;
  while (isAlive(pid)) {
    if (Date.now() >= deadline) {
      return false;
    }
    await delay(50);
  }
  return true;
}

function signal(pid, name) {
  try {
    // Negative pid = the whole group, so a wrapper script's children go too.
    process.kill(-pid, name);
  } catch {
    try {
      process.kill(pid, name);
    } catch {
      // Already gone.
    }
  }
}

/** Alive = exists and is not a zombie (on Linux a reparented zombie still answers kill(pid, 0)). */
function isAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return error.code === 'EPERM';
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return process.platform !== 'linux';
  }
}

function readText(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** The tail of a log, on one line, for an error message. */
function lastLines(text, count = 5) {
  return text.trim().split(/\r?\n/).filter(Boolean).slice(-count).join(' | ').slice(0, 2000);
}

module.exports = { startStub, stopProcess, isAlive, probeReady, READY_LINE };
