import { codeForStep, STEP_SECONDS, timeStepAt, wrongCode } from './totp';

const STEP_MS = STEP_SECONDS * 1000;

/**
 * The phone's authenticator app, as a browser spec types its codes: the server
 * takes a code once per user, so each call hands out a step not used yet (this
 * one, the next, or the previous while it is still well inside the ±1 window).
 */
export class Authenticator {
  private readonly used = new Set<number>();

  readonly secret: string;

  /** The setup key as the portal shows it, in groups of four: spaces are only for reading. */
  constructor(setupKey: string) {
    this.secret = setupKey.replace(/\s/g, '');
  }

  async code(): Promise<string> {
    for (;;) {
      const now = Date.now();
      const step = timeStepAt(now);
      const candidates = now % STEP_MS < 20_000 ? [step, step + 1, step - 1] : [step, step + 1];
      const free = candidates.find((candidate) => !this.used.has(candidate));
      if (free !== undefined) {
        this.used.add(free);
        return codeForStep(this.secret, free);
      }
      await new Promise((resolve) => setTimeout(resolve, STEP_MS - (now % STEP_MS) + 50));
    }
  }

  /** Six digits the server cannot accept now. */
  wrongCode(): string {
    return wrongCode(this.secret);
  }
}
