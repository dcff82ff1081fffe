import { CompanyView, DomainError, ErrorCode, MfaPatterns, passedSecondFactor, ProvenFactor, TenancyPatterns, UserView, withFactor } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { Inject, Injectable } from '@nestjs/common';
import { GATEWAY_CONFIG, GatewayConfig } from '../config';
import { PortalView } from '../member-view/portal-view';
import { cachedPortalView, PortalViewCache } from '../member-view/portal-view.cache';
import { HostPortal } from '../portal/host-portal';
import { CachedView } from '../session/user-record';
import { SessionRecord, SignInStage } from '../session/session';
import { choiceStage, entryAfterCredentials, memberPortal, stageAt } from './flow';
import { LoginLimits } from './password/login-limits';
import { lifetimesAt, Signer, UnissuedRecord, webRecord } from './session-records';

/** Where a sign-in goes next, and the portals to offer when the user must choose. */
export interface SignInProgress {
  record: UnissuedRecord;
  portals: CompanyView[];
  /** The portal being entered, whose company may shorten the session; null while the user chooses one. */
  company: CompanyView | null;
  /**
   * What `Me` is made of, once the portal is known: cached with the session,
   * so that the answer and the pages after it ask no service. `cached` is
   * the cached view, read before the services were asked.
   */
  context?: { view: PortalView; cached: CachedView };
  /** The user's cached view as the caller read it, when nothing it knows of changed it since. */
  cachedView?: CachedView;
  /**
   * On a company's host she is no member of, the code step asked all the
   * same (`code_then_refused`): no trusted browser spares it, and `complete`
   * refuses after it.
   */
  outsider?: true;
}

/** The factor that opened a sign-in: what every first-factor adapter hands to the flow. A passkey counts for two. */
export type FirstFactor = Extract<ProvenFactor, 'password' | 'google' | 'passkey'>;

function viewUserOf({ id, email, name, google }: UserView, totpEnabled: boolean): PortalView['user'] {
  return { id, email, name, google, totpEnabled };
}

