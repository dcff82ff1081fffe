import { portalOrigin } from '@app/platform';
import { Inject, Injectable } from '@nestjs/common';
import { IDENTITY_CONFIG, IdentityConfig } from '../config';

/**
 * Where a link mailed to a user opens: the easy access host, in the configured
 * scheme and port, whatever firms the user has. Each of identity's links
 * carries a token (a reset, a "this wasn't me"), and a firm serves its own
 * host: a link there hands the firm the token as soon as it is opened, by the
 * user or a mail scanner. A "this wasn't me" token works for 7 days, through
 * the day its user joins another firm, where it would remove the factors she
 * set up and sign her out. Never the host a request came to either.
 */
@Injectable()
export class MailLinks {
  readonly origin: string;

  constructor(@Inject(IDENTITY_CONFIG) config: IdentityConfig) {
    this.origin = portalOrigin(config.PORTAL_ORIGIN_TEMPLATE, config.EASY_ACCESS_HOST);
  }
}
