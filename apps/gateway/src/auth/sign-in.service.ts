import { CompanyView, DomainError, ErrorCode, MfaPatterns, RpcClient, TenancyPatterns, UserView } from '@app/common';
import { Inject, Injectable } from '@nestjs/common';
import { GATEWAY_CONFIG, GatewayConfig } from '../config';
import { HostPortal } from '../portal/host-portal';
import { SessionRecord, SignInStage } from '../session/session';
import { LoginLimits } from './login-limits';

/** Where a sign-in goes next, and the portals to offer when the user must choose. */
export interface SignInProgress {
  record: SessionRecord;
  portals: CompanyView[];
}

const invalidCredentials = () => new DomainError(ErrorCode.InvalidCredentials, 'The email or password is incorrect.');

/** The sign-in state machine of API.md: credentials, then portal, then done. */
@Injectable()
export class SignInService {
  constructor(
    private readonly rpc: RpcClient,
    private readonly limits: LoginLimits,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /**
   * After a password (or Google) was accepted. On a company's host the user
   * must be a member; the refusal is the same as a wrong password, so the
   * answer does not tell who is a member where.
   */
  async afterCredentials(user: UserView, host: HostPortal): Promise<SignInProgress> {
    const companies = await this.rpc.request(TenancyPatterns.listCompaniesOfUser, { userId: user.id });
    const chosen = host.kind === 'company' ? companies.find((company) => company.id === host.company.id) : companies[0];
    if (!chosen) {
      await this.limits.recordFailure(user.email);
      throw invalidCredentials();
    }
    await this.limits.recordSuccess(user.email);
    if (host.kind === 'easy_access' && companies.length > 1) {
      return { record: this.record(user.id, 'select_portal', null), portals: companies };
    }
    return { record: this.record(user.id, await this.stageAfterPortal(user.id, chosen), chosen.id), portals: companies };
  }

  /** @throws DomainError forbidden when the user is not a member of that portal. */
  async choosePortal(record: SessionRecord, portalId: string): Promise<SignInProgress> {
    const companies = await this.rpc.request(TenancyPatterns.listCompaniesOfUser, { userId: record.userId });
    const chosen = companies.find((company) => company.id === portalId);
    if (!chosen) throw new DomainError(ErrorCode.Forbidden, 'You have no access to this portal.');
    const stage = await this.stageAfterPortal(record.userId, chosen);
    return { record: this.record(record.userId, stage, portalId), portals: companies };
  }

  /** After the second factor was accepted, or enrolled where the company requires it. */
  complete(record: SessionRecord): SignInProgress {
    return { record: this.record(record.userId, 'done', record.companyId), portals: [] };
  }

  private async stageAfterPortal(userId: string, company: CompanyView): Promise<SignInStage> {
    const { enabled } = await this.rpc.request(MfaPatterns.factorStatus, { userId });
    if (enabled) return 'totp';
    return company.requireTotp ? 'totp_enroll' : 'done';
  }

  /** A fresh record: every step that raises privilege gets a new session id. */
  private record(userId: string, stage: SignInStage, companyId: string | null): SessionRecord {
    const now = Date.now();
    const done = stage === 'done';
    const lifetimeMs = done ? this.config.SESSION_ABSOLUTE_HOURS * 3_600_000 : this.config.SIGN_IN_MINUTES * 60_000;
    return {
      userId,
      stage,
      companyId,
      accountId: null,
      bannerDismissed: false,
      kind: 'web',
      createdAt: now,
      lastSeenAt: now,
      absoluteExpiresAt: now + lifetimeMs,
      idleMs: done ? this.config.SESSION_IDLE_MINUTES * 60_000 : lifetimeMs,
      deviceId: null,
    };
  }
}
