import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { TotpFactor } from './totp-factor.entity';

@Injectable()
export class FactorStatus {
  constructor(private readonly em: EntityManager) {}

  /** A pending enrolment does not count: 2FA is on once a factor is confirmed. */
  async execute(userId: string): Promise<{ enabled: boolean }> {
    const active = await this.em.fork().count(TotpFactor, { userId, state: 'active' });
    return { enabled: active > 0 };
  }
}
