import { AuditAction, DomainError, Email, ErrorCode, FreeText, Id, MemberRole, PersonName, SessionLimit, TrustedBrowserDays } from '@app/contracts';
import { z } from 'zod';
import { GatewayConfig } from '../config';
import { Instant } from '../http/answers.decorator';
import { Account } from '../member-view/me';

/** The accounts are named on purpose, even if none: a client invited to nothing sees nothing. */
export const ClientInvitationBody = z.object({ email: Email, name: PersonName, accountIds: z.array(Id).max(500) });
export const DisableBody = z.object({ reason: FreeText(1000).optional() });
export const AccountAccessBody = z.object({ accountIds: z.array(Id).max(500) });

export const InvitedClient = z.object({ userId: z.string() });
export type InvitedClient = z.output<typeof InvitedClient>;

/** A user as the company's lists name them. */
const MemberSummary = z.object({
  id: z.string(),
  email: z.string().meta({ description: 'Empty for a user who no longer exists' }),
  name: z.string().meta({
    description:
      'The name this company typed when it added or invited them (never one another firm typed); the account\'s own for people ' +
      'added before 2026-12-04; empty for a user who no longer exists',
  }),
});

/** A line of the admin's list of the company's people. */
export const CompanyMember = z.object({
  user: MemberSummary,
  role: MemberRole,
  status: z.enum(['member', 'invited']).meta({
    description:
      '`invited`: a person who has not answered the company’s mail yet (activated their new account, or accepted with the one they had: ' +
      'which of the two is not told, since it would say that the email already had an account, likely with another firm). ' +
      'Until then a person who had an account is not reached',
  }),
  accounts: z.array(Account).meta({ description: 'The accounts the member may open, by name; for an invited person, those they will open on answering' }),
});
export type CompanyMember = z.output<typeof CompanyMember>;

/** An open "no access to the app" request. */
export const HelpRequest = z.object({
  id: z.string(),
  user: MemberSummary,
  message: z.string().nullable().meta({ description: "The member's words to the admins, if any: those quoted by the mailed link she confirmed" }),
  createdAt: Instant,
});
export type HelpRequest = z.output<typeof HelpRequest>;

export const AuditEntry = z.object({
  id: z.string().meta({ description: 'The last entry of a page is where the next one starts: `?before={id}`' }),
  at: Instant,
  actor: MemberSummary.nullable().meta({
    description: "Null for an act of another company's admin on a member shared with it, and for the operator's changes of the portal",
  }),
  action: z.string().meta({ description: `What was done: ${Object.values(AuditAction).join(', ')}` }),
  target: MemberSummary.nullable().meta({ description: 'Null for a change of the portal itself (company.*)' }),
  reason: z.string().nullable().meta({ description: "The admin's reason; for a change of the portal, what was set" }),
});
export type AuditEntry = z.output<typeof AuditEntry>;

/** Each setting is optional: a change names those it sets. */
export const SecuritySettingsBody = z
  .object({ trustedBrowserDays: TrustedBrowserDays, sessionIdleMinutes: SessionLimit, sessionAbsoluteHours: SessionLimit })
  .partial()
  .refine((body) => Object.values(body).some((value) => value !== undefined), 'name at least one setting');

export const SecuritySettings = z.object({
  trustedBrowserDays: TrustedBrowserDays.meta({
    description: 'Days a browser trusted at the code step ("don\'t ask again") skips it; 0 turns the option off. 30 unless set.',
  }),
  sessionIdleMinutes: SessionLimit.meta({
    description: "Minutes without activity that end a web session, if shorter than the deployment's; null: the deployment's",
  }),
  sessionAbsoluteHours: SessionLimit.meta({
    description: "Hours after which a web session ends whatever its activity, if shorter than the deployment's; null: the deployment's",
  }),
});
export type SecuritySettings = z.output<typeof SecuritySettings>;

export const SETTINGS_REFUSED =
  'validation_failed: no setting named, trustedBrowserDays not a whole number from 0 to 30, or a session lifetime not a whole number ' +
  'from 1 to the deployment\'s (SESSION_IDLE_MINUTES, SESSION_ABSOLUTE_HOURS)';

type Deployment = Pick<GatewayConfig, 'SESSION_IDLE_MINUTES' | 'SESSION_ABSOLUTE_HOURS'>;

/**
 * A company may shorten its web sessions, never lengthen them past the deployment's.
 * @throws DomainError validation_failed
 */
export function assertWithinDeployment(body: z.output<typeof SecuritySettingsBody>, deployment: Deployment): void {
  const over =
    (body.sessionIdleMinutes ?? 0) > deployment.SESSION_IDLE_MINUTES
      ? `sessionIdleMinutes: at most ${deployment.SESSION_IDLE_MINUTES}`
      : (body.sessionAbsoluteHours ?? 0) > deployment.SESSION_ABSOLUTE_HOURS
        ? `sessionAbsoluteHours: at most ${deployment.SESSION_ABSOLUTE_HOURS}`
        : null;
  if (over) throw new DomainError(ErrorCode.ValidationFailed, `A company may only shorten its sessions (${over}, this deployment's).`);
}
