import {
  CredentialsChange,
  DomainError,
  ErrorCode,
  IdentityPatterns,
  ParsedRequestOf,
  withFactor,
} from '@app/contracts';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { SecurityAlerts } from '../security-alerts/security-alerts';
import { UserTokenStore } from '../tokens/user-token.store';
import { UserChangedPublisher } from '../users/user-changed.publisher';
import { Device } from '../devices/device.entity';
import { User } from '../users/user.entity';

type Revocation = ParsedRequestOf<typeof IdentityPatterns.revokeCredentials>;
type ProvedDevice = NonNullable<Revocation['provedDevice']>;

@Injectable()
export class RevokeCredentials {
  constructor(
    private readonly em: EntityManager,
    private readonly userChanged: UserChangedPublisher,
    private readonly tokens: UserTokenStore,
    private readonly alerts: SecurityAlerts,
  ) {}

  /**
   * The password stays; every mobile device registered until now must sign in
   * again, and every session but `sparedSessionId`. The proved device, the
   * user's own and active, moves to the new version with its new factor.
   * @throws DomainError not_found
   */
  async execute({ userId, sparedSessionId, provedDevice, alert, notMeLink }: Revocation): Promise<CredentialsChange & { notMeToken?: string }> {
    let notMeToken: string | undefined;
    const credentialVersion = await this.em.fork().transactional(async (tx) => {
      // Locked so that two revocations at once bump the version twice, not once.
      const user = await tx.findOne(User, userId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!user) throw new DomainError(ErrorCode.NotFound, 'No such user.');
      user.revokeCredentials();
      // Credentials revoked (an admin's 2FA disable, 2FA turned on) end the reset links too: one revocation rule.
      await this.tokens.revokeOutstanding(tx, userId, ['reset']);
      if (provedDevice) await this.keepProved(tx, user, provedDevice);
      await this.userChanged.recordCredentialsChanged(tx, { userId, credentialVersion: user.credentialVersion }, sparedSessionId);
      if (alert) await this.alerts.record(tx, user, { kind: alert });
      if (notMeLink) notMeToken = this.tokens.issueNotMe(tx, user, new Date());
      return user.credentialVersion;
    });
    this.userChanged.sendRecorded();
    if (alert) this.alerts.sendSoon();
    return { userId, credentialVersion, ...(notMeToken ? { notMeToken } : {}) };
  }

  private async keepProved(tx: EntityManager, user: User, { deviceId, factor }: ProvedDevice): Promise<void> {
    const device = await tx.findOne(Device, { id: deviceId, user: user.id, revokedAt: null });
    if (!device) return;
    device.credentialVersion = user.credentialVersion;
    device.factors = withFactor(device.factors, factor);
  }
}
