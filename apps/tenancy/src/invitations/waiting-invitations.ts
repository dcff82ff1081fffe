import { Language, WaitingInvitation } from '@app/contracts';
import { portalOrigin } from '@app/platform';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { TENANCY_CONFIG, TenancyConfig } from '../config';
import { easyAccessOrigin } from '../link-tokens';
import { Invitation } from './invitation.entity';
import { InvitationMail } from './invitation.mail-writer';
import { PendingInvitations } from './pending-invitations';
import { acceptanceUrl } from './portal-links';

/**
 * The invitations a user has not answered. A new user's tie to each company
 * that added her is one of them, so that she joins each on its own answer:
 * activating through one company's link, or joining it after Google, accepts
 * that one only (before 2026-12-06 it joined every company that had added her).
 */
@Injectable()
export class WaitingInvitations {
  constructor(
    private readonly em: EntityManager,
    private readonly invitations: PendingInvitations,
    private readonly mail: InvitationMail,
    @Inject(TENANCY_CONFIG) private readonly config: TenancyConfig,
  ) {}

  /** Oldest first: the first company that added her is the one she most likely expects. */
  async of(userId: string): Promise<WaitingInvitation[]> {
    const waiting = await this.em.fork().find(Invitation, { userId }, { populate: ['company'], orderBy: { createdAt: 'asc', id: 'asc' } });
    return waiting.map((invitation) => ({ companyId: invitation.company.id, companyName: invitation.company.name }));
  }

  /**
   * Her activation ended the activation links the other companies mailed:
   * each now mails an acceptance link, as to anyone who already has an
   * account, in her language. Written with the new tokens, in one transaction.
   */
  async mailAgain(userId: string, email: string, language: Language): Promise<{ mailed: number }> {
    const linkOrigin = easyAccessOrigin(this.config);
    const mailed = await this.em.fork().transactional(async (tx) => {
      const waiting = await tx.find(Invitation, { userId }, { populate: ['company.hosts'] });
      for (const invitation of waiting) {
        const { company, role, accountIds } = invitation;
        const invitedName = invitation.invitedName ?? '';
        const token = await this.invitations.write(tx, { companyId: company.id, userId, role, accountIds, invitedName });
        const portalAddress = portalOrigin(this.config.PORTAL_ORIGIN_TEMPLATE, company.hosts[0].host);
        const invited = { email, name: invitedName, companyName: company.name, portalAddress, language };
        await this.mail.record(tx, { ...invited, activationUrl: null, acceptanceUrl: acceptanceUrl(linkOrigin, token), userId, companyId: company.id });
      }
      return waiting.length;
    });
    if (mailed > 0) this.mail.sendSoon();
    return { mailed };
  }
}
