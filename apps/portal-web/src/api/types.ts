/** The shapes of the HTTP contract (the OpenAPI document, /docs-json) that the portal reads. */

export interface Portal {
  /** The company's id. */
  id: string;
  name: string;
  url: string;
}

export interface Account {
  id: string;
  name: string;
}

export interface Me {
  user: { id: string; email: string; name: string; totpEnabled: boolean; google: boolean };
  role: 'client' | 'admin';
  portal: Portal;
  portals: Portal[];
  account: Account | null;
  accounts: Account[];
  banner: { account: Account; dismissed: boolean } | null;
  /** Minutes without a request that end this session. */
  idleMinutes: number | null;
}

/** How the second step may be answered: the app's code (or a recovery code), or a passkey made for this host. */
export type SecondStepMethod = 'totp' | 'passkey';

/** Every sign-in call answers the step the sign-in waits for next. */
export type SignInStep =
  | { next: 'select_portal'; portals?: Portal[] }
  | { next: 'totp'; methods?: SecondStepMethod[]; trustBrowserDays?: number }
  | { next: 'totp_enroll' }
  | { next: 'done'; me?: Me };

export type StepName = SignInStep['next'];

export interface SessionView {
  id: string;
  kind: 'web' | 'mobile';
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
  /** "Chrome · Linux" for a web session, when known. */
  device: string | null;
  address: string | null;
  /** What opened it, first factor first; empty for a session older than the record of factors. */
  factors: SessionFactor[];
}

export type SessionFactor = 'password' | 'google' | 'totp' | 'recovery_code' | 'passkey' | 'trusted_browser';

/** What a mailed link is for (POST /api/auth/links/check). */
export type MailedLinkPurpose = 'activation' | 'reset' | 'not_me';

/** A browser that skips the code step ("don't ask again"), as GET /api/me/trusted-browsers lists it. */
export interface TrustedBrowser {
  id: string;
  device: string | null;
  createdAt: string;
  expiresAt: string;
  current: boolean;
}

/** The company's security settings (GET/PATCH /api/admin/security). */
export interface SecuritySettings {
  trustedBrowserDays: number;
  /** Null: the deployment's. */
  sessionIdleMinutes: number | null;
  sessionAbsoluteHours: number | null;
}

export interface TotpSetup {
  secret: string;
  otpauthUrl: string;
  qrSvg: string;
}

/** During a sign-in (`totp_enroll`) the answer also carries the next step. */
export type TotpConfirmation = { recoveryCodes: string[] } & Partial<SignInStep>;

export interface Person {
  id: string;
  email: string;
  name: string;
}

export interface HelpRequest {
  id: string;
  user: Person;
  message: string | null;
  createdAt: string;
}

export interface AuditEntry {
  at: string;
  /** Null in the entries of an act by another company's admin (who acted stays with that company), and of the operator's changes of the portal. */
  actor: Person | null;
  action: string;
  /** Null for a change of the portal itself (company.*). */
  target: Person | null;
  /** Not in the first contract (API.md): read when present. */
  reason?: string | null;
}

/** GET /api/portal: what the first screen shows of this host. */
export interface PortalFace extends Branding {
  companyName: string | null;
  google: boolean;
}

/** GET /api/admin/branding: the company's look; null: the product's own. */
export interface Branding {
  accentColor: string | null;
  logoUrl: string | null;
}

/** PATCH /api/admin/branding: what it names is set, null removes. */
export interface BrandingChange {
  accentColor?: string | null;
  logo?: { contentType: string; data: string } | null;
}
