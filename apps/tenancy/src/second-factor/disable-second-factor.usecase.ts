import {
  assertThat,
  AuditAction,
  CredentialsChange,
  ErrorCode,
  IdentityPatterns,
  Mailer,
  MfaPatterns,
  ParsedRequestOf,
  RpcClient,
  SecondFactorHelpPatterns,
} from '@app/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AuditEntry } from '../audit/audit-entry.entity';
import { Company } from '../companies/company.entity';
import { HelpRequest } from '../help-requests/help-request.entity';
import { Membership } from '../memberships/membership.entity';
import { secondFactorDisabledMail } from './second-factor-disabled-mail';

export type SecondFactorDisable = ParsedRequestOf<typeof SecondFactorHelpPatterns.disableSecondFactor>;

@Injectable()
export class DisableSecondFactor {
  constructor(
    private readonly em: EntityManager,
    private readonly rpc: RpcClient,
    private readonly mailer: Mailer,
  ) {}

  /**
   * Remote calls first, then the local writes in one transaction: when anything
   * fails the request stays open and unaudited, and the admin's retry is
   * harmless (removing an absent factor is a no-op, revoking again only bumps a version).
   * Identity announces the revocation, so the user's sessions end even when
   * this answer reaches the gateway too late; the mail goes out in the background.
   * @throws DomainError `forbidden` when the actor is no admin of the company,
   * `not_found` when the user is no member of it, the same for an unknown user.
   */
  async execute(request: SecondFactorDisable): Promise<CredentialsChange> {
    const { companyId, actorUserId, userId } = request;
    const em = this.em.fork();
    const company = await this.assertAdminActsOnMember(em, request);
    await this.rpc.request(MfaPatterns.removeFactor, { userId });
    const revoked = await this.rpc.request(IdentityPatterns.revokeCredentials, { userId });
    await em.transactional(async (tx) => {
      await tx.nativeUpdate(
        HelpRequest,
        { company: companyId, userId, closedAt: null },
        { closedAt: new Date(), closedBy: actorUserId },
      );
      tx.persist(
        new AuditEntry(tx.getReference(Company, companyId), {
          actorUserId,
          action: AuditAction.SecondFactorDisabled,
          targetUserId: userId,
          reason: request.reason || null,
        }),
      );
    });
    this.tellMember(userId, company.name);
    return revoked;
  }

  /** The actor is checked first, so that a non-admin learns nothing of who is a member. */
  private async assertAdminActsOnMember(em: EntityManager, request: SecondFactorDisable): Promise<Company> {
    const memberships = await em.find(
      Membership,
      { company: request.companyId, userId: { $in: [request.actorUserId, request.userId] } },
      { populate: ['company'] },
    );
    const actor = memberships.find((membership) => membership.userId === request.actorUserId);
    assertThat(actor?.role === 'admin', ErrorCode.Forbidden, 'Only an admin of the company may do this.');
    const target = memberships.some((membership) => membership.userId === request.userId);
    assertThat(target, ErrorCode.NotFound, 'No such member.');
    return actor.company;
  }

  private tellMember(userId: string, companyName: string): void {
    this.mailer.sendLater(`the notice to user ${userId} that their second factor was turned off`, async () => {
      const user = await this.rpc.request(IdentityPatterns.getUser, { userId });
      return secondFactorDisabledMail({ email: user.email, name: user.name, companyName, language: user.language });
    });
  }
}
