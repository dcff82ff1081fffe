import { randomUUID } from 'node:crypto';
import { assertThat, ErrorCode, ParsedRequestOf, SecondFactorHelpPatterns } from '@app/contracts';
import { portalOrigin } from '@app/platform';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { Company } from '../companies/company.entity';
import { TENANCY_CONFIG, TenancyConfig } from '../config';
import { Membership } from '../memberships/membership.entity';
import { HELP_REQUEST_DAYS } from './help-request.entity';
import { HelpRequestMails, HelpRequestRecord } from './help-request.mail-writer';

export type NewHelpRequest = ParsedRequestOf<typeof SecondFactorHelpPatterns.openRequest>;

@Injectable()
export class OpenHelpRequest {
  constructor(
    private readonly em: EntityManager,
    private readonly mails: HelpRequestMails,
    @Inject(TENANCY_CONFIG) private readonly config: TenancyConfig,
  ) {}

  /**
   * Asking again while a request is open only updates its message, and mails
   * no one: admins hear of a request once, however often the client clicks.
   * An open request that no longer stands (older than HELP_REQUEST_DAYS, or
   * made before a new password) is closed first: asking again opens a new one.
   * @throws DomainError `not_found` when the user is no member of the company.
   */
  async execute(request: NewHelpRequest): Promise<{ requestId: string }> {
    const em = this.em.fork();
    const membership = await em.findOne(
      Membership,
      { userId: request.userId, company: request.companyId },
      { populate: ['company.hosts'] },
    );
    assertThat(membership, ErrorCode.NotFound, 'Not a member of this company.');
    const company = membership.company;
    // The request and its mails commit together.
    const requestId = await em.transactional(async (tx) => {
      const { requestId, opened } = await this.openOrUpdate(tx, request);
      if (opened) await this.mails.record(tx, this.noticeOf(company, request.userId, request.message || null));
      return requestId;
    });
    this.mails.sendSoon();
    return { requestId };
  }

  /**
   * The partial unique index on open requests decides, also when calls race:
   * the losers update the winner's row. Our candidate id comes back only when
   * the row is new. A repeat without a message keeps the earlier one.
   */
  private async openOrUpdate(
    em: EntityManager,
    request: NewHelpRequest,
  ): Promise<{ requestId: string; opened: boolean }> {
    const candidate = randomUUID();
    await em.execute(
      `update "tenancy"."help_requests" set "closed_at" = now()
       where "company_id" = ? and "user_id" = ? and "closed_at" is null
         and ("created_at" <= now() - make_interval(days => ?) or "credential_version" is distinct from ?)`,
      [request.companyId, request.userId, HELP_REQUEST_DAYS, request.credentialVersion],
    );
    const [row] = await em.execute<{ id: string }[]>(
      `insert into "tenancy"."help_requests" ("id", "company_id", "user_id", "message", "credential_version") values (?, ?, ?, ?, ?)
       on conflict ("company_id", "user_id") where "closed_at" is null
       do update set "message" = coalesce(excluded."message", "help_requests"."message")
       returning "id"`,
      [candidate, request.companyId, request.userId, request.message || null, request.credentialVersion],
    );
    return { requestId: row.id, opened: row.id === candidate };
  }

  /** The link is on the company's primary host from configuration, never the Host the client sent. */
  private noticeOf(company: Company, clientId: string, message: string | null): HelpRequestRecord {
    const requestsUrl = `${portalOrigin(this.config.PORTAL_ORIGIN_TEMPLATE, company.hosts[0].host)}/admin/help-requests`;
    return { companyId: company.id, companyName: company.name, requestsUrl, clientId, message };
  }
}
