import { TenancyPatterns } from '@app/contracts';
import { portalOrigin, RpcClient } from '@app/platform';
import { Inject, Injectable } from '@nestjs/common';
import { IDENTITY_CONFIG, IdentityConfig } from '../config';

/**
 * Where a link mailed to a user points: the primary host of their company
 * when they belong to exactly one, else the easy-access host, in the
 * configured scheme and port. Never the host a request came to: a firm
 * controls its own portal's DNS, and a link built from a Host it sent would
 * hand it another firm's client's token.
 */
@Injectable()
export class UserPortal {
  constructor(
    private readonly rpc: RpcClient,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async originOf(userId: string): Promise<string> {
    const companies = await this.rpc.request(TenancyPatterns.listCompaniesOfUser, { userId });
    const host = companies.length === 1 ? companies[0].hosts[0] : this.config.EASY_ACCESS_HOST;
    return portalOrigin(this.config.PORTAL_ORIGIN_TEMPLATE, host);
  }
}
