import type { Answer, Body } from './contract';

/** The shapes of the HTTP contract the portal reads, named: each comes from the OpenAPI document (contract.ts). */

export type Me = Answer<'/api/me', 'get'>;
/** A portal; `id` is the company's. */
export type Portal = Me['portal'];
export type Account = Me['accounts'][number];

/** Every sign-in call answers the step the sign-in waits for next. */
export type SignInStep = Answer<'/api/auth/login', 'post'>;
/** A reloaded page asks for the step again; `done` then has no `me`. */
export type SignInState = Answer<'/api/auth/state', 'get'>;
export type StepName = SignInStep['next'];
/** How the second step may be answered: the app's code (or a recovery code), or a passkey made for this host. */
export type SecondStepMethod = Extract<SignInStep, { next: 'totp' }>['methods'][number];

export type SessionView = Answer<'/api/me/sessions', 'get'>[number];
export type SessionFactor = SessionView['factors'][number];
export type PasswordChanged = Answer<'/api/me/password', 'post'>;

/** What a mailed link is for (POST /api/auth/links/check). */
export type MailedLinkPurpose = Body<'/api/auth/links/check', 'post'>['purpose'];

/** A browser that skips the code step ("don't ask again"). */
export type TrustedBrowser = Answer<'/api/me/trusted-browsers', 'get'>[number];

export type TotpSetup = Answer<'/api/me/totp/setup', 'post'>;
/** During a sign-in (`totp_enroll`) the answer also carries the next step. */
export type TotpConfirmation = Answer<'/api/me/totp/confirm', 'post'>;
export type RecoveryCodes = Answer<'/api/me/totp/recovery-codes', 'post'>;

/** The company's security settings. */
export type SecuritySettings = Answer<'/api/admin/security', 'get'>;
export type HelpRequest = Answer<'/api/admin/mfa-requests', 'get'>[number];
export type Person = HelpRequest['user'];
export type AuditEntry = Answer<'/api/admin/audit', 'get'>[number];

/** What the first screen shows of this host. */
export type PortalFace = Answer<'/api/portal', 'get'>;
/** The company's look; null: the product's own. */
export type Branding = Answer<'/api/admin/branding', 'get'>;
/** What it names is set, null removes. */
export type BrandingChange = Body<'/api/admin/branding', 'patch'>;
