import { expectError } from '../support/api-error';
import { queryRunDatabase } from '../support/databases';
import { activeMember, browserOn, Company, createCompany, credentialsOf, Member } from '../support/factories';
import { registeredPasskey, signInWithPasskey } from '../support/passkeys';
import { anotherMachineAddress, PortalClient } from '../support/portal-client';
import { SoftwareAuthenticator } from '../support/software-authenticator';

/** LOGIN_FAILURES_PER_EMAIL, as the stack runs it. */
const MAX_FAILURES_PER_EMAIL = 10;

/**
 * Anyone who knows Claire's email can send eleven wrong passwords: the email
 * is locked for 15 minutes, so that nobody guesses at it from many
 * addresses. The lock must keep out the guesses, not Claire: from a browser
 * she signed in with before, or inside her session, she goes on. Her places
 * on one host share one count, as long as the form's: a copied cookie or
 * stolen sessions, however many, buy at most as many guesses again as the
 * form gives on that host.
 */
describe('Locking an email against guesses does not lock its owner out', () => {
  let firm: Company;

  const guesser = () => browserOn(firm.host, firm.gateway, { sourceAddress: anotherMachineAddress() });

  /** The attacker's request: enough wrong passwords, from addresses of their own, to lock the email. */
  const lockOut = async (member: Member): Promise<void> => {
    for (let index = 0; index < MAX_FAILURES_PER_EMAIL; index++) {
      expect((await guesser().post('/api/auth/login', { email: member.email, password: `wrong-guess-${index}` })).status).toBe(401);
    }
    expectError(await guesser().post('/api/auth/login', credentialsOf(member)), 429, 'rate_limited');
  };

  /** A browser of hers, signed in on the host (the firm's unless told), from an address of its own. */
  const signedInBrowserOf = async (member: Member, host = firm.host): Promise<PortalClient> => {
    const browser = browserOn(host, firm.gateway, { sourceAddress: anotherMachineAddress() });
    expect((await browser.post('/api/auth/login', credentialsOf(member))).body.next).toBe('done');
    return browser;
  };

  /** Her own browser: it signed in once, and signed out; it keeps the cookie that names it. */
  const knownBrowserOf = async (member: Member, host = firm.host): Promise<PortalClient> => {
    const browser = await signedInBrowserOf(member, host);
    expect((await browser.post('/api/auth/logout')).status).toBe(204);
    return browser;
  };

  beforeAll(async () => {
    firm = await createCompany({ name: 'Verrou Conseil' });
  });

  test('from a browser she signed in with before, she signs in while the email is locked', async () => {
    const claire = await activeMember(firm, { name: 'Claire Verrou' });
    const hers = await knownBrowserOf(claire);
    await lockOut(claire);

    expect((await hers.post('/api/auth/login', credentialsOf(claire))).body.next).toBe('done');
    expect((await hers.get('/api/me')).status).toBe(200);
  });

  test('the lock stands for every other browser, her success notwithstanding: the guesser gets no fresh count', async () => {
    const claire = await activeMember(firm, { name: 'Claire Verrou' });
    const hers = await knownBrowserOf(claire);
    await lockOut(claire);
    expect((await hers.post('/api/auth/login', credentialsOf(claire))).body.next).toBe('done');

    expectError(await guesser().post('/api/auth/login', { email: claire.email, password: 'wrong-guess-after' }), 429, 'rate_limited');
    expectError(await guesser().post('/api/auth/login', credentialsOf(claire)), 429, 'rate_limited');
  });

  test('a cookie the guesser made up is no browser of hers', async () => {
    const claire = await activeMember(firm, { name: 'Claire Verrou' });
    await knownBrowserOf(claire);
    await lockOut(claire);
    const forged = guesser();
    forged.cookies.store([`portal_browser=${'A'.repeat(43)}; Path=/`]);

    expectError(await forged.post('/api/auth/login', credentialsOf(claire)), 429, 'rate_limited');
  });

  test('inside her session she still proves her password again and changes it', async () => {
    const claire = await activeMember(firm, { name: 'Claire Verrou' });
    const signedIn = await signedInBrowserOf(claire);
    await lockOut(claire);

    expect((await signedIn.post('/api/me/reauthenticate', { password: claire.password })).status).toBe(204);
    const newPassword = `${claire.password}-new`;
    expect((await signedIn.post('/api/me/password', { currentPassword: claire.password, newPassword })).status).toBeLessThan(300);
  });

  test('past the lock, her browser has the count of her places: ten wrong passwords from it, and it waits too', async () => {
    const claire = await activeMember(firm, { name: 'Claire Verrou' });
    const hers = await knownBrowserOf(claire);
    await lockOut(claire);

    for (let index = 0; index < MAX_FAILURES_PER_EMAIL; index++) {
      expect((await hers.post('/api/auth/login', { email: claire.email, password: `her-typo-${index}` })).status).toBe(401);
    }
    expectError(await hers.post('/api/auth/login', credentialsOf(claire)), 429, 'rate_limited');
  });

  test('a session spends that count too: ten wrong passwords from a stolen one, and it waits', async () => {
    const claire = await activeMember(firm, { name: 'Claire Verrou' });
    const stolen = await signedInBrowserOf(claire);
    await lockOut(claire);

    for (let index = 0; index < MAX_FAILURES_PER_EMAIL; index++) {
      expectError(await stolen.post('/api/me/reauthenticate', { password: `guess-${index}` }), 401, 'invalid_credentials');
    }
    expectError(await stolen.post('/api/me/reauthenticate', { password: claire.password }), 429, 'rate_limited');
  });

  // Sessions are minted by whoever holds another way in (the app's PIN, Google, a passkey): a count per session would be no count.
  test('her places on a host share that one count, however many: two sessions and her browser get ten guesses in all', async () => {
    const claire = await activeMember(firm, { name: 'Claire Verrou' });
    const hers = await knownBrowserOf(claire);
    const sessions = [];
    for (let opened = 0; opened < 2; opened += 1) sessions.push(await signedInBrowserOf(claire));
    await lockOut(claire);

    for (const [index, session] of [sessions[0], sessions[1], sessions[0], sessions[1]].entries()) {
      expectError(await session.post('/api/me/reauthenticate', { password: `session-guess-${index}` }), 401, 'invalid_credentials');
    }
    for (let index = 0; index < MAX_FAILURES_PER_EMAIL - 4; index++) {
      expect((await hers.post('/api/auth/login', { email: claire.email, password: `browser-guess-${index}` })).status).toBe(401);
    }

    expectError(await sessions[0].post('/api/me/reauthenticate', { password: claire.password }), 429, 'rate_limited');
    expectError(await hers.post('/api/auth/login', credentialsOf(claire)), 429, 'rate_limited');
  });

  // Whoever holds a passkey or her Google account would otherwise wipe the count between rounds of guesses.
  test('a passkey sign-in clears no failures: the guesses before it still count', async () => {
    const claire = await activeMember(firm, { name: 'Claire Verrou' });
    const phone = new SoftwareAuthenticator();
    const hers = await signedInBrowserOf(claire);
    await registeredPasskey(hers, phone);
    for (let index = 0; index < MAX_FAILURES_PER_EMAIL - 1; index++) {
      expect((await guesser().post('/api/auth/login', { email: claire.email, password: `wrong-guess-${index}` })).status).toBe(401);
    }

    expect((await signInWithPasskey(browserOn(firm.host, firm.gateway, { sourceAddress: anotherMachineAddress() }), phone)).body.next).toBe('done');

    expect((await guesser().post('/api/auth/login', { email: claire.email, password: 'wrong-guess-9' })).status).toBe(401);
    expectError(await guesser().post('/api/auth/login', { email: claire.email, password: 'wrong-guess-10' }), 429, 'rate_limited');
  });

  // A firm holds the cookies and sessions sent to its host: spending them there must not lock her out at the others.
  test("each host's places have their own count: spent on the firm's host, her browser on the easy access host still gets in", async () => {
    const claire = await activeMember(firm, { name: 'Claire Verrou' });
    const onEasyAccess = await knownBrowserOf(claire, firm.gateway.easyAccessHost);
    const atTheFirm = await signedInBrowserOf(claire);
    await lockOut(claire);
    for (let index = 0; index < MAX_FAILURES_PER_EMAIL; index++) {
      expectError(await atTheFirm.post('/api/me/reauthenticate', { password: `firm-guess-${index}` }), 401, 'invalid_credentials');
    }
    expectError(await atTheFirm.post('/api/me/reauthenticate', { password: claire.password }), 429, 'rate_limited');

    expect((await onEasyAccess.post('/api/auth/login', credentialsOf(claire))).body.next).toBe('done');
  });

  // Whoever holds another way in (a passkey, her Google account) could otherwise sign in from fresh browsers until hers was forgotten.
  test('signing in as her from many other browsers does not make hers forgotten', async () => {
    const claire = await activeMember(firm, { name: 'Claire Verrou' });
    const phone = new SoftwareAuthenticator();
    const hers = await signedInBrowserOf(claire);
    await registeredPasskey(hers, phone);
    expect((await hers.post('/api/auth/logout')).status).toBe(204);
    for (let index = 0; index < 21; index++) {
      expect((await signInWithPasskey(browserOn(firm.host, firm.gateway, { sourceAddress: anotherMachineAddress() }), phone)).body.next).toBe('done');
    }
    await lockOut(claire);

    expect((await hers.post('/api/auth/login', credentialsOf(claire))).body.next).toBe('done');
  });

  // A cookie copied long ago (a shared computer, an old laptop sold) must not outlive what it proves.
  test('a browser that has not signed in as her for two months is let by no more', async () => {
    const claire = await activeMember(firm, { name: 'Claire Verrou' });
    const hers = await knownBrowserOf(claire);
    await queryRunDatabase(`update identity.known_browsers set last_seen_at = now() - interval '61 days' where user_id = ?`, [claire.userId]);
    await lockOut(claire);

    expectError(await hers.post('/api/auth/login', credentialsOf(claire)), 429, 'rate_limited');
  });
});
