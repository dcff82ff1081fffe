import { randomUUID } from 'node:crypto';
import {
  AddedMember,
  AnnouncementRelay,
  assertThat,
  ErrorCode,
  IdentityPatterns,
  Mailer,
  MemberRole,
  ParsedRequestOf,
  RpcClient,
  TenancyEvents,
  TenancyPatterns,
} from '@app/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Account } from '../accounts/account.entity';
import { Company } from '../companies/company.entity';
import { invitationMail } from '../invitations/invitation-mail';
import { activationUrl, portalAddress } from '../invitations/portal-links';
import { AccountAccess } from './account-access.entity';
import { Membership } from './membership.entity';

export type NewMember = ParsedRequestOf<typeof TenancyPatterns.addMember>;

interface Grant {
  companyId: string;
  userId: string;
  role: MemberRole;
  accountIds: string[];
}

@Injectable()
export class AddMember {
  constructor(
    private readonly em: EntityManager,
    private readonly rpc: RpcClient,
    private readonly mailer: Mailer,
    private readonly announcements: AnnouncementRelay,
  ) {}

  /**
   * Idempotent: an existing member keeps their role and gains the accounts.
   * The invitation is mailed in the background: the membership exists, and
   * the operator gets the link in the answer. It is written in the user's
   * stored language, which for a new user is the inviter's.
   * @throws DomainError `not_found` for an unknown company, `validation_failed`
   * for an account of another company (then nothing is written, not even the user).
   */
  async execute(request: NewMember): Promise<AddedMember> {
    const em = this.em.fork();
    const company = await em.findOne(Company, request.companyId, { populate: ['hosts'] });
    assertThat(company, ErrorCode.NotFound, 'No such company.');
    const accountIds = [...new Set(request.accountIds)];
    await this.assertAccountsOf(em, company, accountIds);

    const { userId, activationToken, language } = await this.rpc.request(IdentityPatterns.ensureUser, {
      email: request.email,
      name: request.name,
      language: request.language,
    });
    await this.grant(em, { companyId: company.id, userId, role: request.role, accountIds });
    this.announcements.sendSoon();

    const portal = portalAddress(request.linkOrigin, company.hosts[0].host);
    const link = activationToken ? activationUrl(portal, activationToken) : null;
    this.mailer.sendLater(
      `the invitation of user ${userId} to company ${company.id}`,
      invitationMail({
        email: request.email,
        name: request.name,
        companyName: company.name,
        portalAddress: portal,
        activationUrl: link,
        language,
      }),
    );
    return { userId, activationUrl: link };
  }

  private async assertAccountsOf(em: EntityManager, company: Company, accountIds: string[]): Promise<void> {
    if (accountIds.length === 0) return;
    const accounts = await em.find(Account, { id: { $in: accountIds }, company }, { fields: ['id'] });
    const foreign = accountIds.find((id) => !accounts.some((account) => account.id === id));
    assertThat(!foreign, ErrorCode.ValidationFailed, `Account ${foreign} does not belong to this company.`);
  }

  /**
   * `on conflict do nothing` keeps a second call, or a racing one, from failing
   * or changing the role: the unique (company, user) and the access primary key decide.
   * The announcement commits with the grant: cached views must show the new portal and accounts.
   */
  private async grant(em: EntityManager, { companyId, userId, role, accountIds }: Grant): Promise<void> {
    await em.transactional(async (tx) => {
      await tx
        .createQueryBuilder(Membership)
        .insert({ id: randomUUID(), company: companyId, userId, role, createdAt: new Date() })
        .onConflict(['company', 'userId'])
        .ignore();
      await this.announcements.record(tx, TenancyEvents.memberChanged, { userId });
      if (accountIds.length === 0) return;
      const membership = await tx.findOneOrFail(Membership, { company: companyId, userId }, { fields: ['id'] });
      await tx
        .createQueryBuilder(AccountAccess)
        .insert(accountIds.map((account) => ({ membership: membership.id, account })))
        .onConflict(['membership', 'account'])
        .ignore();
    });
  }
}
