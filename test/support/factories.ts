import { randomBytes } from 'node:crypto';
import { expectStatus } from './expect-status';
import { Mailbox, tokenOf } from './mailbox';
import { anotherMachineAddress, ClientOptions, PortalClient, PortalResponse } from './portal-client';
import { Gateway, sharedGateway } from './run-context';
import { codeForStep, currentStepWithMargin } from './totp';

export interface Company {
  id: string;
  name: string;
  hosts: string[];
  /** The first host: the portal's address. */
  host: string;
  gateway: Gateway;
}

export interface Account {
  id: string;
  name: string;
}

export interface Invitation {
  userId: string;
  email: string;
  name: string;
  activationUrl: string | null;
  token: string | null;
  /** Set when the email already had an account: the link by which the user accepts to join. */
  acceptanceUrl: string | null;
}

export interface Member extends Invitation {
  password: string;
}

export type Role = 'client' | 'admin';

export type Language = 'fr' | 'en';

export interface MemberOptions {
  email?: string;
  name?: string;
  role?: Role;
  accountIds?: string[];
  /** The Accept-Language of the invitation and the activation; none is sent when unset. */
  language?: Language;
}

/** The headers of a request made in `language`, or none. */
export function inLanguage(language?: Language): { headers?: Record<string, string> } {
  return language ? { headers: { 'accept-language': language } } : {};
}

const random = () => randomBytes(4).toString('hex');

export function uniqueEmail(label = 'client'): string {
  return `${label}.${random()}@example.com`;
}

/** Long, uncommon, and unique: accepted by the password rules. */
export function strongPassword(): string {
  return `Fjord-lantern-${random()}-quartz`;
}

export function browserOn(host: string, gateway: Gateway = sharedGateway(), options?: ClientOptions): PortalClient {
  return new PortalClient(host, gateway.port, options);
}

export function easyAccessBrowser(gateway: Gateway = sharedGateway()): PortalClient {
  return browserOn(gateway.easyAccessHost, gateway);
}

export function operatorClient(gateway: Gateway = sharedGateway()): PortalClient {
  return browserOn(gateway.easyAccessHost, gateway, { headers: { authorization: `Bearer ${gateway.operatorToken}` } });
}

/** A company with unique hosts, e.g. acme-1a2b3c4d.test and www.acme-1a2b3c4d.test. */
export async function createCompany(
  options: { name?: string; hostCount?: number; requireTotp?: boolean } = {},
  gateway: Gateway = sharedGateway(),
): Promise<Company> {
  const label = `${(options.name ?? 'acme').toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${random()}`;
  const hosts = [`${label}.test`];
  for (let index = 1; index < (options.hostCount ?? 1); index += 1) hosts.push(`www${index}.${label}.test`);
  const body = { name: options.name ?? `Acme ${label}`, hosts, requireTotp: options.requireTotp };
  const created = expectStatus(await operatorClient(gateway).post('/api/operator/companies', body), 201, 'create company');
  return { ...(created.body as { id: string; name: string; hosts: string[] }), host: hosts[0], gateway };
}

export async function createAccount(company: Company, name = `Account ${random()}`): Promise<Account> {
  const created = await operatorClient(company.gateway).post(`/api/operator/companies/${company.id}/accounts`, { name });
  return expectStatus(created, 201, 'create account').body as Account;
}

/**
 * The operator invites the email into the company. A user who already has an
 * account is only invited (acceptanceUrl set) until they accept; the token is
 * null when the user was already active.
 */
export async function inviteMember(company: Company, options: MemberOptions = {}): Promise<Invitation> {
  const email = options.email ?? uniqueEmail();
  const name = options.name ?? 'Claire Durand';
  const body = { email, name, role: options.role ?? 'client', accountIds: options.accountIds ?? [] };
  const path = `/api/operator/companies/${company.id}/members`;
  const added = expectStatus(
    await operatorClient(company.gateway).post(path, body, inLanguage(options.language)),
    201,
    'add member',
  );
  const { userId, activationUrl, acceptanceUrl } = added.body as {
    userId: string;
    activationUrl: string | null;
    acceptanceUrl?: string | null;
  };
  const token = activationUrl ? tokenOf(activationUrl) : null;
  return { userId, email, name, activationUrl, token, acceptanceUrl: acceptanceUrl ?? null };
}

