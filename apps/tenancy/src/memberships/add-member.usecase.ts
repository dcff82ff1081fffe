import { randomUUID } from 'node:crypto';
import {
  AddedMember,
  assertThat,
  ErrorCode,
  IdentityPatterns,
  MemberRole,
  ParsedRequestOf,
  RpcClient,
  TenancyEvents,
  TenancyPatterns,
} from '@app/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import { Account } from '../accounts/account.entity';
import { Company } from '../companies/company.entity';
import { Invitation } from '../invitations/invitation-mail';
import { InvitationMailer } from '../invitations/invitation.mailer';
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
  private readonly logger = new Logger(AddMember.name);

  constructor(
    private readonly em: EntityManager,
    private readonly rpc: RpcClient,
    private readonly invitations: InvitationMailer,
  ) {}

  /**
   * Idempotent: an existing member keeps their role and gains the accounts.
   * @throws DomainError `not_found` for an unknown company, `validation_failed`
   * for an account of another company (then nothing is written, not even the user).
   */
  async execute(request: NewMember): Promise<AddedMember> {
    const em = this.em.fork();
    const company = await em.findOne(Company, request.companyId, { populate: ['hosts'] });
    assertThat(company, ErrorCode.NotFound, 'No such company.');
    const accountIds = [...new Set(request.accountIds)];
    await this.assertAccountsOf(em, company, accountIds);

    const { userId, activationToken } = await this.rpc.request(IdentityPatterns.ensureUser, {
      email: request.email,
      name: request.name,
    });
    await this.grant(em, { companyId: company.id, userId, role: request.role, accountIds });
    this.rpc.emit(TenancyEvents.memberChanged, { userId });

    const portal = portalAddress(request.linkOrigin, company.hosts[0].host);
    const link = activationToken ? activationUrl(portal, activationToken) : null;
    await this.invite(userId, company.id, {
      email: request.email,
      name: request.name,
      companyName: company.name,
      portalAddress: portal,
      activationUrl: link,
    });
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
   */
  private async grant(em: EntityManager, { companyId, userId, role, accountIds }: Grant): Promise<void> {
    await em.transactional(async (tx) => {
      await tx
        .createQueryBuilder(Membership)
        .insert({ id: randomUUID(), company: companyId, userId, role, createdAt: new Date() })
        .onConflict(['company', 'userId'])
        .ignore();
      if (accountIds.length === 0) return;
      const membership = await tx.findOneOrFail(Membership, { company: companyId, userId }, { fields: ['id'] });
      await tx
        .createQueryBuilder(AccountAccess)
        .insert(accountIds.map((account) => ({ membership: membership.id, account })))
        .onConflict(['membership', 'account'])
        .ignore();
    });
  }

  /** A mail failure does not fail the call: the membership exists and the operator gets the link in the answer. */
  private async invite(userId: string, companyId: string, invitation: Invitation): Promise<void> {
    try {
      await this.invitations.send(invitation);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.error(`The invitation of user ${userId} to company ${companyId} was not mailed: ${reason}`);
    }
  }
}
