import { AddedMember, assertThat, AuditAction, ErrorCode, IdentityPatterns, ParsedRequestOf, TenancyPatterns } from '@app/contracts';
import { portalOrigin, RpcClient } from '@app/platform';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { Account } from '../accounts/account.entity';
import { AuditEntry } from '../audit/audit-entry.entity';
import { Company } from '../companies/company.entity';
import { TENANCY_CONFIG, TenancyConfig } from '../config';
import { InvitationMail } from '../invitations/invitation.mail-writer';
import { easyAccessOrigin } from '../link-tokens';
import { Invitation } from '../invitations/invitation.entity';
import { PendingInvitations } from '../invitations/pending-invitations';
import { acceptanceUrl, activationUrl } from '../invitations/portal-links';
import { MembershipGrants } from './membership-grants';
import { Membership } from './membership.entity';

export type NewMember = ParsedRequestOf<typeof TenancyPatterns.addMember>;

@Injectable()
export class AddMember {
  constructor(
    private readonly em: EntityManager,
    private readonly rpc: RpcClient,
    private readonly mail: InvitationMail,
    private readonly grants: MembershipGrants,
    private readonly invitations: PendingInvitations,
    @Inject(TENANCY_CONFIG) private readonly config: TenancyConfig,
  ) {}

  /**
   * Joining a company is the user's choice: anyone not yet a member is only
   * invited, and another company's admin must not reach them (their accounts,
   * sessions, factors) until they answer. A user who already has an account
   * accepts by the mailed link; one who must still activate, by activating
   * through this company's link (identity keeps whose link it is), which
   * joins this company and no other that added her (WaitingInvitations).
   * Both keep the name the company typed, which its lists show
   * (MemberSummaries). An existing member gains the accounts (idempotent), and keeps their role unless the operator
   * names a client admin (MembershipGrants).
   * The links are on the easy access host, from configuration: never the
   * request's Host, which the caller writes, nor the company's, whose server
   * would receive the token when the link is opened (by the user, or a mail
   * scanner): an activation token sets the password of an account other firms
   * may share, an acceptance token joins the user to the firm that holds it.
   * The mail names the company's portal, where to sign in afterwards. The mail is recorded with the membership,
   * in the user's stored language (for a new user, the inviter's).
   * @throws DomainError `not_found` for an unknown company, `validation_failed`
   * for an account of another company (then nothing is written, not even the user).
   */
  async execute(request: NewMember): Promise<AddedMember> {
    const em = this.em.fork();
    const company = await em.findOne(Company, request.companyId, { populate: ['hosts'] });
    assertThat(company, ErrorCode.NotFound, 'No such company.');
    const accountIds = [...new Set(request.accountIds)];
    const accountNames = await this.namesOfAccountsOf(em, company, accountIds);

    const { userId, activationToken, language } = await this.rpc.request(IdentityPatterns.ensureUser, {
      email: request.email,
      name: request.name,
      language: request.language,
      companyId: company.id,
    });
    const grant = { companyId: company.id, userId, role: request.role, accountIds, invitedName: request.name };
    const portal = portalOrigin(this.config.PORTAL_ORIGIN_TEMPLATE, company.hosts[0].host);
    const linkOrigin = easyAccessOrigin(this.config);
    const added = await em.transactional(async (tx) => {
      // Locked, as a removal locks it (RemoveMember): counted unlocked, a removal committing in between left the grant below to
      // make her a member again, without her consent.
      const member = await tx.findOne(Membership, { company: company.id, userId }, { fields: ['id'], lockMode: LockMode.PESSIMISTIC_WRITE });
      const invitationToken = member === null ? await this.invitations.write(tx, grant) : null;
      if (invitationToken === null) await this.grants.grant(tx, grant);
      const added = {
        userId,
        activationUrl: activationToken ? activationUrl(linkOrigin, activationToken) : null,
        // A new user's acceptance is her activation: one link, so the mail offers one.
        acceptanceUrl: invitationToken && !activationToken ? acceptanceUrl(linkOrigin, invitationToken) : null,
      };
      const invitation = { email: request.email, name: request.name, companyName: company.name, portalAddress: portal, language };
      await this.mail.record(tx, { ...invitation, ...added, companyId: company.id });
      // An admin's invitation is kept in the company's trail; the operator's, which sets the portal up, is not.
      if (request.actorUserId) {
        const reason = accountNames.join('; ') || null;
        // Named as the company's lists name her: inviting again keeps the first name typed.
        const targetName = (await this.nameHere(tx, company.id, userId)) ?? request.name;
        tx.persist(new AuditEntry(company, { actorUserId: request.actorUserId, action: AuditAction.MemberInvited, targetUserId: userId, reason, targetName }));
      }
      return added;
    });
    this.grants.sendSoon();
    this.mail.sendSoon();
    return added;
  }

  /** The name the company keeps for her, on her invitation or her membership. */
  private async nameHere(tx: EntityManager, companyId: string, userId: string): Promise<string | null> {
    const invitation = await tx.findOne(Invitation, { company: companyId, userId }, { fields: ['invitedName'] });
    if (invitation) return invitation.invitedName;
    return (await tx.findOne(Membership, { company: companyId, userId }, { fields: ['invitedName'] }))?.invitedName ?? null;
  }

  /** @returns the accounts' names, in the order given. @throws DomainError validation_failed for an account of another company. */
  private async namesOfAccountsOf(em: EntityManager, company: Company, accountIds: string[]): Promise<string[]> {
    if (accountIds.length === 0) return [];
    const accounts = await em.find(Account, { id: { $in: accountIds }, company }, { fields: ['id', 'name'] });
    return accountIds.map((id) => {
      const account = accounts.find((candidate) => candidate.id === id);
      assertThat(account, ErrorCode.ValidationFailed, `Account ${id} does not belong to this company.`);
      return account.name;
    });
  }
}
