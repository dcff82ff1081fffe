import { randomUUID } from 'node:crypto';
import { MemberRole } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { digestOfLinkToken, newLinkToken } from '../link-tokens';
import { INVITATION_VALID_DAYS } from './invitation.entity';

export interface PendingInvitation {
  companyId: string;
  userId: string;
  role: MemberRole;
  accountIds: string[];
  /** The name the company typed: kept from the first invitation. */
  invitedName: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The invitations of users, new or not, before they answer (see AcceptInvitation, WaitingInvitations). */
@Injectable()
export class PendingInvitations {
  /**
   * Writes, in the caller's transaction, the company's one pending invitation of the user, with a fresh
   * token: inviting again adds the accounts, retires the earlier link (only
   * its hash was kept, so it cannot be mailed again), and keeps the first
   * role unless the operator now names the person an admin: an admin who
   * invited the operator's next admin as a client first would otherwise make
   * him one, whom she may withdraw or remove.
   * @returns the token of the acceptance link.
   */
  async write(em: EntityManager, { companyId, userId, role, accountIds, invitedName }: PendingInvitation): Promise<string> {
    const token = newLinkToken();
    await em.execute(
      `insert into "tenancy"."invitations" ("id", "company_id", "user_id", "role", "account_ids", "invited_name", "token_hash", "expires_at")
       values (?, ?, ?, ?, ?::uuid[], ?, ?, ?)
       on conflict ("company_id", "user_id") do update set
         "role" = case when excluded."role" = 'admin' then excluded."role" else "invitations"."role" end,
         "account_ids" = array(select distinct unnest("invitations"."account_ids" || excluded."account_ids")),
         "token_hash" = excluded."token_hash",
         "expires_at" = excluded."expires_at"`,
      [
        randomUUID(),
        companyId,
        userId,
        role,
        `{${accountIds.join(',')}}`,
        invitedName,
        digestOfLinkToken(token),
        new Date(Date.now() + INVITATION_VALID_DAYS * DAY_MS),
      ],
    );
    return token;
  }
}
