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
