import {
  assertThat,
  AuditAction,
  CredentialsChange,
  ErrorCode,
  IdentityPatterns,
  MfaPatterns,
  ParsedRequestOf,
  PasskeyPatterns,
  SecondFactorHelpPatterns,
} from '@app/contracts';
import { RpcClient } from '@app/platform';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AuditEntry } from '../audit/audit-entry.entity';
import { Company } from '../companies/company.entity';
import { HelpRequest, standsFor } from '../help-requests/help-request.entity';
import { Invitation } from '../invitations/invitation.entity';
import { Membership } from '../memberships/membership.entity';
import { FactorOffNotices } from './factor-off-notices';
import { SecondFactorDisabledMail } from './second-factor-disabled.mail-writer';

export type SecondFactorDisable = ParsedRequestOf<typeof SecondFactorHelpPatterns.disableSecondFactor>;

interface Standing {
  company: Company;
  /** The user's other companies: each is told as if she had acted herself (FactorOffNotices). */
  otherCompanyIds: string[];
}

@Injectable()
export class DisableSecondFactor {
  constructor(
    private readonly em: EntityManager,
    private readonly rpc: RpcClient,
    private readonly mail: SecondFactorDisabledMail,
    private readonly notices: FactorOffNotices,
  ) {}

  /**
   * Remote calls first, then the local writes in one transaction: when anything
   * fails the request stays open and unaudited, and the admin's retry is
   * harmless (removing absent factors or passkeys is a no-op, revoking again only bumps a version).
   * Every second factor goes, the passkeys of every host included: the user
   * lost their devices, and a passkey on a lost phone alone signs in. They are
   * removed before the revocation, so that a session a passkey opened in
   * between ends with the others. A retry finds them gone and its mail does
   * not mention them: the user's first concern, that they no longer sign in, holds.
   * Identity announces the revocation, so the user's sessions end even when
   * this answer reaches the gateway too late; the mail is recorded with the audit and sent after.
   * @throws DomainError `forbidden` when the actor is no admin of the company,
   * `not_found` when the user is neither a member of it nor invited to it, the same for an unknown user,
   * `no_open_help_request` when the user has no open request to this one that still stands.
   */
  async execute(request: SecondFactorDisable): Promise<CredentialsChange> {
    const { companyId, actorUserId, userId } = request;
    const em = this.em.fork();
    const { company, otherCompanyIds } = await this.assertStanding(em, request);
    const code = await this.rpc.request(MfaPatterns.removeFactor, { userId });
    const passkeys = await this.rpc.request(PasskeyPatterns.removeAllOfUser, { userId });
    const revoked = await this.rpc.request(IdentityPatterns.revokeCredentials, { userId, notMeLink: true });
    await em.transactional(async (tx) => {
      await tx.nativeUpdate(
        HelpRequest,
        { company: companyId, userId, closedAt: null },
        { closedAt: new Date(), closedBy: actorUserId },
      );
      tx.persist(new AuditEntry(company, { actorUserId, action: AuditAction.SecondFactorDisabled, targetUserId: userId, reason: request.reason || null }));
      // Every other company of the user hears of it as of her own act: the acting company and its admin stay private to
      // it, and so does the reason, free text that may name them. Only a code removed is told, as only that is by her own
      // act (removing a passkey herself tells no company); a retry after the code went finds none and tells nothing.
      if (code.removed) await this.notices.record(tx, userId, otherCompanyIds);
      const notMe = revoked.notMeToken ? { notMeToken: revoked.notMeToken } : {};
      await this.mail.record(tx, { userId, companyId, companyName: company.name, actorUserId, passkeysRemoved: passkeys.removed, ...notMe });
    });
    this.mail.sendSoon();
    this.notices.sendSoon();
    // The link's secret goes to the mail only.
    return { userId: revoked.userId, credentialVersion: revoked.credentialVersion };
  }

  /**
   * The actor is checked first, so that a non-admin learns nothing of who is a
   * member. An invited user, no member yet, is refused as a member who has not
   * asked: a 404 would tell that their email already had an account
   * (ListMembers). Then only the user's own open
   * help request to this company, while it stands (standsFor), gives standing,
   * whether or not they are also another company's client: an admin's
   * standing ends where another company's client begins, and were the rule
   * only for those, its refusal would tell the admin which of their clients
   * work with another firm.
   */
  private async assertStanding(em: EntityManager, request: SecondFactorDisable): Promise<Standing> {
    const memberships = await em.find(
      Membership,
      { company: request.companyId, userId: { $in: [request.actorUserId, request.userId] } },
      { populate: ['company'] },
    );
    const actor = memberships.find((membership) => membership.userId === request.actorUserId);
    assertThat(actor?.role === 'admin', ErrorCode.Forbidden, 'Only an admin of the company may do this.');
    // Both asked in every case: answered by the first alone for a member, the time taken would tell the invited ones (their email had an account).
    const invited = (await em.count(Invitation, { company: request.companyId, userId: request.userId })) > 0;
    const member = memberships.some((membership) => membership.userId === request.userId);
    assertThat(member || invited, ErrorCode.NotFound, 'No such member.');
    const others = await em.find(
      Membership,
      { userId: request.userId, company: { $ne: request.companyId } },
      { fields: ['company'] },
    );
    // Asked for the invited too, as for members (the time taken), and no standing for them: a request of hers left open by a
    // race with her removal (OpenHelpRequest) must not let the firm that invites her again act before she rejoins.
    const asked = await this.askedAndStanding(em, request);
    assertThat(
      asked && member,
      ErrorCode.NoOpenHelpRequest,
      'Act only on the user\'s own "no access to the app" request to your company, confirmed from their mailbox, while it stands (7 days, no new password since).',
    );
    return { company: actor.company, otherCompanyIds: others.map((membership) => membership.company.id) };
  }

  /** Whether the user has an open request to the company that still stands; identity is asked only when there is one. */
  private async askedAndStanding(em: EntityManager, { companyId, userId }: SecondFactorDisable): Promise<boolean> {
    const asked = await em.find(HelpRequest, { company: companyId, userId, closedAt: null });
    if (asked.length === 0) return false;
    const { credentialVersion } = await this.rpc.request(IdentityPatterns.getUser, { userId });
    return asked.some((help) => standsFor(help, credentialVersion));
  }

}
