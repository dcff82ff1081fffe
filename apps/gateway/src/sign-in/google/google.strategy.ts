import { GoogleProfile } from '@app/contracts';
import { PassportStrategy } from '@nestjs/passport';
import { Profile, Strategy } from 'passport-google-oauth20';
import { StateStore } from 'passport-oauth2';
import { z } from 'zod';
import { GoogleStateStore } from './google-state.store';
import { GoogleSettings } from './google-settings';

export const GOOGLE_STRATEGY = 'google';

export type GooglePerson = z.output<typeof GoogleProfile>;

/**
 * Authorization code flow with PKCE (S256) and a browser-bound `state`, as
 * RFC 9700 asks; the person is read from the userinfo endpoint with the
 * access token, straight from Google over TLS.
 */
export class GoogleStrategy extends PassportStrategy(Strategy, GOOGLE_STRATEGY) {
  constructor(settings: GoogleSettings, states: GoogleStateStore) {
    super({
      clientID: settings.clientId,
      clientSecret: settings.clientSecret,
      authorizationURL: settings.authorizationUrl,
      tokenURL: settings.tokenUrl,
      userProfileURL: settings.userInfoUrl,
      callbackURL: settings.callbackUrl,
      scope: ['openid', 'email', 'profile'],
      state: true,
      pkce: true,
      // Typed for the store without PKCE; passport-oauth2 calls the five-parameter form it has.
      store: states as unknown as StateStore,
    });
    // A bearer token in a query string ends up in logs (RFC 6750, 2.3): send it in the header.
    this._oauth2.useAuthorizationHeaderforGET(true);
  }

  /** @throws Error when Google's answer lacks what identity needs (an email, a subject). */
  validate(_accessToken: string, _refreshToken: string, profile: Profile): GooglePerson {
    const claims = profile._json;
    const person = GoogleProfile.safeParse({
      sub: claims.sub,
      email: claims.email,
      // Anything but a plain `true` counts as unverified: an email is trusted for linking only then.
      emailVerified: claims.email_verified === true,
      // Cut by code points: a cut between the two halves of a surrogate pair is a string no JSON column or mail takes.
      name: Array.from(claims.name?.trim() ?? '').slice(0, 200).join('') || undefined,
    });
    if (!person.success) throw new Error(`Google's userinfo is incomplete: ${person.error.issues[0]?.message}`);
    return person.data;
  }
}
