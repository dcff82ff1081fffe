import { DomainError, ErrorCode, GooglePatterns, GoogleSignedIn, TenancyPatterns, UserView } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { NewcomerInvitations } from '../../invitations/newcomer-invitations';
import { PortalResolver } from '../../portal/portal-resolver.service';
import { bindBrowser, isBoundTo, unbindBrowser } from './browser-binding';
import { GoogleSignInError, homeWithError } from './google-redirects';
import { enabledGoogle, GOOGLE_SETTINGS, GoogleSettings } from './google-settings';
import { GooglePerson } from './google.strategy';
import { JoinQuestion } from './google-join.contract';
import { GoogleStart, handoffLink, JoinOffer, JoinOfferToken } from './google-tokens';
import { SingleUseTokens } from './single-use-tokens';

const unknownOffer = () => new DomainError(ErrorCode.InvalidToken, 'This question is unknown, answered, expired, or was asked in another browser.');

/**
 * Whom a Google sign-in hands over to the host where it began, decided at
 * Google's callback, on the easy access host, which no firm serves. Begun on
 * a company's host, the rest below.
 * A firm's host may be the firm's own server: what it receives must not tell
 * whether a person it invited already had an account (a client of another
 * firm) or is new. So a person who has not answered the firm's invitation,
 * new or not, is asked here whether to join that portal, alike; a member
 * goes on; anyone else comes back as a stranger does, without a word to
 * identity that would link their Google account.
 */
@Injectable()
export class GoogleAdmission {
  private readonly logger = new Logger(GoogleAdmission.name);

  constructor(
    @Inject(GOOGLE_SETTINGS) private readonly settings: GoogleSettings | null,
    private readonly rpc: RpcClient,
    private readonly tokens: SingleUseTokens,
    private readonly portals: PortalResolver,
    private readonly newcomers: NewcomerInvitations,
  ) {}

  /**
   * Begun on the easy access host, the handoff carries whoever identity signs
   * in (linking at the first sign-in), or no one: the portal is chosen after.
   * A newcomer there is asked about the first company that invited her (then the next, see askNext):
   * activating by Google joins no company she was not asked about.
   * @returns where Google's callback sends the browser: the handoff link, or the question on the easy access host.
   */
  async admit(person: GooglePerson, start: GoogleStart, reply: FastifyReply): Promise<string> {
    const settings = enabledGoogle(this.settings);
    if (start.origin === settings.easyAccessOrigin) {
      const newcomer = await this.userOf(person).then((user) => (user && !user.active ? user : null));
      const [first] = newcomer ? await this.rpc.request(TenancyPatterns.waitingInvitations, { userId: newcomer.id }) : [];
      if (newcomer && first) {
        return this.ask(reply, { person, start, userId: newcomer.id, companyId: first.companyId, portalName: first.companyName });
      }
      const user = await this.rpc.request(GooglePatterns.signIn, person).catch(nullIfNotFound);
      return handoffLink(this.tokens, user?.id ?? null, start);
    }
    const portal = await this.portals.resolve(new URL(start.origin).hostname);
    const user = portal?.kind === 'company' ? await this.userOf(person) : null;
    if (!portal || portal.kind !== 'company' || !user) return handoffLink(this.tokens, null, start);
    const companyId = portal.company.id;
    const { standing } = await this.rpc.request(TenancyPatterns.standing, { userId: user.id, companyId });
    if (standing === 'none') return handoffLink(this.tokens, null, start);
    if (standing === 'member' && user.active) return handoffLink(this.tokens, (await this.signIn(person, user.id))?.id ?? null, start);
    return this.ask(reply, { person, start, userId: user.id, companyId, portalName: portal.company.name });
  }

  /** @throws DomainError invalid_token; not_found off the easy access host. */
  async question(request: FastifyRequest, token: unknown): Promise<z.output<typeof JoinQuestion>> {
    this.assertOnEasyAccess(request);
    const offer = this.bound(request, await this.tokens.peek(JoinOfferToken, token));
    return { portal: { name: offer.portalName }, email: offer.person.email };
  }

