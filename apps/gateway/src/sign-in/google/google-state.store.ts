import { Injectable } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { isBoundTo } from './browser-binding';
import { GoogleStart, GoogleState, StateToken } from './google-tokens';
import { SingleUseTokens } from './single-use-tokens';

type Stored = (error: Error | null, handle?: string) => void;
type Verified = (error: Error | null, verifier: string | false, info?: { message: string }) => void;

/** RFC 7636, 4.1: the shape of the verifiers passport-oauth2 makes (43 characters of base64url). */
const PKCE_VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;

/**
 * passport-oauth2's state store, with PKCE, in Redis instead of a server
 * session (the gateway has none). passport-oauth2 tells a PKCE store by the
 * arity of its methods: keep `store` at five parameters and `verify` at three.
 */
@Injectable()
export class GoogleStateStore {
  /** The start each callback request proved, for redirects after Passport is done with it. */
  private readonly proven = new WeakMap<FastifyRequest, GoogleStart>();

  constructor(private readonly tokens: SingleUseTokens) {}

  store(_request: FastifyRequest, verifier: string, start: Omit<GoogleState, 'verifier'>, _meta: unknown, done: Stored): void {
    this.tokens.issue(StateToken, { ...start, verifier }).then(
      (handle) => done(null, handle),
      (error: Error) => done(error),
    );
  }

  /**
   * passport-oauth2 sends a `code_verifier` only when this answers a string, and exchanges the code without one
   * otherwise: a state that lost its verifier is refused here rather than become a code exchange without PKCE.
   */
  verify(request: FastifyRequest, handle: unknown, done: Verified): void {
    this.take(request, handle).then(
      (state) => {
        if (!state) return done(null, false, { message: 'Unknown, used or foreign state.' });
        if (!isVerifier(state.verifier)) return done(null, false, { message: 'The state holds no PKCE verifier.' });
        done(null, state.verifier);
      },
      (error: Error) => done(error, false),
    );
  }

  /** Consumes the state when it is this browser's. @returns null for a state unknown, used, or begun in another browser. */
  async take(request: FastifyRequest, handle: unknown): Promise<GoogleState | null> {
    const state = await this.tokens.take(StateToken, handle);
    // Consumed either way: a state seen with the wrong cookie is as good as stolen.
    if (!state || !isBoundTo(request, state.binding)) return null;
    this.proven.set(request, { origin: state.origin, handoffBinding: state.handoffBinding });
    return state;
  }

  startOf(request: FastifyRequest): GoogleStart | undefined {
    return this.proven.get(request);
  }
}

function isVerifier(verifier: unknown): verifier is string {
  return typeof verifier === 'string' && PKCE_VERIFIER.test(verifier);
}
