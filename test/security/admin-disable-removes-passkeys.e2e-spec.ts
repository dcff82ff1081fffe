import Redis from 'ioredis';
import { expectError } from '../support/api-error';
import {
  activeMember,
  confirmedHelp,
  browserOn,
  Company,
  createCompany,
  credentialsOf,
  easyAccessBrowser,
  enrolTotp,
  Member,
  signedInClient,
} from '../support/factories';
import { infrastructure } from '../support/infrastructure';
import { waitUntil } from '../support/late-answers';
import { Mailbox } from '../support/mailbox';
import { keptKeyOf, provedWithPasskey, registeredPasskey, registeredPasskeyOnSecondHost, signInWithPasskey } from '../support/passkeys';
import { sharedGateway } from '../support/run-context';
import { SoftwareAuthenticator } from '../support/software-authenticator';

/**
 * Claire lost her phone, which holds her passkeys and her authenticator app.
 * She asks her firm's admin for help; the admin turns her 2FA off. Whoever
 * finds the phone must not sign in with its passkeys, on her firm's portal
 * nor on the easy access host, where the mobile app's passkeys live too.
 */
describe("The admin's 2FA disable removes the passkeys of a lost phone", () => {
  const mailbox = new Mailbox();
  const lostPhone = new SoftwareAuthenticator();
  const redis = new Redis(infrastructure.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  let firm: Company;
  let admin: Member;
  let claire: Member;

  /** How many of the phone's passkeys (one per host) the gateway still keeps the public key of. */
  const keptKeys = () => redis.exists(keptKeyOf(firm.host, lostPhone), keptKeyOf(sharedGateway().easyAccessHost, lostPhone));

  beforeAll(async () => {
    await redis.connect();
    firm = await createCompany({ name: 'Perrin Expertise' });
    admin = await activeMember(firm, { role: 'admin', name: 'Agnès Admin' });
    claire = await activeMember(firm, { name: 'Claire Perrin' });
    // A fresh sign-in is the proof that adding a passkey and turning 2FA on ask for.
    const onEasyAccess = easyAccessBrowser();
    expect((await onEasyAccess.post('/api/auth/login', credentialsOf(claire))).body.next).toBe('done');
    await registeredPasskey(onEasyAccess, lostPhone);
    // The code proves to the portal's host the factor she holds; turned off once its passkey is made, then on again, as she has it.
    const onPortal = browserOn(firm.host);
    await registeredPasskeyOnSecondHost(onEasyAccess, onPortal, claire, lostPhone, (browser) => browser.post('/api/auth/login', credentialsOf(claire)));
    await provedWithPasskey(onPortal, lostPhone);
    await enrolTotp(onPortal);
    await mailbox.waitFor({ to: claire.email, subject: "Une clé d'accès a été ajoutée à votre compte" });
    await mailbox.waitFor({ to: claire.email, subject: "Une clé d'accès a été ajoutée à votre compte" });
  });

  afterAll(() => redis.disconnect());

  test('before: the phone signs in on both hosts', async () => {
    expect((await signInWithPasskey(browserOn(firm.host), lostPhone)).body.next).toBe('done');
    expect((await signInWithPasskey(easyAccessBrowser(), lostPhone)).body.next).toBe('done');
    // Having signed in, each is verified from then on with the public key the gateway keeps.
    expect(await keptKeys()).toBe(2);
  });

  test('at the second step, which offers the code or a passkey, she asks for help; the admin turns 2FA off', async () => {
    const signingIn = browserOn(firm.host);
    expect((await signingIn.post('/api/auth/login', credentialsOf(claire))).body).toEqual({ next: 'totp', methods: ['totp', 'passkey'], trustBrowserDays: 30 });
    expect((await signingIn.post('/api/auth/totp/help', { message: "J'ai perdu mon téléphone" })).status).toBe(202);
    await confirmedHelp(claire);

    const adminBrowser = await signedInClient(firm, admin);
    const requests = await adminBrowser.get('/api/admin/mfa-requests');
    expect(requests.body).toEqual([expect.objectContaining({ user: expect.objectContaining({ id: claire.userId }) })]);
    expect((await adminBrowser.post(`/api/admin/users/${claire.userId}/mfa/disable`, { reason: 'Téléphone perdu' })).status).toBe(204);
  });

  // Before anyone tries the phone: a try that identity refuses would drop the key by itself.
  test('the gateway keeps neither passkey\'s public key any more: identity announced their removal', async () => {
    expect(await waitUntil(async () => (await keptKeys()) === 0)).toBe(true);
  });

  test("the lost phone's passkey of the firm's portal no longer signs in: 401 invalid_passkey", async () => {
    const browser = browserOn(firm.host);

    expectError(await signInWithPasskey(browser, lostPhone), 401, 'invalid_passkey');
    expect((await browser.get('/api/me')).status).toBe(401);
  });

  test("nor its passkey of the easy access host, another host's: 401 invalid_passkey", async () => {
    const browser = easyAccessBrowser();

    expectError(await signInWithPasskey(browser, lostPhone), 401, 'invalid_passkey');
  });

  test('Claire signs in with her password alone and has no passkey left', async () => {
    const browser = browserOn(firm.host);
    expect((await browser.post('/api/auth/login', credentialsOf(claire))).body.next).toBe('done');

    expect((await browser.get('/api/me/passkeys')).body).toEqual([]);
  });

  test('one mail tells her that 2FA is off and that her passkeys were removed, none per passkey', async () => {
    const mail = await mailbox.waitFor({ to: claire.email, subject: 'Authentification à deux facteurs désactivée' });

    expect(mail.text).toContain('Agnès Admin, administrateur de Perrin Expertise');
    expect(mail.text).toContain("Vos 2 clés d'accès ont été supprimées");
    expect(mailbox.matching({ to: claire.email, subject: "Une clé d'accès a été supprimée de votre compte" })).toEqual([]);
  });
});
