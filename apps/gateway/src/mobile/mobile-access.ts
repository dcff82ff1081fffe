import { DomainError, ErrorCode, RpcClient, TenancyPatterns, UnlockedDevice } from '@app/common';
import { Injectable } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { admits } from '../auth/portal-admission';
import { Portal } from '../portal/host-portal';
import { portalOf } from '../portal/portal-url';
import { SessionStore } from '../session/session.store';

/** Access tokens are short: the PIN or Face ID opens the app again, not a long-lived token. */
export const ACCESS_TOKEN_SECONDS = 15 * 60;

export interface MobileAccessGrant {
  accessToken: string;
  expiresIn: number;
  next: 'select_portal' | 'done';
  portals: Portal[];
}

/**
 * Issues an access token for an unlocked device, on the company the device
 * chose last time, or the only one; otherwise the app asks the user to choose.
 */
@Injectable()
export class MobileAccess {
  constructor(
    private readonly rpc: RpcClient,
    private readonly sessions: SessionStore,
  ) {}

  /** @throws DomainError credentials_changed when the password changed since the device was checked under `credentialVersion`. */
  async grant(
    { userId, deviceId, credentialVersion, lastCompanyId, factors }: UnlockedDevice,
    request: FastifyRequest,
  ): Promise<MobileAccessGrant> {
    const companies = await this.rpc.request(TenancyPatterns.listCompaniesOfUser, { userId });
    if (companies.length === 0) throw new DomainError(ErrorCode.Forbidden, 'You have no access to any portal any more.');
    const candidate = companies.find((company) => company.id === lastCompanyId) ?? (companies.length === 1 ? companies[0] : null);
    // A portal that requires 2FA is entered only by a device that passed it: the app asks to choose instead.
    const chosen = candidate && admits(candidate, factors) ? candidate : null;
    const now = Date.now();
    const created = await this.sessions.create({
      userId,
      stage: 'done',
      companyId: chosen?.id ?? null,
      accountId: null,
      bannerDismissed: false,
      kind: 'mobile',
      createdAt: now,
      lastSeenAt: now,
      absoluteExpiresAt: now + ACCESS_TOKEN_SECONDS * 1000,
      idleMs: 0,
      deviceId,
      credentialVersion,
      factors,
      hostTag: null,
    });
    if (!created) throw new DomainError(ErrorCode.CredentialsChanged, 'Your credentials changed while the app was opening: sign in again.');
    return {
      accessToken: created.token,
      expiresIn: ACCESS_TOKEN_SECONDS,
      next: chosen ? 'done' : 'select_portal',
      portals: companies.map((company) => portalOf(company, request)),
    };
  }
}
