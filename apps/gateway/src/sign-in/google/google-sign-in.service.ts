import { Inject, Injectable, Logger } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import passport from 'passport';
import { requestOrigin } from '../../portal/portal-url';
import { RateLimiter } from '../../rate-limit/rate-limiter';
import { bindBrowser } from './browser-binding';
import { GoogleSignInError, homeWithError } from './google-redirects';
import { enabledGoogle, GOOGLE_SETTINGS, GoogleSettings } from './google-settings';
import { GoogleAdmission } from './google-admission.service';
import { GoogleStateStore } from './google-state.store';
import { GOOGLE_STRATEGY, GooglePerson } from './google.strategy';
import { GoogleStart, GoogleState, StartTicket } from './google-tokens';
import { SingleUseTokens } from './single-use-tokens';

/** Each start stores a state for ten minutes: bound it per address. */
const STARTS_PER_IP_PER_MINUTE = 60;

type Exchange = { person: GooglePerson; start: GoogleStart } | { failure: GoogleSignInError; reason: string };

/** Google's side of the web sign-in: from the first redirect to the handoff link. */
@Injectable()
export class GoogleSignIn {
  private readonly logger = new Logger(GoogleSignIn.name);

  constructor(
    @Inject(GOOGLE_SETTINGS) private readonly settings: GoogleSettings | null,
    private readonly tokens: SingleUseTokens,
    private readonly states: GoogleStateStore,
    private readonly limiter: RateLimiter,
    private readonly admission: GoogleAdmission,
  ) {}

  /** @throws DomainError not_found when Google sign-in is not configured. */
  enabled(): GoogleSettings {
    return enabledGoogle(this.settings);
  }

  /**
   * Sends the browser to Google, by way of the easy access host when it began
   * on a company's: the state must be bound to the browser where Google's
   * callback lands. Answers with a redirect in every case.
   */
  async start(request: FastifyRequest, reply: FastifyReply, ticket: unknown): Promise<void> {
    const settings = this.enabled();
    await this.limiter.hitPerAddress('google-start', request.ip, STARTS_PER_IP_PER_MINUTE, 60);
    if (request.portal?.kind === 'company') {
      const start = { origin: requestOrigin(request), handoffBinding: bindBrowser(reply, settings.cookieSecure) };
      const from = await this.tokens.issue(StartTicket, start);
      void reply.redirect(`${settings.easyAccessOrigin}/api/auth/google?from=${from}`, 302);
      return;
    }
    const start = ticket === undefined ? null : await this.tokens.take(StartTicket, ticket);
    if (ticket !== undefined && !start) {
      void reply.redirect(homeWithError(GoogleSignInError.Expired, settings.easyAccessOrigin), 302);
      return;
    }
    const binding = bindBrowser(reply, settings.cookieSecure);
    const state: Omit<GoogleState, 'verifier'> = {
      origin: start?.origin ?? settings.easyAccessOrigin,
      handoffBinding: start?.handoffBinding ?? binding,
      binding,
    };
    const failed = (error: unknown) => {
      this.logger.warn(`Google sign-in could not start: ${reasonOf(error)}`);
      void reply.redirect(homeWithError(GoogleSignInError.Failed, state.origin), 302);
    };
    // passport-oauth2 hands an object `state` to the state store; its typings only know the string form.
    passport.authenticate(GOOGLE_STRATEGY, { session: false, state: state as unknown as string }, failed)(request, passportResponse(reply), failed);
  }

  /** Google's callback. @returns where to send the browser: a handoff link, or a home page showing an error. */
  async finish(request: FastifyRequest, reply: FastifyReply): Promise<string> {
    const settings = this.enabled();
    if (typeof queryOf(request).code !== 'string') return this.abandoned(request, settings);
    const exchange = await this.exchange(request, reply, settings.timeoutMs);
    if ('failure' in exchange) {
      this.logger.warn(`Google sign-in failed (${exchange.failure}): ${exchange.reason}`);
      return homeWithError(exchange.failure, this.states.startOf(request)?.origin ?? settings.easyAccessOrigin);
    }
    return this.handOff(exchange.person, exchange.start, reply);
  }

  /** The person cancelled at Google, Google answered an error, or the URL was typed by hand. */
  private async abandoned(request: FastifyRequest, settings: GoogleSettings): Promise<string> {
    const query = queryOf(request);
    const state = await this.states.take(request, query.state);
    const cancelled = query.error === 'access_denied';
    const error = !state ? GoogleSignInError.State : cancelled ? GoogleSignInError.Cancelled : GoogleSignInError.Failed;
    return homeWithError(error, state?.origin ?? settings.easyAccessOrigin);
  }

  /**
   * node-oauth sets no timeout: a hung Google must not hold the browser forever. The person is only
   * handed to identity after this resolves, so an answer from Google after the timeout links nothing.
   */
  private exchange(request: FastifyRequest, reply: FastifyReply, timeoutMs: number): Promise<Exchange> {
    return new Promise((resolve) => {
      const reason = `Google did not answer within ${timeoutMs} ms.`;
      const timer = setTimeout(() => resolve({ failure: GoogleSignInError.Failed, reason }), timeoutMs);
      const settle = (exchange: Exchange) => {
        clearTimeout(timer);
        resolve(exchange);
      };
      const failed = (error: unknown) => settle({ failure: GoogleSignInError.Failed, reason: reasonOf(error) });
      passport.authenticate(GOOGLE_STRATEGY, { session: false }, (error: unknown, person: GooglePerson | false) => {
        if (error) return failed(error);
        const start = this.states.startOf(request);
        // Passport fails (rather than errs) only when the state store refused the state.
        settle(person && start ? { person, start } : { failure: GoogleSignInError.State, reason: 'the state was refused' });
      })(request, passportResponse(reply), failed);
    });
  }

  /** Back to the starting host by its handoff, or to the question first: GoogleAdmission decides. */
  private async handOff(person: GooglePerson, start: GoogleStart, reply: FastifyReply): Promise<string> {
    try {
      return await this.admission.admit(person, start, reply);
    } catch (error) {
      this.logger.warn(`Google sign-in failed after Google: ${reasonOf(error)}`);
      return homeWithError(GoogleSignInError.Failed, start.origin);
    }
  }
}

const queryOf = (request: FastifyRequest) => request.query as Record<string, unknown>;

/** The part of node's ServerResponse that Passport writes its redirects with, onto Fastify's reply. */
function passportResponse(reply: FastifyReply) {
  return {
    get statusCode(): number {
      return reply.statusCode;
    },
    set statusCode(code: number) {
      void reply.code(code);
    },
    setHeader: (name: string, value: string) => void reply.header(name, value),
    end: (body?: string) => void reply.send(body),
  };
}

/** For the logs: passport-oauth2's errors carry the OAuth error code apart from the message. */
function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { code } = error as Error & { code?: unknown };
  return [error.name, error.message, code].filter((part) => part !== undefined && part !== '').join(': ');
}
