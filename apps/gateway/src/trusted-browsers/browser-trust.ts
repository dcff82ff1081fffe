import { CompanyView, DEFAULT_TRUSTED_BROWSER_DAYS, TenancyPatterns } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { Inject, Injectable } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { GATEWAY_CONFIG, GatewayConfig } from '../config';
import { SessionRecord } from '../session/session';
import { hostTagOf } from '../session/session-host';
import { deviceLabelOf } from '../session/session-sightings';
import { newTrustToken, presentedTrustId, setTrustCookie, trustIdOf } from './trust-cookie';
import { TrustedBrowserStore } from './trusted-browser.store';

const DAY_MS = 86_400_000;

/** What the code step of a sign-in knows of this browser: whether it is trusted, and for how long it may be. */
export interface TrustAtCodeStep {
  /** The browser skips the code: trusted by this user, on this host, under their current credentials, within the company's days. */
  recognised: boolean;
  /** The days "don't ask again" offers here; 0: the company turned the option off. */
  offeredDays: number;
}

type Signer = Pick<SessionRecord, 'userId' | 'credentialVersion' | 'companyId'>;

/**
 * "Don't ask again on this browser": the rules of a trust, from its making at
 * the code step to its use at the next sign-in. The company's days are read
 * from tenancy each time, never from a cache, so that the admin's choice
 * holds at the next sign-in, also for the browsers trusted before.
 */
@Injectable()
export class BrowserTrust {
  constructor(
    private readonly rpc: RpcClient,
    private readonly store: TrustedBrowserStore,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /**
   * On the easy access host, the days offered are the longest any company may
   * allow, whatever the user's companies (the trust keeps to the fewest of
   * them): the fewest would tell a firm holding the password that another firm
   * of the user set fewer, and its own days that she has no other firm (she
   * went straight into it). A company's host offers its company's days.
   * @param companies the user's, when the caller has them already (the sign-in that reached this step).
   */
  async atCodeStep(request: FastifyRequest, signer: Signer, companies?: readonly Pick<CompanyView, 'id'>[]): Promise<TrustAtCodeStep> {
    const id = presentedTrustId(request);
    const [days, entry] = await Promise.all([this.daysOf(signer, companies), id ? this.store.find(signer.userId, id) : null]);
    const now = Date.now();
    const recognised =
      entry !== null &&
      entry.u === signer.userId &&
      entry.h === hostTagOf(request) &&
      entry.v === signer.credentialVersion &&
      now < Math.min(entry.e, entry.c + days * DAY_MS);
    return { recognised, offeredDays: request.portal?.kind === 'company' ? days : DEFAULT_TRUSTED_BROWSER_DAYS };
  }

  /** After a code step answered with "don't ask again": a trust for the company's days, if it offers any. */
  async remember(request: FastifyRequest, reply: FastifyReply, signer: Signer, now = Date.now()): Promise<void> {
    const days = await this.daysOf(signer);
    if (days === 0) return;
    const token = newTrustToken();
    await this.store.add(trustIdOf(token), {
      u: signer.userId,
      h: hostTagOf(request),
      v: signer.credentialVersion,
      c: now,
      e: now + days * DAY_MS,
      d: deviceLabelOf(request.headers['user-agent']),
    });
    setTrustCookie(reply, token, days, this.config.COOKIE_SECURE);
  }

  /**
   * The company's days; before the choice of portal on the easy access host
   * (no company yet), the fewest of the user's companies: a trust made there
   * spares the code in front of all of them.
   */
  private async daysOf({ userId, companyId }: Signer, companies?: readonly Pick<CompanyView, 'id'>[]): Promise<number> {
    const ofUser = async () => companies ?? (await this.rpc.request(TenancyPatterns.listCompaniesOfUser, { userId }));
    const companyIds = companyId ? [companyId] : (await ofUser()).map(({ id }) => id);
    const days = await Promise.all(companyIds.map(async (id) => (await this.rpc.request(TenancyPatterns.security, { companyId: id })).trustedBrowserDays));
    return days.length === 0 ? 0 : Math.min(...days);
  }
}
