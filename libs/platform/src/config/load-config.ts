import { z } from 'zod';

export class ConfigError extends Error {}

/**
 * Reads the environment once, at boot. Every bad or missing key is listed in
 * one error, so an operator fixes them all in one go.
 * @throws ConfigError
 */
export function loadConfig<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv): z.output<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}

/**
 * Reads the configuration or exits with every problem listed.
 * Exits rather than throws: a service with bad configuration must not start.
 */
export function readConfigOrExit<C>(name: string, read: () => C): C {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${name} cannot start. ${error.message}\n`);
    process.exit(1);
  }
}
