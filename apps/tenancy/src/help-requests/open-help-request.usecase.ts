import { randomUUID } from 'node:crypto';
import {
  assertThat,
  ErrorCode,
  IdentityPatterns,
  Mail,
  Mailer,
  MemberSummary,
  ParsedRequestOf,
  portalOrigin,
  RpcClient,
  SecondFactorHelpPatterns,
} from '@app/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { Company } from '../companies/company.entity';
import { TENANCY_CONFIG, TenancyConfig } from '../config';
import { Membership } from '../memberships/membership.entity';
import { helpRequestMail } from './help-request-mail';

export type NewHelpRequest = ParsedRequestOf<typeof SecondFactorHelpPatterns.openRequest>;

@Injectable()
export class OpenHelpRequest {
  constructor(
    private readonly em: EntityManager,
    private readonly rpc: RpcClient,
    private readonly mailer: Mailer,
    @Inject(TENANCY_CONFIG) private readonly config: TenancyConfig,
  ) {}

  /**
   * Asking again while a request is open only updates its message, and mails
   * no one: admins hear of a request once, however often the client clicks.
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
    const { requestId, opened } = await this.openOrUpdate(em, request);
    if (opened) this.notifyAdmins(membership.company, request.userId);
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
    const [row] = await em.execute<{ id: string }[]>(
      `insert into "tenancy"."help_requests" ("id", "company_id", "user_id", "message") values (?, ?, ?, ?)
       on conflict ("company_id", "user_id") where "closed_at" is null
       do update set "message" = coalesce(excluded."message", "help_requests"."message")
       returning "id"`,
      [candidate, request.companyId, request.userId, request.message || null],
    );
    return { requestId: row.id, opened: row.id === candidate };
  }

  /**
   * The request is stored and listed for the admins: the mails go out in the background.
   * The link is on the company's primary host from configuration, never the Host the client sent.
   */
  private notifyAdmins(company: Company, clientId: string): void {
    const requestsUrl = `${portalOrigin(this.config.PORTAL_ORIGIN_TEMPLATE, company.hosts[0].host)}/admin/help-requests`;
    const portal = { id: company.id, name: company.name, requestsUrl };
    this.mailer.sendLater(`the help request of user ${clientId} to the admins of company ${portal.id}`, () =>
      this.mailsToAdmins(portal, clientId),
    );
  }

  private async mailsToAdmins(portal: { id: string; name: string; requestsUrl: string }, clientId: string): Promise<Mail[]> {
    const admins = await this.em
      .fork()
      .find(Membership, { company: portal.id, role: 'admin', userId: { $ne: clientId } }, { fields: ['userId'] });
    if (admins.length === 0) return [];
    // Users rather than member summaries: each admin is written to in their own language.
    const userIds = [clientId, ...admins.map((admin) => admin.userId)];
    const users = await this.rpc.request(IdentityPatterns.findUsers, { userIds });
    const client: MemberSummary = users.find((user) => user.id === clientId) ?? { id: clientId, email: '', name: '' };
    return users
      .filter((user) => user.id !== clientId && user.email)
      .map((admin) => helpRequestMail({ admin, client, companyName: portal.name, requestsUrl: portal.requestsUrl }));
  }
}
