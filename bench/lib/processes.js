'use strict';
const net = require('node:net');
const readline = require('node:readline');
const { spawn, fork } = require('node:child_process');

const STOP_GRACE_MS = 10_000;

/**
 * Ports this process handed out. A port is released as soon as it is found, and
 * the kernel may find it again before its child binds it: the chaos run's NATS
 * cluster once got one port as a node's client port and another node's route
 * port, and that node could not start.
 */
const handedOut = new Set();

/** A port the kernel just handed out, never one handed out before by this process; released at once, so the child can take it. */
async function freePort() {
  for (;;) {
    const port = await new Promise((resolve, reject) => {
      const probe = net.createServer().once('error', reject);
      probe.listen(0, '127.0.0.1', () => {
        const { port: found } = probe.address();
        probe.close(() => resolve(found));
      });
    });
    if (!handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
}

/**
 * Runs a Node program, forwarding its output prefixed by `label` (stderr alone when
 * `quiet`); `onUnexpectedExit`
 * fires if it dies before stop() was asked, so a crash aborts the bench.
 */
function startNode(label, entry, { env, args = [], nodeArgs = [], ipc = false, quiet = false, onUnexpectedExit, log }) {
  const options = { env, stdio: ['ignore', 'pipe', 'pipe', ...(ipc ? ['ipc'] : [])], execArgv: nodeArgs };
  const child = ipc ? fork(entry, args, options) : spawn(process.execPath, [...nodeArgs, entry, ...args], options);
  // quiet: its stdout is read and dropped, as a log collector would read it, so writing it costs what it costs in production.
  let quietBytes = 0;
  if (quiet) child.stdout.on('data', (chunk) => (quietBytes += chunk.length));
  for (const output of quiet ? [child.stderr] : [child.stdout, child.stderr]) {
    readline.createInterface({ input: output }).on('line', (line) => log(`${label.padEnd(9)}| ${line}`));
  }
  let stopping = false;
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  exited.then(({ code, signal }) => {
    if (!stopping) onUnexpectedExit?.(new Error(`${label} exited (${signal ?? `code ${code}`})`));
  });
  return {
    child,
    label,
    /** Bytes written to stdout so far, when quiet. */
    outputBytes: () => quietBytes,
    async stop() {
      if (stopping) return exited;
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      const outcome = await exited;
      clearTimeout(killer);
      return outcome;
    },
  };
}

/** Sends one request over IPC and waits for the reply with the same id. */
function ipcCall(child, command, payload = {}) {
  const id = `${Date.now()}-${Math.random()}`;
  return new Promise((resolve, reject) => {
    const onMessage = (message) => {
      if (message?.id !== id) return;
      child.off('message', onMessage);
      if (message.error) reject(new Error(`${command}: ${message.error}`));
      else resolve(message.result);
    };
    child.on('message', onMessage);
    child.send({ id, command, payload });
  });
}

/** The child side of ipcCall. */
function serveIpc(handlers) {
  process.on('message', async ({ id, command, payload }) => {
    try {
      const handler = handlers[command];
      if (!handler) throw new Error(`unknown command ${command}`);
      process.send({ id, result: await handler(payload) });
    } catch (error) {
      process.send({ id, error: error.stack ?? String(error) });
    }
  });
}

module.exports = { freePort, startNode, ipcCall, serveIpc };
