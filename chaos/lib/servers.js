'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');

const STOP_GRACE_MS = 10_000;

/**
 * One server process that the run may kill and start again: `start()` spawns it
 * with the same command, `kill(signal)` ends it as a fault would, its output goes
 * to `logFile`, and `onExit` hears of every exit that nobody asked for.
 */
function supervised(label, command, args, { env, logFile, onExit, cwd }) {
  let child = null;
  let expected = false;
  const log = fs.createWriteStream(logFile, { flags: 'a' });
  const server = {
    label,
    get pid() {
      return child?.pid;
    },
    get running() {
      return child !== null && child.exitCode === null && child.signalCode === null;
    },
    start() {
      expected = false;
      child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.pipe(log, { end: false });
      child.stderr.pipe(log, { end: false });
      const me = child;
      me.once('exit', (code, signal) => {
        log.write(`--- ${label} exited (${signal ?? `code ${code}`})\n`);
        if (!expected && me === child) onExit?.(label, signal ?? `code ${code}`);
      });
      return server;
    },
    /** A fault: the exit that follows is expected, the restart is the caller's. */
    kill(signal) {
      expected = true;
      const me = child;
      const exited = new Promise((resolve) => (me.exitCode !== null || me.signalCode !== null ? resolve() : me.once('exit', resolve)));
      me.kill(signal);
      return exited;
    },
    async stop() {
      if (!child || !server.running) return;
      const exited = server.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(killer);
    },
  };
  return server;
}

async function waitFor(what, check, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let problem = 'not yet';
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (error) {
      if (error.fatal) throw error;
      problem = error.message;
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${what} after ${timeoutMs / 1000} s: ${problem}`);
}

/** An error that waitFor does not wait out, e.g. the process it waits for has exited. */
const fatal = (message) => Object.assign(new Error(message), { fatal: true });

/** The end of a server's log, for the error that says why it exited. */
const lastLines = (logFile, count = 5) => {
  try {
    return fs.readFileSync(logFile, 'utf8').trim().split('\n').slice(-count).join(' | ');
  } catch {
    return '(no log)';
  }
};

const workDir = (root, name) => {
  const dir = path.join(root, name);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
};

/**
 * Runs `forming` (a cluster's nodes finding one another); if it fails, stops
 * the nodes already started before passing the error on: the run registers a
 * cluster's cleanup only once it formed, and nothing else would stop them.
 */
async function stoppedIfNot(nodes, forming) {
  try {
    await forming();
  } catch (error) {
    await Promise.all(nodes.map((node) => node.stop()));
    throw error;
  }
}

module.exports = { stoppedIfNot, supervised, waitFor, workDir, fatal, lastLines };
