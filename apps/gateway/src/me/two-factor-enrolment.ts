import { IdentityPatterns, MfaPatterns, withFactor } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { Injectable } from '@nestjs/common';
import { AuthenticatedSession, SessionRecord } from '../session/session';
import { SessionStore } from '../session/session.store';
import { PortalViewCache } from '../member-view/portal-view.cache';

/** 2FA turned on: the recovery codes to show once, and the session's record as it now stands. */
export interface TwoFactorTurnedOn {
  recoveryCodes: string[];
  proved: SessionRecord;
}

@Injectable()
export class TwoFactorEnrolment {
  constructor(
    private readonly rpc: RpcClient,
    private readonly sessions: SessionStore,
    private readonly cache: PortalViewCache,
  ) {}

  /**
   * Turning 2FA on is a change of credentials: a session or device opened
   * with the password alone must not outlive the user's choice of 2FA, as a
   * portal that requires it would otherwise see them as the user's. The
   * session that confirmed passed the code: it stays, and so does its device.
   * Every reset link mailed before ends with the change (identity's
   * revocation ends them), not before the code is right: a wrong code from
   * whoever holds only the password must not void the links by which the user
   * takes her account back.
   * @throws DomainError invalid_code
   */
  async confirm(session: AuthenticatedSession, code: string): Promise<TwoFactorTurnedOn> {
    const { userId, deviceId } = session.record;
    const { recoveryCodes } = await this.rpc.request(MfaPatterns.confirmEnrolment, { userId, code });
    const provedDevice = deviceId ? { deviceId, factor: 'totp' as const } : undefined;
    const revocation = { userId, sparedSessionId: session.id, provedDevice, alert: 'totp_enabled' as const };
    const { credentialVersion } = await this.rpc.request(IdentityPatterns.revokeCredentials, revocation);
    const proved = { ...session.record, credentialVersion, factors: withFactor(session.record.factors, 'totp') };
    // The cache is dropped here as well as by the announcements, so that this very answer shows 2FA on.
    await Promise.all([this.sessions.revokeCredentials(userId, credentialVersion, session.id), this.cache.invalidate(userId)]);
    await this.sessions.update(session.id, { factors: proved.factors });
    return { recoveryCodes, proved };
  }
}
