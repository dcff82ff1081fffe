import { IdentityPatterns, ParsedRequestOf } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

/**
 * Twice the month the gateway spares identity a returning browser for (its
 * cache of known browsers lasts a month from the first it kept): every
 * browser that signed in as the user in the last 30 days was noted in the
 * last 60, and none older than that passes.
 */
const LATELY = `interval '60 days'`;

const SIGNED_IN = `
  select exists (
    select 1 from identity.known_browsers b join identity.users u on u.id = b.user_id
    where u.email = ? and b.browser = ? and b.last_seen_at > now() - ${LATELY}) as "signedIn"`;

/**
 * A lock on an email's password guesses keeps out the guesser, not its owner:
 * a browser she signed in with lately is let by. Kept here, with the browsers
 * noted for the alerts, rather than beside the lock in Redis: it is asked only
 * while an email is locked, and a row per browser holds every one of them,
 * however many others sign in as her.
 */
@Injectable()
export class BrowserSignedIn {
  constructor(private readonly em: EntityManager) {}

  async execute({ email, browser }: ParsedRequestOf<typeof IdentityPatterns.browserSignedIn>): Promise<{ signedIn: boolean }> {
    const [row] = await this.em.getConnection().execute<{ signedIn: boolean }[]>(SIGNED_IN, [email, browser]);
    return { signedIn: row.signedIn };
  }
}
