import { assertThat, ErrorCode, IdentityPatterns } from '@app/contracts';
import { portalOrigin, RpcClient } from '@app/platform';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { Company } from '../companies/company.entity';
import { TENANCY_CONFIG, TenancyConfig } from '../config';
import { digestOfLinkToken } from '../link-tokens';
import { Membership } from '../memberships/membership.entity';
import { HELP_REQUEST_DAYS } from './help-request.entity';
import { HelpRequestMails } from './help-request.mail-writer';

const GONE = 'This link is no longer valid: ask for help again from the sign-in page.';

interface Confirmed {
  company_id: string;
  user_id: string;
  message: string | null;
  credential_version: number | null;
}

@Injectable()
export class ConfirmHelpRequest {
  constructor(
    private readonly em: EntityManager,
    private readonly mails: HelpRequestMails,
    private readonly rpc: RpcClient,
    @Inject(TENANCY_CONFIG) private readonly config: TenancyConfig,
  ) {}

  /**
   * The user followed the mailed link: the request now reaches the company's
   * admins, mailed once, in the same transaction, with the message that link
   * quoted. The link works once, on an open request younger than
   * HELP_REQUEST_DAYS, of a member whose password has not changed since.
   * @throws DomainError `invalid_token` for an unknown, used, superseded (MAILED_LINKS_KEPT) or lapsed link, all alike.
   */
  async execute(token: string): Promise<{ companyName: string }> {
    const em = this.em.fork();
    return em.transactional(async (tx) => {
      const [confirmed] = await tx.execute<Confirmed[]>(
        `update "tenancy"."help_requests" set "confirmed_at" = now(), "confirmation_digests" = '{}', "confirmation_messages" = '{}',
           -- A link mailed before 2026-12-06, or during an upgrade by a tenancy of before, has no message of its own: the request's.
           "message" = case when jsonb_exists("confirmation_messages", ?) then "confirmation_messages" ->> ? else "message" end
         where "confirmation_digests" @> array[?]::text[] and "closed_at" is null and "confirmed_at" is null
           and "created_at" > now() - make_interval(days => ?)
         returning "company_id", "user_id", "message", "credential_version"`,
        [digestOfLinkToken(token), digestOfLinkToken(token), digestOfLinkToken(token), HELP_REQUEST_DAYS],
      );
      // A request that no longer stands (a new password since, or no longer a member) is not sent on: thrown, the update rolls back.
      assertThat(confirmed && (await this.stillStands(tx, confirmed)), ErrorCode.InvalidToken, GONE);
      const company = await tx.findOneOrFail(Company, confirmed.company_id, { populate: ['hosts'] });
      // The admins' link is on the company's primary host from configuration, never the Host the client sent.
      const requestsUrl = `${portalOrigin(this.config.PORTAL_ORIGIN_TEMPLATE, company.hosts[0].host)}/admin/help-requests`;
      await this.mails.record(tx, { companyId: company.id, companyName: company.name, requestsUrl, clientId: confirmed.user_id, message: confirmed.message });
      return { companyName: company.name };
    }).finally(() => this.mails.sendSoon());
  }

  private async stillStands(em: EntityManager, { company_id, user_id, credential_version }: Confirmed): Promise<boolean> {
    if ((await em.count(Membership, { company: company_id, userId: user_id })) === 0) return false;
    const { credentialVersion } = await this.rpc.request(IdentityPatterns.getUser, { userId: user_id });
    return credential_version === credentialVersion;
  }
}
