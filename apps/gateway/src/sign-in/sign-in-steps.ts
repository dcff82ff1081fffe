import { DomainError, ErrorCode, withFactor } from '@app/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { GATEWAY_CONFIG, GatewayConfig } from '../config';
import { presentMe } from '../member-view/me.presenter';
import { MeService } from '../member-view/me.service';
import { PortalViewCache } from '../member-view/portal-view.cache';
import { portalOf } from '../portal/portal-url';
import { SessionStore } from '../session/session.store';
import { SessionRecord } from '../session/session';
import { setSessionCookie } from '../session/session-cookie';
import { hostTagOf } from '../session/session-host';
import { relyingPartyOf } from '../passkeys/relying-party';
import { cookieSession } from './current-sign-in';
import { SignInStep } from './sign-in.contract';
import { secondStage } from './flow';
import { SecondStepMethod, SecondStepMethods } from './second-step-methods';
import { SignInProgress } from './sign-in.service';
import { lifetimesAt, UnissuedRecord, webRecord } from './session-records';
import { BrowserTrust } from '../trusted-browsers/browser-trust';
import { KnownBrowsers } from '../security-alerts/known-browsers';

/** Where a step is refused because a change of credentials overtook the sign-in; for the OpenAPI. */
export const OVERTAKEN_SIGN_IN =
  "credentials_changed: the password was changed or reset, 2FA turned on, an admin turned the user's 2FA off, or she reported " +
  '"this wasn\'t me", while this sign-in went on';

interface SecondStep {
  unissued: UnissuedRecord;
  methods: SecondStepMethod[];
  /** What "don't ask again on this browser" offers at the code step: 0 when the company turned it off. */
  offeredDays: number;
}

/**
 * Issues the session of a sign-in step on a new id (the previous one on this
 * browser ends, so a fixated id never gains privilege), bound to the host that
 * receives the cookie, and answers the step.
 */
@Injectable()
export class SignInSteps {
  constructor(
    private readonly sessions: SessionStore,
    private readonly meService: MeService,
    private readonly cache: PortalViewCache,
    private readonly methods: SecondStepMethods,
    private readonly trust: BrowserTrust,
    private readonly knownBrowsers: KnownBrowsers,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async advance(progress: SignInProgress, request: FastifyRequest, reply: FastifyReply): Promise<SignInStep> {
    const { context } = progress;
    const { unissued, methods, offeredDays } = await this.secondStep(progress, request);
    const record = { ...unissued, hostTag: hostTagOf(request) };
    const previous = request.auth ?? (await cookieSession(this.sessions, request));
    // The sign-in whose step this answers (request.auth: signInAt, or the guard of the code's set-up) ends as this session
    // is created, in one script: of two answers sent at once, the second finds it gone and opens nothing.
    const answered = request.auth && request.auth.record.stage !== 'done' && request.auth.record.userId === record.userId ? request.auth : null;
    // Sent together, these reach Redis as one pipeline.
    const [created] = await Promise.all([
      this.sessions.create(record, answered?.id),
      previous && previous !== answered && this.sessions.delete(previous.id, previous.record.userId),
      context && this.cache.remember(record.userId, context.cached, context.view),
    ]);
    if (created === 'step_answered') throw new DomainError(ErrorCode.NoLoginInProgress, 'This step was answered already: its sign-in went on without this answer.');
    // A web session has no device to have been forgotten: any other refusal is a credential change.
    if (typeof created === 'string') throw new DomainError(ErrorCode.CredentialsChanged, 'Your credentials changed while you were signing in: sign in again.');
    const { token, id } = created;
    setSessionCookie(reply, token, this.config.COOKIE_SECURE);
    if (record.stage === 'select_portal') {
      return { next: record.stage, portals: progress.portals.map((company) => portalOf(company, request)) };
    }
    if (record.stage === 'totp') return { next: record.stage, methods, trustBrowserDays: offeredDays };
    if (record.stage !== 'done') return { next: record.stage };
    const cachedView = context ? null : (progress.cachedView ?? (await this.cache.read(record.userId)));
    const me = context ? presentMe(record, context.view, request) : await this.meService.me({ id, record, cachedView: cachedView! }, request);
    await this.knownBrowsers.noteSignIn(request, reply, me.user, me.portal.name);
    return { next: 'done', me };
  }

  /**
   * At the second step: the ways to answer it here, and whether this browser
   * was trusted to skip it (then the sign-in is done, with the factor
   * `trusted_browser`). Asked only there, so that a sign-in without 2FA pays nothing for it.
   */
  private async secondStep({ record, context, company, portals, outsider }: SignInProgress, request: FastifyRequest): Promise<SecondStep> {
    if (record.stage !== 'totp' && record.stage !== 'totp_enroll') return { unissued: record, methods: [], offeredDays: 0 };
    const [methods, trust] = await Promise.all([
      this.methodsHere(record.userId, request, context?.view.user.totpEnabled),
      // Before the choice of portal, the portals the sign-in already holds: the user's companies.
      this.trust.atCodeStep(request, record, record.companyId === null ? portals : undefined),
    ]);
    const stage = secondStage(record.stage, methods.includes('passkey'));
    if (stage === 'totp' && trust.recognised && !outsider) {
      const signer = { ...record, factors: withFactor(record.factors, 'trusted_browser') };
      // Before the choice among several portals (easy access host), the code it spared was what showed them.
      const next = record.companyId === null ? 'select_portal' : 'done';
      return { unissued: webRecord(signer, next, record.companyId, lifetimesAt(company, this.config)), methods, offeredDays: trust.offeredDays };
    }
    return { unissued: { ...record, stage }, methods, offeredDays: trust.offeredDays };
  }

  /** What a sign-in waiting at the code step is offered, for GET /api/auth/state (a page reloaded there). */
  async codeStepOffer(record: SessionRecord, request: FastifyRequest): Promise<{ methods: SecondStepMethod[]; trustBrowserDays: number }> {
    const [methods, trust] = await Promise.all([this.methodsHere(record.userId, request), this.trust.atCodeStep(request, record)]);
    return { methods, trustBrowserDays: trust.offeredDays };
  }

  /** The ways this host offers the user to answer the second step. */
  private methodsHere(userId: string, request: FastifyRequest, totpEnabled?: boolean): Promise<SecondStepMethod[]> {
    return this.methods.of(userId, relyingPartyOf(request, this.config).id, request.portal?.kind === 'company', totpEnabled);
  }
}
