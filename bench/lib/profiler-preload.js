'use strict';
/**
 * Preloaded into an app with --require when the bench profiles. The bench
 * writes $BENCH_PROFILE_DIR/control.json ({ round, running }); this starts a
 * CPU profile when running turns true and writes it when it turns false, so
 * each scenario gets its own profile. (node --cpu-prof gives one for the whole
 * run, and none when the process ends on a signal; signals are no way to ask,
 * since Nest's shutdown hooks take SIGUSR2 and the rest.)
 */
const fs = require('node:fs');
const path = require('node:path');
const inspector = require('node:inspector');

const directory = process.env.BENCH_PROFILE_DIR;
const label = process.env.BENCH_PROFILE_LABEL ?? `pid${process.pid}`;
const control = path.join(directory, 'control.json');
const session = new inspector.Session();
session.connect();
let running = false;

const post = (method, params) =>
  new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));

async function follow() {
  let wanted;
  try {
    wanted = JSON.parse(fs.readFileSync(control, 'utf8'));
  } catch {
    return;
  }
  if (wanted.running && !running) {
    running = true;
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 500 });
    await post('Profiler.start');
  } else if (!wanted.running && running) {
    running = false;
    const { profile } = await post('Profiler.stop');
    fs.writeFileSync(path.join(directory, `${label}-${wanted.round}.cpuprofile`), JSON.stringify(profile));
    fs.writeFileSync(path.join(directory, `${label}-${wanted.round}.done`), '');
  }
}

fs.watchFile(control, { interval: 100, persistent: false }, () => {
  follow().catch((error) => process.stderr.write(`profiler: ${error.message}\n`));
});
