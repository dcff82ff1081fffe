import { randomUUID } from 'node:crypto';
import { assertThat, ErrorCode, Mailer, MemberSummary, ParsedRequestOf, SecondFactorHelpPatterns } from '@app/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import { Company } from '../companies/company.entity';
import { MemberSummaries } from '../memberships/member-summaries';
import { Membership } from '../memberships/membership.entity';
import { helpRequestMail } from './help-request-mail';

export type NewHelpRequest = ParsedRequestOf<typeof SecondFactorHelpPatterns.openRequest>;

@Injectable()
export class OpenHelpRequest {
  private readonly logger = new Logger(OpenHelpRequest.name);

  constructor(
    private readonly em: EntityManager,
    private readonly summaries: MemberSummaries,
    private readonly mailer: Mailer,
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
    if (opened) await this.notifyAdmins(em, membership.company, request.userId);
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

  /** The request is stored and listed for the admins: a failed notice is logged, never thrown. */
  private async notifyAdmins(em: EntityManager, company: Company, clientId: string): Promise<void> {
    try {
      const admins = await em.find(
        Membership,
        { company, role: 'admin', userId: { $ne: clientId } },
        { fields: ['userId'] },
      );
      if (admins.length === 0) return;
      const summaryOf = await this.summaries.of([clientId, ...admins.map((admin) => admin.userId)]);
      const client = summaryOf(clientId);
      await Promise.all(admins.map((admin) => this.mailAdmin(summaryOf(admin.userId), client, company)));
    } catch (error) {
      this.logger.error(
        `The admins of company ${company.id} were not told of the help request of user ${clientId}: ${reasonOf(error)}`,
      );
    }
  }

  private async mailAdmin(admin: MemberSummary, client: MemberSummary, company: Company): Promise<void> {
    if (!admin.email) return;
    try {
      await this.mailer.send(
        helpRequestMail({ admin, client, companyName: company.name, portalHost: company.hosts[0].host }),
      );
    } catch (error) {
      this.logger.error(
        `The help request of user ${client.id} was not mailed to admin ${admin.id}: ${reasonOf(error)}`,
      );
    }
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
