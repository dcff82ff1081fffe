import { createHash, randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { queryRunDatabase } from '../support/databases';
import { activeMember, addMember, browserOn, Company, createCompany, credentialsOf, easyAccessBrowser, Member } from '../support/factories';
import { Mailbox } from '../support/mailbox';
import { anotherMachineAddress, PortalClient } from '../support/portal-client';

const NEW_SIGN_IN = 'Nouvelle connexion à votre compte';
/** The relay looks every second: long enough for an alert to show. */
const QUIET_MS = 1500;

/**
 * Firm A serves its own host: it receives every cookie its clients' browsers
 * send there, `portal_browser` included, and sees their passwords at each
 * sign-in. Claire is also a client of firm B. Signing in as her on B's host
 * (or the easy access host) with her browser's cookie from A's host must
 * still tell her of a sign-in from a browser she never used there.
 */
describe("A browser cookie caught on one firm's host does not silence the new sign-in alert on another", () => {
  const mailbox = new Mailbox();
  let firmA: Company;
  let firmB: Company;
  let claire: Member;
  let caught: string;

  /** On the easy access host, she chooses firm B's portal. */
  const signIn = async (client: PortalClient): Promise<void> => {
    const login = await client.post('/api/auth/login', credentialsOf(claire));
    const signedIn = login.body.next === 'select_portal' ? (await client.post('/api/auth/portal', { portalId: firmB.id })).body : login.body;
    expect(signedIn.next).toBe('done');
  };

  beforeAll(async () => {
    firmA = await createCompany({ name: 'Cabinet Alpha' });
    firmB = await createCompany({ name: 'Cabinet Bêta' });
    claire = await activeMember(firmA, { name: 'Claire Alpha' });
    await addMember(firmB, { email: claire.email, name: claire.name });
    // Her own browser on A's host: the first ever is no news, and known from then on.
    const hers = browserOn(firmA.host);
    await signIn(hers);
    await signIn(hers);
    await sleep(QUIET_MS);
    expect(mailbox.matching({ to: claire.email, subject: NEW_SIGN_IN })).toEqual([]);
    caught = hers.cookies.get('portal_browser')!.value;
  });

  const replaying = (client: PortalClient): PortalClient => {
    client.cookies.set('portal_browser', caught);
    return client;
  };

  test("on B's host, firm A's replay of her cookie is a new browser: she is alerted", async () => {
    await signIn(replaying(browserOn(firmB.host, undefined, { sourceAddress: anotherMachineAddress() })));

    const alert = await mailbox.waitFor({ to: claire.email, subject: NEW_SIGN_IN });
    expect(alert.text).toContain('Portail : Cabinet Bêta');
  });

  test('on the easy access host too', async () => {
    await signIn(replaying(easyAccessBrowser()));

    await mailbox.waitFor({ to: claire.email, subject: NEW_SIGN_IN });
  });

  test('her own browser, back on A\'s host, is still known: no alert', async () => {
    await signIn(replaying(browserOn(firmA.host)));

    await sleep(QUIET_MS);
    expect(mailbox.matching({ to: claire.email, subject: NEW_SIGN_IN })).toEqual([]);
  });

  test('a browser identity knew before ids named the host is still known where it comes back, and only there', async () => {
    const cookie = randomBytes(32).toString('base64url');
    const formerId = createHash('sha256').update(cookie).digest('base64url').slice(0, 22);
    await queryRunDatabase('insert into identity.known_browsers (user_id, browser) values (?, ?)', [claire.userId, formerId]);
    const before = (client: PortalClient): PortalClient => {
      client.cookies.set('portal_browser', cookie);
      return client;
    };

    await signIn(before(browserOn(firmA.host)));
    await sleep(QUIET_MS);
    expect(mailbox.matching({ to: claire.email, subject: NEW_SIGN_IN })).toEqual([]);

    await signIn(before(browserOn(firmB.host)));
    await mailbox.waitFor({ to: claire.email, subject: NEW_SIGN_IN });
  });
});
