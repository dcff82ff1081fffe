export interface Argon2Parameters {
  /** KiB */
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/** OWASP's Password Storage Cheat Sheet baseline for argon2id: 19 MiB, 2 passes, 1 lane. */
export const CURRENT_ARGON2_PARAMETERS: Argon2Parameters = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

const ARGON2_VERSION = 19;

/**
 * Whether a stored PHC string (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`) was
 * made with another algorithm, version or cost than `current`. Anything that
 * does not parse counts as outdated, so that it gets replaced at the next sign-in.
 */
export function needsRehash(storedHash: string, current: Argon2Parameters = CURRENT_ARGON2_PARAMETERS): boolean {
  const [empty, algorithm, version, parameters] = storedHash.split('$');
  if (empty !== '' || algorithm !== 'argon2id' || version !== `v=${ARGON2_VERSION}` || !parameters) return true;
  const costs = new Map(parameters.split(',').map((pair) => pair.split('=') as [string, string]));
  return (
    costs.size !== 3 ||
    costs.get('m') !== String(current.memoryCost) ||
    costs.get('t') !== String(current.timeCost) ||
    costs.get('p') !== String(current.parallelism)
  );
}
