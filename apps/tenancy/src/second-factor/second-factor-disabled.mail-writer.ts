import { IdentityPatterns } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { Mail, MailOutbox, MailWriter } from '@app/platform/service';
import { Injectable } from '@nestjs/common';
import { secondFactorDisabledMail } from './second-factor-disabled-mail';

export interface SecondFactorDisabledRecord {
  userId: string;
  companyName: string;
  actorUserId: string;
  /** Absent from notices recorded before passkeys existed, which removed none. */
  passkeysRemoved?: number;
}

/** The mail names the company and the admin, so that the user knows whom to ask if they did not ask. */
@Injectable()
export class SecondFactorDisabledMail extends MailWriter<SecondFactorDisabledRecord> {
  readonly kind = 'second-factor-disabled';

  constructor(
    outbox: MailOutbox,
    private readonly rpc: RpcClient,
  ) {
    super(outbox);
  }

  about({ userId }: SecondFactorDisabledRecord): string {
    return `the notice to user ${userId} that their second factor was turned off`;
  }

  async write({ userId, companyName, actorUserId, passkeysRemoved = 0 }: SecondFactorDisabledRecord): Promise<Mail[]> {
    const users = await this.rpc.request(IdentityPatterns.findUsers, { userIds: [userId, actorUserId] });
    const user = users.find((found) => found.id === userId);
    if (!user) return [];
    const adminName = users.find((found) => found.id === actorUserId)?.name ?? '';
    const notice = { email: user.email, name: user.name, companyName, adminName, passkeysRemoved, language: user.language };
    return [secondFactorDisabledMail(notice)];
  }
}
