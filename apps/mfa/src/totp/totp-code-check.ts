import { Injectable } from '@nestjs/common';
import { SealedSecret, SecretCipher } from '../secrets/secret-cipher';
import { ReplayGuard } from './replay-guard';
import { matchedTimeStep } from './totp';

/** `replayed`: right, but already used (or older than a code already used). */
export type CodeOutcome = 'accepted' | 'wrong' | 'replayed';

/** A factor as a code is checked against it: whose, and its sealed secret. */
export interface CheckedFactor {
  id: string;
  userId: string;
  sealed: SealedSecret;
}

@Injectable()
export class TotpCodeCheck {
  constructor(
    private readonly cipher: SecretCipher,
    private readonly replayGuard: ReplayGuard,
  ) {}

  /** @param signInId the sign-in that sends the code, which may send it again when its answer was lost */
  async check(factor: CheckedFactor, code: string, signInId?: string): Promise<CodeOutcome> {
    const step = matchedTimeStep(code, this.cipher.open(factor.sealed, factor.userId), Date.now());
    if (step === null) return 'wrong';
    return (await this.replayGuard.claim(factor, step, signInId)) ? 'accepted' : 'replayed';
  }

  /** The secret sealed again under the current key when a retired one sealed it, so that the retired key can eventually go. */
  resealedIfStale(factor: CheckedFactor): SealedSecret | null {
    if (!this.cipher.isStale(factor.sealed)) return null;
    return this.cipher.seal(this.cipher.open(factor.sealed, factor.userId), factor.userId);
  }
}
