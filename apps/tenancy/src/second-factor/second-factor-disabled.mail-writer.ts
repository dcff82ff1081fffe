import { IdentityPatterns } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { Mail, MailOutbox, MailWriter } from '@app/platform/service';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { TENANCY_CONFIG, TenancyConfig } from '../config';
import { easyAccessOrigin } from '../link-tokens';
import { Membership } from '../memberships/membership.entity';
import { factorRemovedElsewhereMail, secondFactorDisabledMail } from './second-factor-disabled-mail';

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
  /** The user's other companies, whose admins are told without being told who acted; absent from older notices. */
  otherCompanyIds?: string[];
}

/**
 * The mail names the company and the admin, so that the user knows whom to
 * ask if they did not ask; the admins of the user's other companies get one
 * that names neither (factorRemovedElsewhereMail).
 */
@Injectable()
export class SecondFactorDisabledMail extends MailWriter<SecondFactorDisabledRecord> {
  readonly kind = 'second-factor-disabled';

  constructor(
    outbox: MailOutbox,
    private readonly rpc: RpcClient,
    private readonly em: EntityManager,
    @Inject(TENANCY_CONFIG) private readonly config: TenancyConfig,
  ) {
    super(outbox);
  }

  about({ userId }: SecondFactorDisabledRecord): string {
    return `the notice to user ${userId} that their second factor was turned off`;
  }

  async write(record: SecondFactorDisabledRecord): Promise<Mail[]> {
    const { userId, companyId, companyName, actorUserId, passkeysRemoved = 0, notMeToken, otherCompanyIds = [] } = record;
    const elsewhere = await this.em.fork().find(
      Membership,
      { company: { $in: otherCompanyIds }, role: 'admin', userId: { $ne: userId } },
      { populate: ['company'], fields: ['userId', 'company.name'] },
    );
    // Each reads a name as their company typed it, never as another firm did: the user, their admin, the other companies' admins, them.
    const typed = await this.em.fork().find(
      Membership,
      { $or: [{ company: { $in: otherCompanyIds }, userId }, ...(companyId ? [{ company: companyId, userId: { $in: [userId, actorUserId] } }] : [])] },
      { fields: ['company', 'userId', 'invitedName'] },
    );
    const typedIn = (company: string | undefined, person: string) =>
      typed.find((membership) => membership.company.id === company && membership.userId === person)?.invitedName ?? undefined;
    const userIds = [...new Set([userId, actorUserId, ...elsewhere.map((admin) => admin.userId)])];
    const users = new Map((await this.rpc.request(IdentityPatterns.findUsers, { userIds })).map((found) => [found.id, found]));
    const user = users.get(userId);
    if (!user) return [];
    const adminName = typedIn(companyId, actorUserId) ?? users.get(actorUserId)?.name ?? '';
    const notMeLink = notMeToken ? `${easyAccessOrigin(this.config)}/not-me/${notMeToken}` : null;
    const name = typedIn(companyId, userId) ?? user.name;
    const notice = { email: user.email, name, companyName, adminName, passkeysRemoved, language: user.language, notMeLink };
    const toOtherAdmins = elsewhere.flatMap(({ userId: adminId, company }) => {
      const admin = users.get(adminId);
      const client = { ...user, name: typedIn(company.id, userId) ?? user.name };
      return admin?.email ? [factorRemovedElsewhereMail({ admin, client, companyName: company.name })] : [];
    });
    // The user's first, so that it keeps its place in the rows recorded before the other admins were told.
    return [secondFactorDisabledMail(notice), ...toOtherAdmins];
  }
}
