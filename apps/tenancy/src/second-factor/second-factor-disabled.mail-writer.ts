import { IdentityPatterns } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { Mail, MailOutbox, MailWriter } from '@app/platform/service';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { TENANCY_CONFIG, TenancyConfig } from '../config';
import { easyAccessOrigin } from '../link-tokens';
import { Membership } from '../memberships/membership.entity';
import { FactorOffNoticeMail } from './factor-off-notice.mail-writer';
import { secondFactorDisabledMail } from './second-factor-disabled-mail';

export interface SecondFactorDisabledRecord {
  userId: string;
  /** The acting company, whose typed names the user's mail uses; absent from older notices, which use identity's. */
  companyId?: string;
  companyName: string;
  actorUserId: string;
  /** Absent from notices recorded before passkeys existed, which removed none. */
  passkeysRemoved?: number;
  /**
   * The "this wasn't me" link's secret, issued by identity with the
   * revocation; absent from older notices. The link opens on the easy access
   * host, whatever host older notices recorded: on the acting firm's, the firm
   * would receive the token, and with it undo the factors its client sets up
   * at her other firms afterwards.
   */
  notMeToken?: string;
  /** Only in notices recorded before FactorOffNoticeMail told the user's other companies: mailed as it does. */
  otherCompanyIds?: string[];
}

/**
 * The mail names the company and the admin, so that the user knows whom to
 * ask if they did not ask. The user's other companies are told by
 * FactorOffNotices, in the words they read when she acts herself.
 */
@Injectable()
export class SecondFactorDisabledMail extends MailWriter<SecondFactorDisabledRecord> {
  readonly kind = 'second-factor-disabled';

  constructor(
    outbox: MailOutbox,
    private readonly rpc: RpcClient,
    private readonly em: EntityManager,
    private readonly notices: FactorOffNoticeMail,
    @Inject(TENANCY_CONFIG) private readonly config: TenancyConfig,
  ) {
    super(outbox);
  }

  about({ userId }: SecondFactorDisabledRecord): string {
    return `the notice to user ${userId} that their second factor was turned off`;
  }

  async write(record: SecondFactorDisabledRecord): Promise<Mail[]> {
    const { userId, companyId, companyName, actorUserId, passkeysRemoved = 0, notMeToken, otherCompanyIds = [] } = record;
    // Each reads a name as their company typed it, never as another firm did: the user, their admin.
    const typed = companyId
      ? await this.em.fork().find(Membership, { company: companyId, userId: { $in: [userId, actorUserId] } }, { fields: ['userId', 'invitedName'] })
      : [];
    const typedName = (person: string) => typed.find((membership) => membership.userId === person)?.invitedName ?? undefined;
    const users = new Map((await this.rpc.request(IdentityPatterns.findUsers, { userIds: [userId, actorUserId] })).map((found) => [found.id, found]));
    const user = users.get(userId);
    if (!user) return [];
    const adminName = typedName(actorUserId) ?? users.get(actorUserId)?.name ?? '';
    const notMeLink = notMeToken ? `${easyAccessOrigin(this.config)}/not-me/${notMeToken}` : null;
    const notice = { email: user.email, name: typedName(userId) ?? user.name, companyName, adminName, passkeysRemoved, language: user.language, notMeLink };
    // The user's first, so that it keeps its place in the rows recorded before the other admins were told apart.
    return [secondFactorDisabledMail(notice), ...(await this.notices.write({ userId, companyIds: otherCompanyIds }))];
  }
}