/** The user accepts an invitation by the token of its link, on the company's host. */
export async function acceptInvitation(company: Company, acceptanceUrl: string): Promise<void> {
  const accepted = await browserOn(company.host, company.gateway).post('/api/invitations/accept', { token: tokenOf(acceptanceUrl) });
  expectStatus(accepted, 204, 'accept invitation');
}

/**
 * Makes the email a member: the operator's invitation, accepted through the
 * link of the operator's answer when the user already had an account.
 */
export async function addMember(company: Company, options: MemberOptions = {}): Promise<Invitation> {
  const invitation = await inviteMember(company, options);
  if (invitation.acceptanceUrl) await acceptInvitation(company, invitation.acceptanceUrl);
  return invitation;
}

export async function activate(client: PortalClient, token: string, password: string, language?: Language): Promise<void> {
  expectStatus(await client.post('/api/auth/activate', { token, password }, inLanguage(language)), 204, 'activate');
}

/** A member who has activated, with the password they chose. */
export async function activeMember(company: Company, options: MemberOptions = {}): Promise<Member> {
  const invitation = await addMember(company, options);
  const password = strongPassword();
  if (!invitation.token) throw new Error(`${invitation.email} was already active: pass a new email.`);
  await activate(browserOn(company.host, company.gateway), invitation.token, password, options.language);
  return { ...invitation, password };
}

/** Just what the sign-in form sends. */
export function credentialsOf(member: { email: string; password: string }): { email: string; password: string } {
  return { email: member.email, password: member.password };
}

/** A browser signed in on the easy access host, into the company chosen there: where a session may switch portals. */
export async function signedInOnEasyAccess(company: Company, member: { email: string; password: string }): Promise<PortalClient> {
  const client = easyAccessBrowser(company.gateway);
  const login = expectStatus(await client.post('/api/auth/login', credentialsOf(member)), 200, 'login');
  const chosen = login.body.next === 'select_portal' ? (await client.post('/api/auth/portal', { portalId: company.id })).body : login.body;
  if (chosen.next !== 'done') throw new Error(`login on the easy access host: expected next "done", got ${JSON.stringify(chosen)}`);
  return client;
}

/**
 * A browser signed in on the easy access host with a recovery code (a code of
 * the app's step already used would wait for the next step), into the company
 * named, or the first offered: where the account's code changes.
 */
export async function onEasyAccessWithRecoveryCode(
  member: { email: string; password: string },
  recoveryCode: string,
  companyId?: string,
  gateway: Gateway = sharedGateway(),
): Promise<PortalClient> {
  const client = easyAccessBrowser(gateway);
  const login = expectStatus(await client.post('/api/auth/login', credentialsOf(member)), 200, 'login');
  if (login.body.next !== 'totp') throw new Error(`login on the easy access host: expected next "totp", got ${login.text}`);
  const answered = expectStatus(await client.post('/api/auth/totp', { recoveryCode }), 200, 'recovery code').body;
  const portalId = companyId ?? (answered.portals as { id: string }[] | undefined)?.[0]?.id;
  const chosen = answered.next === 'select_portal' ? expectStatus(await client.post('/api/auth/portal', { portalId }), 200, 'portal').body : answered;
  if (chosen.next !== 'done') throw new Error(`sign-in on the easy access host with a recovery code: expected next "done", got ${JSON.stringify(chosen)}`);
  return client;
}

/** As onEasyAccessWithRecoveryCode, with the member's next unused recovery code. */
export async function signedInOnEasyAccessWithRecoveryCode(company: Company, member: TotpMember): Promise<PortalClient> {
  const recoveryCode = member.recoveryCodes.shift();
  if (!recoveryCode) throw new Error(`${member.email} has no recovery code left.`);
  return onEasyAccessWithRecoveryCode(member, recoveryCode, company.id, company.gateway);
}

