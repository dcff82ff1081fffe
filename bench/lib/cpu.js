'use strict';
const fs = require('node:fs');
const { execFileSync } = require('node:child_process');

/**
 * CPU time per operation, read from /proc: user + system time of each process
 * of a system before and after the measured window, divided by the requests
 * made. Throughput on a shared 2-core VM swings by a factor of three from one
 * day to the next; CPU spent per request moves far less.
 */
const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();
const MS_PER_TICK = 1000 / TICKS_PER_SECOND;

/** User + system time of one process in ms, or null when it is gone (or not on this machine). */
function processCpuMs(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name sits in parentheses and may hold spaces: count fields after its closing one.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
  } catch {
    return null;
  }
}

/** Busy time of the whole machine, all cores together, in ms: everything but idle and iowait. */
function machineBusyMs() {
  const [, ...values] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const [user, nice, system, , , irq, softirq, steal] = values.map(Number);
  return (user + nice + system + irq + softirq + steal) * MS_PER_TICK;
}

/** Pids of processes named `comm` (e.g. nats-server) on this machine. */
function pidsNamed(comm) {
  return fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === comm;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/**
 * The shared infrastructure's pids: Redis says its own (INFO server), NATS is
 * found by name (only if one runs here), Postgres backends are looked up per
 * database at each reading (pools may open connections during a run).
 */
async function infrastructurePids({ redis, natsPort }) {
  const info = await redis.info('server');
  const redisPid = Number(/^process_id:(\d+)/m.exec(info)?.[1]) || null;
  const natsCandidates = pidsNamed('nats-server');
  const natsPid =
    natsCandidates.length === 1
      ? natsCandidates[0]
      : (natsCandidates.find((pid) => fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(String(natsPort))) ?? null);
  return { redis: redisPid, nats: natsPid };
}

/**
 * A meter for the processes of every system; `read()` snapshots them all,
 * `perOperation(before, after, operations, parts)` gives ms per operation of
 * each part named in `parts` (a process label, `postgres:<database>`), and
 * their total.
 */
function cpuMeter({ adminClient, infrastructure }) {
  const processes = new Map(Object.entries(infrastructure).filter(([, pid]) => pid));

  async function postgresBackends() {
    const { rows } = await adminClient.query('select datname, pid from pg_stat_activity where datname is not null and pid <> pg_backend_pid()');
    return rows;
  }

  return {
    /** Names a process (e.g. gateway, better-auth) whose time `read()` will take. */
    track(label, pid) {
      processes.set(label, pid);
    },
    async read() {
      const backends = await postgresBackends();
      const snapshot = { at: process.hrtime.bigint(), machine: machineBusyMs(), loadGenerator: process.cpuUsage(), parts: {} };
      for (const [label, pid] of processes) snapshot.parts[label] = processCpuMs(pid);
      for (const { datname, pid } of backends) snapshot.parts[`postgres:${datname}:${pid}`] = processCpuMs(pid);
      return snapshot;
    },
    perOperation(before, after, operations, parts) {
      const per = (ms) => (operations > 0 ? round(ms / operations) : null);
      const spent = (part) => {
        if (!part.startsWith('postgres:')) {
          const [start, end] = [before.parts[part], after.parts[part]];
          return start === undefined || start === null || end === null || end === undefined ? null : end - start;
        }
        // A backend opened during the window counts from zero; one closed during it is lost (pools keep theirs).
        const prefix = `${part}:`;
        return Object.keys(after.parts)
          .filter((key) => key.startsWith(prefix) && after.parts[key] !== null)
          .reduce((sum, key) => sum + after.parts[key] - (before.parts[key] ?? 0), 0);
      };
      const byPart = Object.fromEntries(parts.map((part) => [part.replace(/^postgres:.*/, 'postgres'), per(spent(part) ?? Number.NaN)]));
      const known = Object.values(byPart).filter((value) => Number.isFinite(value));
      const loadGeneratorMicros = after.loadGenerator.user - before.loadGenerator.user + after.loadGenerator.system - before.loadGenerator.system;
      return {
        msPerOperation: round(known.reduce((sum, value) => sum + value, 0)),
        byPart: Object.fromEntries(Object.entries(byPart).map(([part, value]) => [part, Number.isFinite(value) ? value : null])),
        machineMsPerOperation: per(after.machine - before.machine),
        loadGeneratorMsPerOperation: per(loadGeneratorMicros / 1000),
        /** Cores the whole machine kept busy on average: 2 is all of a 2-core VM, whoever used them. */
        machineBusyCores: round((after.machine - before.machine) / (Number(after.at - before.at) / 1e6)),
      };
    },
  };
}

const round = (value) => Math.round(value * 1000) / 1000;

module.exports = { cpuMeter, infrastructurePids, processCpuMs, machineBusyMs };
