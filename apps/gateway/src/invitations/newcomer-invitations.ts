import { IdentityPatterns, TenancyPatterns } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { Injectable, Logger } from '@nestjs/common';
import { PortalViewCache } from '../member-view/portal-view.cache';

/**
 * A new user's tie to each company that added her is an invitation, answered
 * on its own (tenancy's WaitingInvitations): activating through one company's
 * link, or joining it after Google, accepts that one; the others then mail
 * acceptance links, as the activation ended theirs (a reset link activates
 * too, and accepts none).
 */
@Injectable()
export class NewcomerInvitations {
  private readonly logger = new Logger(NewcomerInvitations.name);

  constructor(
    private readonly rpc: RpcClient,
    private readonly cache: PortalViewCache,
  ) {}

  /**
   * Joins the company whose activation link it is, once identity would accept
   * the password, and before it is set: a failure of either step leaves the
   * link usable for another try, and joining again changes nothing. A link
   * from before 2026-12-06 names no company.
   * @throws DomainError invalid_token, weak_password (then nothing is joined)
   */
  async joinThroughLink(activationToken: string, password: string): Promise<void> {
    const { userId, companyId } = await this.rpc.request(IdentityPatterns.activationOf, { token: activationToken, password });
    if (!companyId) return;
    await this.rpc.request(TenancyPatterns.acceptInvitationOf, { userId, companyId });
    await this.cache.invalidate(userId);
  }

  /**
   * Once she is active (by a company's link, Google, or a reset link, which
   * also activates): the invitations still waiting mail acceptance links.
   * Never fails what made her active, which is done: a company whose mail was
   * lost invites her again, which mails an acceptance link then.
   */
  async mailWaiting(userId: string): Promise<void> {
    try {
      const { email, language } = await this.rpc.request(IdentityPatterns.getUser, { userId });
      await this.rpc.request(TenancyPatterns.mailInvitationsAgain, { userId, email, language });
    } catch (error) {
      this.logger.warn(`The invitations still waiting for user ${userId} were not mailed again: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
