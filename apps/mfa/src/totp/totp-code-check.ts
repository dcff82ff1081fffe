import { Injectable } from '@nestjs/common';
import { SecretCipher } from '../secrets/secret-cipher';
import { ReplayGuard } from './replay-guard';
import { matchedTimeStep } from './totp';
import { TotpFactor } from './totp-factor.entity';

/** `replayed`: right, but already used (or older than a code already used). */
export type CodeOutcome = 'accepted' | 'wrong' | 'replayed';

@Injectable()
export class TotpCodeCheck {
  constructor(
    private readonly cipher: SecretCipher,
    private readonly replayGuard: ReplayGuard,
  ) {}

  async check(factor: TotpFactor, code: string): Promise<CodeOutcome> {
    const step = matchedTimeStep(code, this.cipher.open(factor.sealedSecret(), factor.userId), Date.now());
    if (step === null) return 'wrong';
    return (await this.replayGuard.claim(factor, step)) ? 'accepted' : 'replayed';
  }

  /** Seals the secret again under the current key, so that a retired key can eventually go. */
  resealIfStale(factor: TotpFactor): boolean {
    if (!this.cipher.isStale(factor.sealedSecret())) return false;
    factor.reseal(this.cipher.seal(this.cipher.open(factor.sealedSecret(), factor.userId), factor.userId));
    return true;
  }
}
