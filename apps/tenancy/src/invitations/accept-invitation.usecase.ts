import { assertThat, ErrorCode } from '@app/contracts';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Account } from '../accounts/account.entity';
import { MembershipGrants } from '../memberships/membership-grants';
import { Invitation } from './invitation.entity';
import { digestOfLinkToken } from '../link-tokens';
import { Standings } from '../memberships/standings';

@Injectable()
export class AcceptInvitation {
  constructor(
    private readonly em: EntityManager,
    private readonly grants: MembershipGrants,
    private readonly standings: Standings,
  ) {}

  /**
   * The user's consent by the mailed link. The row is locked and removed, so a
   * token works once, also when two clicks race.
   * @throws DomainError `invalid_token` for an unknown, used or expired token.
   */
  async execute(token: string): Promise<{ userId: string }> {
    const userId = await this.em.fork().transactional(async (tx) => {
      const invitation = await tx.findOne(
        Invitation,
        { tokenHash: digestOfLinkToken(token), expiresAt: { $gt: new Date() } },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      assertThat(invitation, ErrorCode.InvalidToken, 'This invitation link is unknown, used or expired.');
      await this.accept(tx, invitation);
      return invitation.userId;
    });
    this.grants.sendSoon();
    return { userId };
  }

  /**
   * The user's consent given on the easy access host after Google, to the
   * company's invitation, expired or not (see Standings). A second answer finds
   * the user a member already.
   * @returns whether the user is a member now.
   */
  async executeFor(userId: string, companyId: string): Promise<{ member: boolean }> {
    const accepted = await this.em.fork().transactional(async (tx) => {
      const invitation = await tx.findOne(Invitation, { userId, company: companyId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (invitation) await this.accept(tx, invitation);
      return invitation !== null;
    });
    if (accepted) this.grants.sendSoon();
    return { member: accepted || (await this.standings.of(userId, companyId)) === 'member' };
  }

  /** One transaction turns the invitation into a membership with its accounts, or leaves both as they were. */
  private async accept(tx: EntityManager, invitation: Invitation): Promise<void> {
    const companyId = invitation.company.id;
    // Accounts are checked again: only those still of the company are opened.
    const accounts = await tx.find(Account, { id: { $in: invitation.accountIds }, company: companyId }, { fields: ['id'] });
    await this.grants.grant(tx, {
      companyId,
      userId: invitation.userId,
      role: invitation.role,
      accountIds: accounts.map((account) => account.id),
      invitedName: invitation.invitedName ?? undefined,
    });
    tx.remove(invitation);
  }
}
