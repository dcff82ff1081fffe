import { CompanyView, DomainError, ErrorCode, MfaPatterns, passedSecondFactor, ProvenFactor, RpcClient, TenancyPatterns, UserView, withFactor } from '@app/common';
import { Inject, Injectable } from '@nestjs/common';
import { GATEWAY_CONFIG, GatewayConfig } from '../config';
import { MemberContext } from '../me/me';
import { MemberContextCache } from '../me/member-context.cache';
import { HostPortal } from '../portal/host-portal';
import { CachedView } from '../session/user-record';
import { SessionRecord, SignInStage } from '../session/session';
import { LoginLimits } from './login-limits';
import { admits } from './portal-admission';

/** A web record before it is issued: its host is the one of the request that receives the cookie. */
export type UnissuedRecord = Omit<SessionRecord, 'hostTag'>;

/** What a sign-in carries from step to step. */
type Signer = Pick<SessionRecord, 'userId' | 'credentialVersion' | 'factors'>;

/** Where a sign-in goes next, and the portals to offer when the user must choose. */
export interface SignInProgress {
  record: UnissuedRecord;
  portals: CompanyView[];
  /**
   * What `Me` is made of, once the portal is known: cached with the session,
   * so that the answer and the pages after it ask no service. `cached` is
   * the cached view, read before the services were asked.
   */
  context?: { view: MemberContext; cached: CachedView };
  /** The user's cached view as the caller read it, when nothing it knows of changed it since. */
  cachedView?: CachedView;
}

const invalidCredentials = () => new DomainError(ErrorCode.InvalidCredentials, 'The email or password is incorrect.');

function viewUserOf({ id, email, name, google }: UserView, totpEnabled: boolean): MemberContext['user'] {
  return { id, email, name, google, totpEnabled };
}

/** The second factor a company's portal asks of this sign-in before `done`: the code whenever the user has 2FA on. */
export function stageAt(company: CompanyView, totpEnabled: boolean, factors: readonly ProvenFactor[]): SignInStage {
  if (totpEnabled && !passedSecondFactor(factors)) return 'totp';
  return admits(company, factors) ? 'done' : 'totp_enroll';
}

/** The sign-in state machine of API.md: credentials, then portal, then second factor, then done. */
@Injectable()
export class SignInService {
  constructor(
    private readonly rpc: RpcClient,
    private readonly limits: LoginLimits,
    private readonly cache: MemberContextCache,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /**
   * After a password (or Google) was accepted. On a company's host the user
   * must be a member; the refusal is the same as a wrong password, so the
   * answer does not tell who is a member where. Tenancy and mfa are asked at
   * once: a sign-in pays for its hash and little more.
   */
  async afterCredentials(user: UserView, host: HostPortal, factor: 'password' | 'google'): Promise<SignInProgress> {
    const cached = await this.cache.read(user.id);
    const signer: Signer = { userId: user.id, credentialVersion: user.credentialVersion, factors: [factor] };
    if (host.kind === 'company') {
      const [{ companies, member }, totpEnabled] = await Promise.all([
        this.rpc.request(TenancyPatterns.portalsAndMember, { userId: user.id, companyId: host.company.id }),
        this.totpEnabled(user.id),
        // The password was right, which is what clears the email's failures.
        this.limits.recordSuccess(user.email),
      ]);
      if (!member) return this.refuse(user);
      return this.atPortal({ user: viewUserOf(user, totpEnabled), companies, member }, signer, cached);
    }
    const [companies] = await Promise.all([this.companiesOf(user.id), this.limits.recordSuccess(user.email)]);
    if (companies.length === 0) return this.refuse(user);
    if (companies.length > 1) return { record: this.record(signer, 'select_portal', null), portals: companies };
    const [member, totpEnabled] = await Promise.all([
      this.rpc.request(TenancyPatterns.getMember, { userId: user.id, companyId: companies[0].id }),
      this.totpEnabled(user.id),
    ]);
    return this.atPortal({ user: viewUserOf(user, totpEnabled), companies, member }, signer, cached);
  }

  /** @throws DomainError forbidden when the user is not a member of that portal. */
  async choosePortal(record: Signer, portalId: string): Promise<SignInProgress> {
    const [companies, totpEnabled] = await Promise.all([this.companiesOf(record.userId), this.totpEnabled(record.userId)]);
    const chosen = companies.find((company) => company.id === portalId);
    if (!chosen) throw new DomainError(ErrorCode.Forbidden, 'You have no access to this portal.');
    return { record: this.record(record, stageAt(chosen, totpEnabled, record.factors), portalId), portals: companies };
  }

  /** After the second factor `passed` was accepted, or enrolled where the company requires it. */
  complete(record: Signer & Pick<SessionRecord, 'companyId'>, passed: ProvenFactor, cachedView?: CachedView): SignInProgress {
    const signer = { ...record, factors: withFactor(record.factors, passed) };
    return { record: this.record(signer, 'done', record.companyId), portals: [], cachedView };
  }

  private atPortal(view: MemberContext, signer: Signer, cached: CachedView): SignInProgress {
    const { company } = view.member;
    const record = this.record(signer, stageAt(company, view.user.totpEnabled, signer.factors), company.id);
    return { record, portals: view.companies, context: { view, cached } };
  }

  private async refuse(user: UserView): Promise<never> {
    await this.limits.recordFailure(user.email);
    throw invalidCredentials();
  }

  private companiesOf(userId: string): Promise<CompanyView[]> {
    return this.rpc.request(TenancyPatterns.listCompaniesOfUser, { userId });
  }

  private async totpEnabled(userId: string): Promise<boolean> {
    return (await this.rpc.request(MfaPatterns.factorStatus, { userId })).enabled;
  }

  /**
   * A fresh record: every step that raises privilege gets a new session id.
   * It keeps the credential version the password was checked under, and the
   * factors proved, from the user or from the step before.
   */
  private record({ userId, credentialVersion, factors }: Signer, stage: SignInStage, companyId: string | null): UnissuedRecord {
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
      credentialVersion,
      factors,
    };
  }
}
