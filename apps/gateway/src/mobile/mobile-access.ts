import { DomainError, ErrorCode, TenancyPatterns, UnlockedDevice } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { Injectable } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { portalOnUnlock } from '../sign-in/flow';
import { ACCESS_TOKEN_SECONDS, mobileRecord } from '../sign-in/session-records';
import { portalOf } from '../portal/portal-url';
import { SessionStore } from '../session/session.store';
import { MobileAccessGrant } from './mobile.contract';

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

  /**
   * @throws DomainError credentials_changed when the password changed since the
   * device was checked under `credentialVersion`; device_revoked when the device
   * was forgotten since identity checked it.
   */
  async grant(
    { userId, deviceId, credentialVersion, lastCompanyId, factors }: UnlockedDevice,
    request: FastifyRequest,
  ): Promise<MobileAccessGrant> {
    const companies = await this.rpc.request(TenancyPatterns.listCompaniesOfUser, { userId });
    // A portal that requires 2FA is entered only by a device that passed it: the app asks to choose instead.
    const chosen = portalOnUnlock(companies, lastCompanyId, factors);
    const created = await this.sessions.create(mobileRecord({ userId, deviceId, credentialVersion, factors }, chosen?.id ?? null));
    if (created === 'device_forgotten') throw new DomainError(ErrorCode.DeviceRevoked, 'This device was signed out: sign in again.');
    // An unlock answers no step of a sign-in: any other refusal is a credential change.
    if (typeof created === 'string') throw new DomainError(ErrorCode.CredentialsChanged, 'Your credentials changed while the app was opening: sign in again.');
    return {
      accessToken: created.token,
      expiresIn: ACCESS_TOKEN_SECONDS,
      next: chosen ? 'done' : 'select_portal',
      portals: companies.map((company) => portalOf(company, request)),
    };
  }
}
