import { IdentityEvents, MfaEvents, TenancyEvents } from '@app/contracts';
import { expectError } from '../support/api-error';
import {
  Account,
  activeMember,
  browserOn,
  Company,
  createAccount,
  createCompany,
  credentialsOf,
  Member,
  memberWithTotp,
  signedInClient,
  signedInOnEasyAccess,
  uniqueEmail,
} from '../support/factories';
import { queryRunDatabase } from '../support/databases';
import { eventually, waitUntil } from '../support/late-answers';
import { PortalClient } from '../support/portal-client';

type Schema = 'identity' | 'mfa' | 'tenancy';

/** Writes a change and its announcement as a service does, then dies before sending it. */
async function committedButUnsent(schema: Schema, change: string, changeBindings: unknown[], announcement: [string, object]) {
  await queryRunDatabase(change, changeBindings as never[]);
  await queryRunDatabase(`insert into ${schema}.announcements (pattern, payload) values (?, ?::jsonb)`, [announcement[0], JSON.stringify(announcement[1])]);
}

/** Whether `schema`'s announcements about the user were all sent (the relay deletes a row once NATS has it). */
async function allSent(schema: Schema, userId: string): Promise<boolean> {
  return (await queryRunDatabase(`select id from ${schema}.announcements where payload->>'userId' = ?`, [userId])).length === 0;
}

/**
 * Identity, mfa and tenancy record every event in the transaction of the
 * change, and send it after the commit. What a process
 * leaves behind when it dies between the two is sent by whichever process
 * of the service looks next (every second).
 */
describe('A change committed but never announced', () => {
  let firm: Company;

  beforeAll(async () => {
    firm = await createCompany({ name: 'Girard Expertise' });
  });

  describe('of credentials', () => {
    let member: Member;
    let earlierSession: PortalClient;

    beforeAll(async () => {
      member = await activeMember(firm);
      earlierSession = await signedInClient(firm, member);
      expect((await earlierSession.get('/api/me')).status).toBe(200);
    });

    test('is announced by the next look, and the sessions signed in before it end', async () => {
      const [{ version }] = await queryRunDatabase<{ version: number }>(
        'select credential_version + 1 as version from identity.users where id = ?',
        [member.userId],
      );
      await committedButUnsent('identity', 'update identity.users set credential_version = ? where id = ?', [version, member.userId], [
        IdentityEvents.credentialsChanged.pattern,
        { userId: member.userId, credentialVersion: version },
      ]);

      expectError(await eventually(() => earlierSession.get('/api/me'), 401), 401, 'unauthenticated');
      expect(await waitUntil(() => allSent('identity', member.userId))).toBe(true);
    });

    test('a sign-in under the new version works', async () => {
      const login = await browserOn(firm.host).post('/api/auth/login', credentialsOf(member));

      expect(login.body).toMatchObject({ next: 'done', me: { user: { email: member.email } } });
    });
  });

  describe('of account access', () => {
    let household: Account;
    let business: Account;

    beforeAll(async () => {
      household = await createAccount(firm, 'Foyer Girard');
      business = await createAccount(firm, 'SARL Girard');
    });

    test('is announced by the next look, and the account taken away leaves the cached view', async () => {
      const member = await activeMember(firm, { accountIds: [household.id, business.id] });
      const browser = await signedInClient(firm, member);
      expect((await browser.get('/api/me')).body.accounts).toHaveLength(2);

      await committedButUnsent(
        'tenancy',
        `delete from tenancy.account_accesses where account_id = ?
           and membership_id = (select id from tenancy.memberships where user_id = ? and company_id = ?)`,
        [business.id, member.userId, firm.id],
        [TenancyEvents.memberChanged.pattern, { userId: member.userId }],
      );

      await waitUntil(async () => (await browser.get('/api/me')).body.accounts.length === 1);
      expect((await browser.get('/api/me')).body.accounts).toEqual([household]);
      expect(await waitUntil(() => allSent('tenancy', member.userId))).toBe(true);
    });
  });

  describe('of what a cached view shows', () => {
    // The email: the name a portal shows is the one its company typed (tenancy's), identity's only stands in.
    test('a new email (identity) reaches the view', async () => {
      const member = await activeMember(firm);
      const browser = await signedInClient(firm, member);
      expect((await browser.get('/api/me')).body.user.email).toBe(member.email);
      const email = uniqueEmail('helene');

      await committedButUnsent('identity', 'update identity.users set email = ? where id = ?', [email, member.userId], [
        IdentityEvents.userChanged.pattern,
        { userId: member.userId },
      ]);

      await waitUntil(async () => (await browser.get('/api/me')).body.user.email === email);
      expect((await browser.get('/api/me')).body.user.email).toBe(email);
      expect(await waitUntil(() => allSent('identity', member.userId))).toBe(true);
    });

    test('a new membership (tenancy) adds its portal to the view', async () => {
      const member = await activeMember(firm);
      // The easy access host lists every portal of the user; a company's host, its own.
      const browser = await signedInOnEasyAccess(firm, member);
      const other = await createCompany({ name: 'Cabinet Roussel' });
      expect((await browser.get('/api/me')).body.portals).toHaveLength(1);

      await committedButUnsent(
        'tenancy',
        `insert into tenancy.memberships (id, company_id, user_id, role) values (gen_random_uuid(), ?, ?, 'client')`,
        [other.id, member.userId],
        [TenancyEvents.memberChanged.pattern, { userId: member.userId }],
      );

      await waitUntil(async () => (await browser.get('/api/me')).body.portals.length === 2);
      expect((await browser.get('/api/me')).body.portals.map((portal: { name: string }) => portal.name).sort()).toEqual(['Cabinet Roussel', 'Girard Expertise']);
      expect(await waitUntil(() => allSent('tenancy', member.userId))).toBe(true);
    });

    test('a factor removed (mfa) shows 2FA off in the view', async () => {
      const member = await memberWithTotp(firm);
      expect((await member.browser.get('/api/me')).body.user.totpEnabled).toBe(true);

      await committedButUnsent('mfa', 'delete from mfa.totp_factors where user_id = ?', [member.userId], [
        MfaEvents.factorChanged.pattern,
        { userId: member.userId },
      ]);

      await waitUntil(async () => (await member.browser.get('/api/me')).body.user.totpEnabled === false);
      expect((await member.browser.get('/api/me')).body.user.totpEnabled).toBe(false);
      expect(await waitUntil(() => allSent('mfa', member.userId))).toBe(true);
    });
  });
});
