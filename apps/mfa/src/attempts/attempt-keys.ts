/**
 * Every key of mfa's limits, after the deployment's prefix. Those of one user
 * carry the user as their hash tag: one script, or one DEL, touches them
 * together on one Cluster slot.
 */
export const AttemptKeys = {
  /** Answers counted for one sign-in (or pending enrolment). */
  signIn: (userId: string, attemptId: string) => `mfa:{${userId}}:attempts:sign-in:${attemptId}`,
  /** Wrong answers since the last timed lock, forgotten after a day. */
  user: (userId: string) => `mfa:{${userId}}:attempts:user`,
  /** Wrong answers since the last right one, never forgotten. */
  consecutive: (userId: string) => `mfa:{${userId}}:attempts:consecutive`,
  /** The timed lock. */
  lock: (userId: string) => `mfa:{${userId}}:lock`,
  /** The factor lock, until a recovery code or an admin. */
  factorLock: (userId: string) => `mfa:{${userId}}:factor-lock`,
} as const;

/**
 * The keys of the versions before hash tags, by the family that replaces them
 * (the sign-in counters are left: their sign-ins start again at the deploy).
 */
export const LEGACY_ATTEMPT_KEYS = {
  user: 'mfa:attempts:user:',
  consecutive: 'mfa:attempts:consecutive:',
  lock: 'mfa:lock:',
  factorLock: 'mfa:factor-lock:',
} as const satisfies Partial<Record<keyof typeof AttemptKeys, string>>;
