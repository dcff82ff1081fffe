import { z } from 'zod';
import { defineRequest } from '../messages/message-contract';
import type { CredentialsChange } from '../identity/identity.contracts';
import { FreeText, Id } from '../identity/values';

/** A person as a company's lists name them. */
export interface MemberSummary {
  id: string;
  email: string;
  /** The name the company typed when it added or invited them, never one another firm typed (identity's, the first firm's). */
  name: string;
}

export interface HelpRequestView {
  id: string;
  user: MemberSummary;
  message: string | null;
  createdAt: string;
}

export interface AuditEntryView {
  /** Where the next page starts: `before` of listAudit. */
  id: string;
  at: string;
  /**
   * Null for a member's code factor turned off (mfa.disabled) by herself or, at
   * her request, by another company's admin (who acted stays with that company,
   * and the two read alike), and for the operator's changes of the portal (company.*).
   */
  actor: MemberSummary | null;
  action: string;
  /** Null for a change of the portal itself (company.*). */
  target: MemberSummary | null;
  reason: string | null;
}

export const AuditAction = {
  SecondFactorDisabled: 'mfa.disabled',
  /** The member used "this wasn't me" under a security alert: all their sessions ended. Actor and target are the member. */
  NotMeReported: 'account.not_me',
  /** An admin (actor) or the operator (no actor) changed the company's security settings; no target: the portal itself. The reason lists what was set. */
  SecurityChanged: 'company.security_changed',
  /** Likewise for its accent colour or logo. */
  BrandingChanged: 'company.branding_changed',
  /** An admin invited the target, or added accounts to a member by inviting her again; the reason names the accounts. */
  MemberInvited: 'member.invited',
  /** An admin set the accounts the target opens (or will, on answering); the reason names them, null for none. */
  AccountsChanged: 'member.accounts_changed',
  /** An admin withdrew the target's invitation, before she answered. */
  InvitationWithdrawn: 'member.invitation_withdrawn',
  /** An admin removed the target, a client who had joined, from the company; the reason names the accounts she could open. */
  MemberRemoved: 'member.removed',
} as const;

export type AuditAction = (typeof AuditAction)[keyof typeof AuditAction];

/** "No access to the app": a member asks the company's admins to turn 2FA off, and an admin does. */
export const SecondFactorHelpPatterns = {
  /**
   * At most one open request per user and company: asking again updates it. Mails the user a link to confirm it
   * (confirmRequest) while it is unconfirmed; once confirmed, nothing.
   */
  openRequest: defineRequest<{ requestId: string }>()(
    'tenancy.help-request.open',
    z.object({
      companyId: Id,
      userId: Id,
      message: FreeText(1000).nullable().default(null),
      /** The sign-in's: a new password since voids the request. */
      credentialVersion: z.number().int().min(0),
    }),
  ),
  listOpenRequests: defineRequest<HelpRequestView[]>()('tenancy.help-request.list-open', z.object({ companyId: Id }), { idempotent: true }),
  /** The user's click on the mailed link: the request reaches the company's admins (mailed), who may then act. @throws invalid_token */
  confirmRequest: defineRequest<{ companyName: string }>()('tenancy.help-request.confirm', z.object({ token: z.string().min(1).max(200) })),
  /**
   * The admin's 2FA disable. @throws not_found when the user is no member of
   * the company (the same as an unknown user), no_open_help_request when the
   * user has no open request to this one that still stands. Removes the factor (mfa),
   * revokes the user's credentials (identity, which announces it, so that every
   * session ends even if this answer is lost), closes the open requests,
   * audits (in every company of the user; the others' entries name no actor), and mails the user in the background,
   * and the other companies' admins as factorTurnedOff does. Answers identity's change.
   */
  disableSecondFactor: defineRequest<CredentialsChange>()(
    'tenancy.member.disable-mfa',
    z.object({ companyId: Id, actorUserId: Id, userId: Id, reason: FreeText(1000).nullable().default(null) }),
  ),
  /**
   * The user turned her own code factor off: every company she is a member of
   * audits it, and the admins of those that require the code are mailed, as
   * when another company's admin turns it off at her request.
   */
  factorTurnedOff: defineRequest<Record<string, never>>()('tenancy.member.factor-turned-off', z.object({ userId: Id })),
  /**
   * The company's entries, newest first, a page at a time: the latest, or
   * those older than `before`, one of its own entries.
   * @throws validation_failed when `before` is no entry of this company.
   */
  listAudit: defineRequest<AuditEntryView[]>()('tenancy.audit.list', z.object({ companyId: Id, before: Id.optional() }), { idempotent: true }),
  /** Audits "this wasn't me" in every company the user is a member of; no entry names another company. */
  auditNotMe: defineRequest<Record<string, never>>()('tenancy.audit.not-me', z.object({ userId: Id })),
} as const;
