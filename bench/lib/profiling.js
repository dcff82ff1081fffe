'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { summarizeProfile } = require('./profile-summary');

const WAIT_MS = 15_000;
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Hooks for load.measure() that profile every app of the stack during the
 * measured part of one scenario (through lib/profiler-preload.js), and keep
 * a self-time summary per app in `summaries[scenario]`.
 */
function profilingFor(stack, directory, summaries) {
  let round = 0;
  const apps = stack.apps.map((app) => app.label);
  const control = path.join(directory, 'control.json');
  fs.writeFileSync(control, JSON.stringify({ round, running: false }));
  return (scenario) => ({
    beforeRun: async () => {
      round += 1;
      fs.writeFileSync(control, JSON.stringify({ round, running: true }));
      await pause(300);
    },
    afterRun: async () => {
      fs.writeFileSync(control, JSON.stringify({ round, running: false }));
      summaries[scenario] = {};
      for (const app of apps) {
        const written = path.join(directory, `${app}-${round}.done`);
        const deadline = Date.now() + WAIT_MS;
        while (!fs.existsSync(written) && Date.now() < deadline) await pause(100);
        const file = path.join(directory, `${app}-${round}.cpuprofile`);
        if (!fs.existsSync(file)) continue;
        const named = path.join(directory, `${scenario}-${app}.cpuprofile`);
        fs.renameSync(file, named);
        fs.rmSync(written);
        summaries[scenario][app] = summarizeProfile(JSON.parse(fs.readFileSync(named, 'utf8')));
      }
    },
  });
}

module.exports = { profilingFor };
