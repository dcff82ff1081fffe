'use strict';
/** The command line: `--seconds N`, `--smoke`, and one switch per engine (clustered by default). */
const ENGINES = { redis: ['cluster', 'single'], nats: ['cluster', 'single'], postgres: ['pgbouncer', 'direct'] };

function parseOptions(argv) {
  const options = { seconds: 300, smoke: false, redis: 'cluster', nats: 'cluster', postgres: 'pgbouncer' };
  const problems = [];
  for (let index = 0; index < argv.length; index++) {
    const flag = argv[index];
    if (flag === '--smoke') Object.assign(options, { seconds: 60, smoke: true });
    else if (flag === '--seconds') options.seconds = Number(argv[++index]);
    else if (Object.hasOwn(ENGINES, flag.slice(2))) options[flag.slice(2)] = argv[++index];
    else problems.push(`unknown option ${flag}`);
  }
  if (!Number.isFinite(options.seconds) || options.seconds <= 0) problems.push('--seconds must be a positive number');
  for (const [engine, choices] of Object.entries(ENGINES)) {
    if (!choices.includes(options[engine])) problems.push(`--${engine} must be one of ${choices.join('|')}`);
  }
  if (problems.length > 0) throw new Error(problems.join('; '));
  return options;
}

module.exports = { parseOptions };