/** A browser signed in on the company's own host. */
export async function signedInClient(company: Company, member: { email: string; password: string }): Promise<PortalClient> {
  const client = browserOn(company.host, company.gateway);
  const login = expectStatus(await client.post('/api/auth/login', credentialsOf(member)), 200, 'login');
  if (login.body.next !== 'done') throw new Error(`login: expected next "done", got ${login.text}`);
  return client;
}

export interface TotpMember extends Member {
  /** Base32, as the setup answered it. */
  secret: string;
  recoveryCodes: string[];
  /** The time step during which 2FA was confirmed: codes of this step and later ones sign in. */
  enrolledInStep: number;
  /** The browser, still signed in, in which 2FA was turned on. */
  browser: PortalClient;
}

/**
 * Turns 2FA on in a signed-in browser (or one at the `totp_enroll` step). It
 * confirms with the code of the step before the current one, which is accepted,
 * so that the current step's code is still unused and signs in.
 */
export async function enrolTotp(browser: PortalClient): Promise<{ secret: string; step: number; confirmation: PortalResponse }> {
  const { secret } = expectStatus(await browser.post('/api/me/totp/setup'), 200, 'totp setup').body as { secret: string };
  const step = await currentStepWithMargin();
  const confirmed = await browser.post('/api/me/totp/confirm', { code: codeForStep(secret, step - 1) });
  const confirmation = expectStatus(confirmed, 200, 'totp confirm');
  return { secret, step, confirmation };
}

/** An active member who has turned 2FA on. */
export async function memberWithTotp(company: Company, options: MemberOptions = {}): Promise<TotpMember> {
  const member = await activeMember(company, options);
  const browser = await signedInClient(company, member);
  const { secret, step, confirmation } = await enrolTotp(browser);
  return { ...member, secret, recoveryCodes: confirmation.body.recoveryCodes as string[], enrolledInStep: step, browser };
}

/**
 * The member's "no access to the app" request to the company, from a browser
 * stopped at the code step, confirmed from their mailbox: what lets its admins turn their 2FA off.
 */
export async function askedForHelp(company: Company, member: { email: string; password: string }, message = 'Téléphone perdu'): Promise<void> {
  const browser = browserOn(company.host, company.gateway);
  const login = expectStatus(await browser.post('/api/auth/login', credentialsOf(member)), 200, 'login');
  if (login.body.next !== 'totp') throw new Error(`login: expected next "totp", got ${login.text}`);
  expectStatus(await browser.post('/api/auth/totp/help', { message }), 202, 'help request');
  await confirmedHelp(member, company.gateway);
}

/**
 * The user's click on the newest link mailed after "no access to the app"
 * (an earlier one was replaced or used): the request reaches the admins.
 * @returns the company named in the answer.
 */
export async function confirmedHelp(member: { email: string }, gateway: Gateway = sharedGateway()): Promise<string> {
  const mailbox = new Mailbox();
  const tried = new Set<string>();
  const deadline = Date.now() + 5000;
  for (;;) {
    const links = mailbox.matching({ to: member.email, containing: '/help-request/' }).map((mail) => mailbox.linkIn(mail, '/help-request/'));
    const link = links.at(-1);
    if (link && !tried.has(link)) {
      tried.add(link);
      // From its own address: the per-address limit of the confirmations is not what the specs test.
      const browser = browserOn(gateway.easyAccessHost, gateway, { sourceAddress: anotherMachineAddress() });
      const confirmed = await browser.post('/api/auth/totp/help/confirm', { token: tokenOf(link) });
      if (confirmed.status === 200) return confirmed.body.companyName as string;
    }
    if (Date.now() > deadline) throw new Error(`No usable help request link mailed to ${member.email} (tried ${tried.size}).`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
