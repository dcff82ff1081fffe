import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

/** Every sign-in asks this: plain SQL, as the ORM costs more than the query. */
const HAS_ACTIVE_FACTOR = `select exists (select 1 from mfa.totp_factors where user_id = ? and state = 'active') as enabled`;

@Injectable()
export class FactorStatus {
  constructor(private readonly em: EntityManager) {}

  /** A pending enrolment does not count: 2FA is on once a factor is confirmed. */
  async execute(userId: string): Promise<{ enabled: boolean }> {
    const [{ enabled }] = await this.em.getConnection().execute<{ enabled: boolean }[]>(HAS_ACTIVE_FACTOR, [userId]);
    return { enabled };
  }
}