  /**
   * Joining accepts the invitation (a newcomer's is accepted by the activation
   * Google makes), then hands over to the host where the sign-in began;
   * declining writes nothing, and sends back there with `invitation_declined`
   * or, begun on the easy access host, asks about the next firm that invited her.
   * @returns where the browser goes next. @throws DomainError invalid_token; not_found off the easy access host.
   */
  async answer(request: FastifyRequest, reply: FastifyReply, token: unknown, join: boolean): Promise<string> {
    this.assertOnEasyAccess(request);
    const offer = this.bound(request, await this.tokens.take(JoinOfferToken, token));
    const { easyAccessOrigin, cookieSecure } = enabledGoogle(this.settings);
    const startedHere = offer.start.origin === easyAccessOrigin;
    // The question is answered: whatever fails now sends back to the portal with an error, never a 5xx on a spent offer.
    const failed = (code: GoogleSignInError) => (error: unknown) => {
      this.logger.warn(`Answering the join question after Google failed: ${error instanceof Error ? error.message : String(error)}`);
      return homeWithError(code, offer.start.origin);
    };
    if (!join && startedHere) {
      return this.askNext(reply, offer).catch((error: unknown) => {
        unbindBrowser(reply, cookieSecure);
        return failed(GoogleSignInError.InvitationDeclined)(error);
      });
    }
    // Begun here, the cookie is the handoff's as well, which drops it.
    if (!join || !startedHere) unbindBrowser(reply, cookieSecure);
    if (!join) return homeWithError(GoogleSignInError.InvitationDeclined, offer.start.origin);
    return this.join(offer).catch(failed(GoogleSignInError.Failed));
  }

  /**
   * The question, bound to this browser by a cookie on the easy access host:
   * begun here, the one the handoff checks (a second would replace it); begun
   * on a firm's host, a fresh one.
   */
  private async ask(reply: FastifyReply, question: Omit<JoinOffer, 'binding'>): Promise<string> {
    const { easyAccessOrigin, cookieSecure } = enabledGoogle(this.settings);
    const { start } = question;
    const binding = start.origin === easyAccessOrigin ? start.handoffBinding : bindBrowser(reply, cookieSecure);
    const offer: JoinOffer = { ...question, binding };
    return `${easyAccessOrigin}/join-portal?offer=${await this.tokens.issue(JoinOfferToken, offer)}`;
  }

  /**
   * Begun on the easy access host: the next firm whose invitation waits, not
   * yet declined in this sign-in, or back home. Each question renews the
   * binding cookie, which its handoff checks too: a cookie set for one
   * question would expire in the middle of a long chain.
   */
  private async askNext(reply: FastifyReply, offer: JoinOffer): Promise<string> {
    const { cookieSecure } = enabledGoogle(this.settings);
    const declined = [...(offer.declined ?? []), offer.companyId];
    const waiting = await this.rpc.request(TenancyPatterns.waitingInvitations, { userId: offer.userId });
    const next = waiting.find((invitation) => !declined.includes(invitation.companyId));
    if (!next) {
      unbindBrowser(reply, cookieSecure);
      return homeWithError(GoogleSignInError.InvitationDeclined, offer.start.origin);
    }
    const start = { ...offer.start, handoffBinding: bindBrowser(reply, cookieSecure) };
    return this.ask(reply, { ...offer, start, companyId: next.companyId, portalName: next.companyName, declined });
  }

  /** Nothing is linked for an invitation withdrawn while the question was read: the person comes back as a stranger. */
  private async join(offer: JoinOffer): Promise<string> {
    const { standing } = await this.rpc.request(TenancyPatterns.standing, { userId: offer.userId, companyId: offer.companyId });
    if (standing === 'none') return handoffLink(this.tokens, null, offer.start);
    const user = await this.signIn(offer.person, offer.userId);
    if (!user) return homeWithError(GoogleSignInError.Failed, offer.start.origin);
    const { member } = await this.rpc.request(TenancyPatterns.acceptInvitationOf, { userId: user.id, companyId: offer.companyId });
    // Only if this sign-in activated her: activated meanwhile, her waiting invitations were mailed then, and a second mail would void those links.
    if (user.activated) await this.newcomers.mailWaiting(user.id);
    return handoffLink(this.tokens, member ? user.id : null, offer.start);
  }

  private assertOnEasyAccess(request: FastifyRequest): void {
    enabledGoogle(this.settings);
    if (request.portal?.kind !== 'easy_access') throw new DomainError(ErrorCode.NotFound, 'Asked on the easy access host only.');
  }

  private bound(request: FastifyRequest, offer: JoinOffer | null): JoinOffer {
    if (!offer || !isBoundTo(request, offer.binding)) throw unknownOffer();
    return offer;
  }

  private async userOf(person: GooglePerson): Promise<UserView | null> {
    return this.rpc.request(GooglePatterns.find, person).catch(nullIfNotFound);
  }

  /** Links (and activates) as identity does at any Google sign-in. @returns null when, meanwhile, the account became another user's or none. */
  private async signIn(person: GooglePerson, userId: string): Promise<GoogleSignedIn | null> {
    const user = await this.rpc.request(GooglePatterns.signIn, person).catch(nullIfNotFound);
    return user?.id === userId ? user : null;
  }
}

function nullIfNotFound(error: unknown): null {
  if (error instanceof DomainError && error.code === ErrorCode.NotFound) return null;
  throw error;
}
