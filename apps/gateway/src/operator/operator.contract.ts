import { CompanyName, DEFAULT_TRUSTED_BROWSER_DAYS, Email, Hostname, Id, MemberRole, PersonName, TrustedBrowserDays } from '@app/contracts';
import { z } from 'zod';

export const CompanyBody = z.object({
  name: CompanyName,
  hosts: z.array(Hostname).min(1).max(20),
  requireTotp: z.boolean().default(false),
  trustedBrowserDays: TrustedBrowserDays.default(DEFAULT_TRUSTED_BROWSER_DAYS),
});
export const AccountBody = z.object({ name: CompanyName });
export const MemberBody = z.object({
  email: Email,
  name: PersonName,
  role: MemberRole,
  accountIds: z.array(Id).max(500).default([]),
});

/** A company as the operator created it. */
export const CreatedCompany = z.object({
  id: z.string(),
  name: z.string(),
  hosts: z.array(z.string()).meta({ description: "The first is the portal's address in links" }),
  requireTotp: z.boolean(),
});
export type CreatedCompany = z.output<typeof CreatedCompany>;

export const AddedMember = z.object({
  userId: z.string(),
  activationUrl: z.string().nullable().meta({ description: 'The mailed activation link, for a new user (activating is joining)' }),
  acceptanceUrl: z.string().nullable().meta({ description: 'The mailed link by which a user who already had an account accepts: single use, 7 days' }),
});
export type AddedMember = z.output<typeof AddedMember>;
