import { randomUUID } from 'node:crypto';
import { assertThat, ErrorCode, ParsedRequestOf, ReplyOf, SecondFactorHelpPatterns } from '@app/contracts';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { TENANCY_CONFIG, TenancyConfig } from '../config';
import { digestOfLinkToken, easyAccessOrigin, newLinkToken } from '../link-tokens';
import { Company } from '../companies/company.entity';
import { Membership } from '../memberships/membership.entity';
import { HELP_REQUEST_DAYS } from './help-request.entity';
import { HelpRequestConfirmationMail } from './help-request-confirmation.mail-writer';

export type NewHelpRequest = ParsedRequestOf<typeof SecondFactorHelpPatterns.openRequest>;

/**
 * The links of one request that work at once. Asks reach a firm's request from
 * its host and from the easy access host, 5 an hour each (the gateway's
 * limits): 30 are three hours of asking at those limits, so that whoever has
 * the password cannot push out the link she holds before she clicks it. With
 * 5 (until 2026-12-06), an hour's asks from one host did.
 */
const MAILED_LINKS_KEPT = 30;

@Injectable()
export class OpenHelpRequest {
  constructor(
    private readonly em: EntityManager,
    private readonly mail: HelpRequestConfirmationMail,
    @Inject(TENANCY_CONFIG) private readonly config: TenancyConfig,
  ) {}

  /**
   * A request reaches the admins only once the user confirms it from the
   * link mailed to them: a sign-in proves the password alone, which a firm
   * may have caught on its own host, and a confirmed request lets any firm
   * of the user turn their 2FA off. Asking again before confirming mails
   * another link; after, it changes nothing.
   * An open request that no longer stands (older than HELP_REQUEST_DAYS, or
   * made before a new password) is closed first: asking again opens a new one.
   * @throws DomainError `not_found` when the user is no member of the company.
   */
  async execute(request: NewHelpRequest): Promise<ReplyOf<typeof SecondFactorHelpPatterns.openRequest>> {
    const em = this.em.fork();
    const token = newLinkToken();
    // The request and its mail commit together.
    const opened = await em.transactional(async (tx) => {
      // Held until the request is written: a removal (RemoveMember) closes her open requests, and must not miss this one.
      const membership = await tx.findOne(Membership, { userId: request.userId, company: request.companyId }, { lockMode: LockMode.PESSIMISTIC_READ });
      assertThat(membership, ErrorCode.NotFound, 'Not a member of this company.');
      const company = await tx.findOneOrFail(Company, request.companyId, { fields: ['name'] });
      const { requestId, confirmed } = await this.openOrUpdate(tx, request, digestOfLinkToken(token));
      if (!confirmed) {
        // On the easy access host from configuration: a firm serves its own host, and a link there (opened by
        // the user, or by a mail scanner) would hand the token to the firm that may have asked with a caught password.
        const confirmUrl = `${easyAccessOrigin(this.config)}/help-request/${token}`;
        await this.mail.record(tx, { userId: request.userId, companyName: company.name, confirmUrl, message: request.message || null });
      }
      return { requestId };
    });
    this.mail.sendSoon();
    return opened;
  }

  /**
   * The partial unique index on open requests decides, also when calls race:
   * the losers update the winner's row. Each mailed link keeps the message
   * it quotes, and confirms that one (ConfirmHelpRequest): whoever has the
   * password, asking before or after the user, writes only what his own
   * link quotes, never what hers does. A repeat before the confirmation adds
   * a link, the earlier ones still working (MAILED_LINKS_KEPT), so that it
   * cannot void the one the user holds, and starts the request's days again;
   * after it, it changes nothing.
   */
  private async openOrUpdate(
    em: EntityManager,
    request: NewHelpRequest,
    digest: string,
  ): Promise<{ requestId: string; confirmed: boolean }> {
    await em.execute(
      `update "tenancy"."help_requests" set "closed_at" = now()
       where "company_id" = ? and "user_id" = ? and "closed_at" is null
         and ("created_at" <= now() - make_interval(days => ?) or "credential_version" is distinct from ?)`,
      [request.companyId, request.userId, HELP_REQUEST_DAYS, request.credentialVersion],
    );
    // Each link's message under its digest, kept for the links kept. The request's own message is no longer written: it is
    // the confirmed link's (ConfirmHelpRequest), and a tenancy of before 2026-12-06, during an upgrade, confirms it as its own.
    const [row] = await em.execute<{ id: string; confirmed_at: Date | null }[]>(
      `insert into "tenancy"."help_requests" ("id", "company_id", "user_id", "credential_version", "confirmation_digests", "confirmation_messages")
       values (?, ?, ?, ?, array[?]::text[], jsonb_build_object(?::text, ?::text))
       on conflict ("company_id", "user_id") where "closed_at" is null
       do update set "created_at" = case when "help_requests"."confirmed_at" is null then now() else "help_requests"."created_at" end,
         "confirmation_digests" = case when "help_requests"."confirmed_at" is null
           then (array_cat("help_requests"."confirmation_digests", excluded."confirmation_digests"))[greatest(cardinality("help_requests"."confirmation_digests") - ?, 1):]
           else '{}' end,
         "confirmation_messages" = case when "help_requests"."confirmed_at" is null
           then (select coalesce(jsonb_object_agg("key", "value"), '{}'::jsonb)
             from jsonb_each("help_requests"."confirmation_messages" || excluded."confirmation_messages")
             where "key" = any((array_cat("help_requests"."confirmation_digests", excluded."confirmation_digests"))[greatest(cardinality("help_requests"."confirmation_digests") - ?, 1):]))
           else '{}' end
       returning "id", "confirmed_at"`,
      [randomUUID(), request.companyId, request.userId, request.credentialVersion, digest, digest, request.message || null, MAILED_LINKS_KEPT - 2, MAILED_LINKS_KEPT - 2],
    );
    return { requestId: row.id, confirmed: row.confirmed_at !== null };
  }
}
