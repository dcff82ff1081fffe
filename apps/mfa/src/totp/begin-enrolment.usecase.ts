import { MfaPatterns, ParsedRequestOf, TotpEnrolment } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import QRCode from 'qrcode';
import { SecretCipher } from '../secrets/secret-cipher';
import { newTotpSecret, totpKeyUri } from './totp';
import { TotpFactor } from './totp-factor.entity';

export type EnrolmentRequest = ParsedRequestOf<typeof MfaPatterns.beginEnrolment>;

@Injectable()
export class BeginEnrolment {
  constructor(
    private readonly em: EntityManager,
    private readonly cipher: SecretCipher,
  ) {}

  /**
   * Replaces any pending factor; while one is active, the set-up cannot be
   * confirmed (ConfirmEnrolment). The secret leaves the service here and never again.
   */
  async execute({ userId, issuer, label }: EnrolmentRequest): Promise<TotpEnrolment> {
    const secret = newTotpSecret();
    const sealed = this.cipher.seal(secret, userId);
    // One statement, so that two enrolments started together leave one pending row, not a unique violation.
    await this.em
      .fork()
      .createQueryBuilder(TotpFactor)
      .insert({ id: randomUUID(), userId, state: 'pending', ...sealed, createdAt: new Date() })
      .onConflict(['userId', 'state'])
      .merge(['id', 'ciphertext', 'iv', 'authTag', 'keyId', 'createdAt']);
    const otpauthUrl = totpKeyUri(secret, label, issuer);
    return { secret, otpauthUrl, qrSvg: await QRCode.toString(otpauthUrl, { type: 'svg', margin: 2 }) };
  }
}
