import { IdentityPatterns } from '@app/contracts';
import { portalOrigin, RpcClient } from '@app/platform';
import { Mail, MailOutbox, MailWriter } from '@app/platform/service';
import { Inject, Injectable } from '@nestjs/common';
import { TENANCY_CONFIG, TenancyConfig } from '../config';
import { secondFactorDisabledMail } from './second-factor-disabled-mail';

export interface SecondFactorDisabledRecord {
  userId: string;
  companyName: string;
  actorUserId: string;
  /** Absent from notices recorded before passkeys existed, which removed none. */
  passkeysRemoved?: number;
  /** The "this wasn't me" link's secret, issued by identity with the revocation, and the acting company's host it opens on; absent from older notices. */
  notMeToken?: string;
  portalHost?: string;
}

/** The mail names the company and the admin, so that the user knows whom to ask if they did not ask. */
@Injectable()
export class SecondFactorDisabledMail extends MailWriter<SecondFactorDisabledRecord> {
  readonly kind = 'second-factor-disabled';

  constructor(
    outbox: MailOutbox,
    private readonly rpc: RpcClient,
    @Inject(TENANCY_CONFIG) private readonly config: TenancyConfig,
  ) {
    super(outbox);
  }

  about({ userId }: SecondFactorDisabledRecord): string {
    return `the notice to user ${userId} that their second factor was turned off`;
  }

  async write({ userId, companyName, actorUserId, passkeysRemoved = 0, notMeToken, portalHost }: SecondFactorDisabledRecord): Promise<Mail[]> {
    const users = await this.rpc.request(IdentityPatterns.findUsers, { userIds: [userId, actorUserId] });
    const user = users.find((found) => found.id === userId);
    if (!user) return [];
    const adminName = users.find((found) => found.id === actorUserId)?.name ?? '';
    const notMeLink = notMeToken && portalHost ? `${portalOrigin(this.config.PORTAL_ORIGIN_TEMPLATE, portalHost)}/not-me/${notMeToken}` : null;
    const notice = { email: user.email, name: user.name, companyName, adminName, passkeysRemoved, language: user.language, notMeLink };
    return [secondFactorDisabledMail(notice)];
  }
}