/** The web side of the sign-in flow: asks the services what the flow needs, and turns its answer into a record. */
@Injectable()
export class SignInService {
  constructor(
    private readonly rpc: RpcClient,
    private readonly limits: LoginLimits,
    private readonly cache: PortalViewCache,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /**
   * After a first factor was accepted (`passkey`: the id of the one that
   * was). On a company's host the user must be
   * a member; the refusal is the same as a wrong password, so the answer does
   * not tell who is a member where. A returning user's cached view answers
   * alone when it holds the membership here (it is dropped at every change, as
   * for every portal page); otherwise tenancy and mfa are asked at once: a
   * sign-in pays for its hash and little more.
   */
  async afterCredentials(user: UserView, host: HostPortal, factor: FirstFactor, passkey: string | null = null): Promise<SignInProgress> {
    const cached = await this.cache.read(user.id);
    const signer: Signer = { userId: user.id, credentialVersion: user.credentialVersion, factors: [factor], passkeys: passkey ? [passkey] : [] };
    const known = host.kind === 'company' ? cachedPortalView(cached, host.company.id) : null;
    if (known) {
      // A right password is what clears the email's failures.
      await this.limits.recordSuccess(user.email, factor);
      return this.enter(signer, { ...known, user: viewUserOf(user, known.user.totpEnabled) }, cached);
    }
    // mfa is asked beside tenancy: whatever the entry, the flow needs to know whether the code is on.
    const [{ companies, member }, , totpEnabled] = await Promise.all([
      host.kind === 'company'
        ? this.rpc.request(TenancyPatterns.portalsAndMember, { userId: user.id, companyId: host.company.id })
        : this.companiesOf(user.id).then((companies) => ({ companies, member: null })),
      this.limits.recordSuccess(user.email, factor),
      this.totpEnabledOf(user.id),
    ]);
    const codeAhead = totpEnabled && !passedSecondFactor(signer.factors);
    const entry = entryAfterCredentials(host.kind === 'company' ? { kind: 'company', membership: member?.company ?? null } : host, companies, codeAhead);
    if (entry.next === 'refused') return this.limits.refuse(user.email);
    if (entry.next === 'code_then_refused') return this.outsider(signer, host);
    if (entry.next === 'select_portal') return this.choice(signer, choiceStage(totpEnabled, signer.factors), companies);
    const here = member ?? (await this.rpc.request(TenancyPatterns.getMember, { userId: user.id, companyId: entry.portal.id }));
    return this.enter(signer, { user: viewUserOf(user, totpEnabled), companies, member: here }, cached);
  }

  /** @throws DomainError forbidden when the user is not a member of that portal. */
  async choosePortal(record: Signer, portalId: string): Promise<SignInProgress> {
    // A sign-in that already passed a second factor (its code came before the choice) enters whether or not the code is on: mfa is not asked.
    const [companies, totpEnabled] = await Promise.all([
      this.companiesOf(record.userId),
      !passedSecondFactor(record.factors) && this.totpEnabledOf(record.userId),
    ]);
    const chosen = memberPortal(companies, portalId);
    return { record: this.record(record, stageAt(chosen, totpEnabled, record.factors), chosen), portals: companies, company: chosen };
  }

  /**
   * After the second factor `passed` was accepted, or enrolled where the
   * company requires it. The company comes from the user's cached view, or
   * is asked of tenancy when the view holds none; a sign-in that gave its
   * code before choosing (`choiceStage`) goes on to the choice.
   * @throws DomainError forbidden when, by then, the user belongs to no portal,
   * or is no member of the company of the host (a sign-in `outsider` there).
   */
  async complete(record: Signer & Pick<SessionRecord, 'companyId'>, passed: ProvenFactor, cachedView?: CachedView): Promise<SignInProgress> {
    const signer = { ...record, factors: withFactor(record.factors, passed) };
    if (record.companyId === null) {
      const companies = await this.companiesOf(record.userId);
      if (companies.length === 0) throw new DomainError(ErrorCode.Forbidden, 'You have no access to any portal any more.');
      return this.choice(signer, 'select_portal', companies);
    }
    const cached = cachedView?.companies?.find((company) => company.id === record.companyId);
    const company = cached ?? (await this.companiesOf(record.userId)).find((candidate) => candidate.id === record.companyId);
    // No member of this host's company, or no longer: once she gave her second factor, she may learn it.
    if (!company) throw new DomainError(ErrorCode.Forbidden, 'You have no access to this portal.');
    return { record: this.record(signer, 'done', company), portals: [], cachedView, company };
  }

  /**
   * Among several portals on the easy access host: the choice, or first the
   * code (`choiceStage`). The portals go with the progress, but the code
   * step shows none of them: `select_portal` does, once the code was given.
   */
  private choice(signer: Signer, stage: 'totp' | 'select_portal', companies: CompanyView[]): SignInProgress {
    return { record: this.record(signer, stage, null), portals: companies, company: null };
  }

  /** The code step of a sign-in on a company's host she is no member of (flow.ts, `code_then_refused`). */
  private outsider(signer: Signer, host: HostPortal): SignInProgress {
    const company = host.kind === 'company' ? host.company : null;
    return { record: this.record(signer, 'totp', company), portals: [], company, outsider: true };
  }

  private companiesOf(userId: string): Promise<CompanyView[]> {
    return this.rpc.request(TenancyPatterns.listCompaniesOfUser, { userId });
  }

  private async totpEnabledOf(userId: string): Promise<boolean> {
    return (await this.rpc.request(MfaPatterns.factorStatus, { userId })).enabled;
  }

  private record(signer: Signer, stage: SignInStage, company: CompanyView | null): UnissuedRecord {
    return webRecord(signer, stage, company?.id ?? null, lifetimesAt(company, this.config));
  }

  /** Into the portal of `view.member`: the second step it asks of this sign-in, or `done`. */
  private enter(signer: Signer, view: PortalView, cached: CachedView): SignInProgress {
    const { company } = view.member;
    const stage = stageAt(company, view.user.totpEnabled, signer.factors);
    return { record: this.record(signer, stage, company), portals: view.companies, company, context: { view, cached } };
  }
}
