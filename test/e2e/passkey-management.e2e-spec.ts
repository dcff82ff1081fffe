import Redis from 'ioredis';
import { expectError } from '../support/api-error';
import { activeMember, browserOn, Company, createCompany, Member, signedInClient } from '../support/factories';
import { infrastructure } from '../support/infrastructure';
import { Mailbox } from '../support/mailbox';
import { createPasskey, keptKeyOf, provedWithPasskey, registeredPasskey, removeWithPasskey, renamePasskey, signInWithPasskey } from '../support/passkeys';
import { PortalClient } from '../support/portal-client';
import { SoftwareAuthenticator } from '../support/software-authenticator';

/**
 * Claire adds a passkey in her security settings, names it, and removes it
 * again; the portal shows it as a card with its provider's name.
 */
describe('Managing passkeys in the security settings', () => {
  let firm: Company;
  let claire: Member;
  let browser: PortalClient;
  const phone = new SoftwareAuthenticator('ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4');
  const mailbox = new Mailbox();

  beforeAll(async () => {
    firm = await createCompany({ name: 'Cabinet Lemoine' });
    claire = await activeMember(firm);
    browser = await signedInClient(firm, claire);
  });

  test('the registration options make this host the relying party and ask for a discoverable, user-verifying passkey', async () => {
    const options = (await browser.post('/api/me/passkeys/registration-options')).body;

    expect(options).toMatchObject({
      rp: { id: firm.host, name: firm.name },
      user: { name: claire.email, displayName: claire.name },
      attestation: 'none',
      authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification: 'required' },
      excludeCredentials: [],
    });
    expect(Buffer.from(options.user.id, 'base64url').toString()).toBe(claire.userId);
  });

  test('a new passkey shows as a card named after its provider, never used yet', async () => {
    const card = await registeredPasskey(browser, phone);

    expect(card).toEqual({
      id: expect.any(String),
      name: 'Google Password Manager',
      provider: 'Google Password Manager',
      aaguid: 'ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4',
      synced: false,
      createdAt: expect.any(String),
      lastUsedAt: null,
    });
    expect((await browser.get('/api/me/passkeys')).body).toEqual([card]);
  });

  test('she is mailed that a passkey was added, with a link to the settings of this portal', async () => {
    const mail = await mailbox.waitFor({ to: claire.email, subject: "Une clé d'accès a été ajoutée à votre compte" });

    expect(mail.text).toContain('« Google Password Manager »');
    expect(mailbox.linkIn(mail, '/settings/passkeys')).toBe(`${browser.origin}/settings/passkeys`);
  });

  test('the next registration options exclude it: one passkey per authenticator', async () => {
    // Claire holds a passkey now: adding another asks her session to prove one.
    await provedWithPasskey(browser, phone);
    const options = (await browser.post('/api/me/passkeys/registration-options')).body;

    expect(options.excludeCredentials).toEqual([{ id: phone.newestFor(firm.host).credentialId, type: 'public-key', transports: ['internal', 'hybrid'] }]);
  });

  test('the same credential registered again, by an authenticator that ignores the exclusion: 409 conflict', async () => {
    const options = (await browser.post('/api/me/passkeys/registration-options')).body;
    const again = phone.create(options, browser.origin, {}, phone.newestFor(firm.host));

    expectError(await browser.post('/api/me/passkeys', { response: again }), 409, 'conflict');
  });

  test('a response whose id is not the credential the authenticator attested: 400 passkey_rejected', async () => {
    const options = (await browser.post('/api/me/passkeys/registration-options')).body;
    const made = new SoftwareAuthenticator().create(options, browser.origin);
    const renamed = { ...made, id: phone.newestFor(firm.host).credentialId, rawId: phone.newestFor(firm.host).credentialId };

    expectError(await browser.post('/api/me/passkeys', { response: renamed }), 400, 'passkey_rejected');
  });

  test('renaming it changes its card; a blank or multi-line name is refused', async () => {
    const [card] = (await browser.get('/api/me/passkeys')).body;

    expect((await renamePasskey(browser, card.id, 'Téléphone de Claire')).body).toMatchObject({ id: card.id, name: 'Téléphone de Claire' });
    expectError(await renamePasskey(browser, card.id, ''), 400, 'validation_failed');
    expectError(await renamePasskey(browser, card.id, 'two\nlines'), 400, 'validation_failed');
    expectError(await renamePasskey(browser, 'not-a-uuid', 'Phone'), 400, 'validation_failed');
  });

  test('removing asks for a fresh proof: nothing, or a wrong password, removes nothing', async () => {
    const [card] = (await browser.get('/api/me/passkeys')).body;

    expectError(await browser.delete(`/api/me/passkeys/${card.id}`, { json: {} }), 400, 'validation_failed');
    expectError(await browser.delete(`/api/me/passkeys/${card.id}`, { json: { password: 'Not-her-password-42' } }), 401, 'invalid_credentials');
    expect((await browser.get('/api/me/passkeys')).body).toEqual([expect.objectContaining({ id: card.id })]);
  });

  test('with her password, the passkey is removed', async () => {
    const [card] = (await browser.get('/api/me/passkeys')).body;

    expect((await browser.delete(`/api/me/passkeys/${card.id}`, { json: { password: claire.password } })).status).toBe(204);
    expect((await browser.get('/api/me/passkeys')).body).toEqual([]);
    const mail = await mailbox.waitFor({ to: claire.email, subject: "Une clé d'accès a été supprimée de votre compte" });
    expect(mail.text).toContain(`« ${card.name} »`);
  });

  test('with a passkey assertion instead of the password, too; the assertion records a use', async () => {
    const laptop = new SoftwareAuthenticator('08987058-cadc-4b81-b6e1-30de50dcbe96');
    const removed = await registeredPasskey(browser, phone);
    const kept = await registeredPasskey(browser, laptop, 'Laptop');

    expect((await removeWithPasskey(browser, laptop, removed.id)).status).toBe(204);
    const cards = (await browser.get('/api/me/passkeys')).body;
    expect(cards).toEqual([expect.objectContaining({ id: kept.id, name: 'Laptop', provider: 'Windows Hello', lastUsedAt: expect.any(String) })]);
  });

  test('a passkey that has just signed in, once removed, signs in no more, and the gateway keeps its key no longer', async () => {
    const tablet = new SoftwareAuthenticator();
    const card = await registeredPasskey(browser, tablet);
    expect((await signInWithPasskey(browserOn(firm.host), tablet)).body).toMatchObject({ next: 'done' });
    const keptKey = keptKeyOf(firm.host, tablet);
    const redis = new Redis(infrastructure.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    try {
      expect(await redis.exists(keptKey)).toBe(1);

      expect((await browser.delete(`/api/me/passkeys/${card.id}`, { json: { password: claire.password } })).status).toBe(204);

      expect(await redis.exists(keptKey)).toBe(0);
      expectError(await signInWithPasskey(browserOn(firm.host), tablet), 401, 'invalid_passkey');
    } finally {
      redis.disconnect();
    }
  });

  // A lost or stolen device: removing its passkey must take back what the passkey opened, not only what it would open.
  test('removing a passkey ends the sessions it proved the user in, at sign-in or since; the session that removes it and the others stay', async () => {
    const lost = new SoftwareAuthenticator();
    const card = await registeredPasskey(browser, lost);
    const openedByIt = browserOn(firm.host);
    expect((await signInWithPasskey(openedByIt, lost)).body).toMatchObject({ next: 'done' });
    const reprovedByIt = await signedInClient(firm, claire);
    await provedWithPasskey(reprovedByIt, lost);
    const other = await signedInClient(firm, claire);

    expect((await removeWithPasskey(browser, lost, card.id)).status).toBe(204);

    expectError(await openedByIt.get('/api/me'), 401, 'unauthenticated');
    expectError(await reprovedByIt.get('/api/me'), 401, 'unauthenticated');
    expect((await browser.get('/api/me')).status).toBe(200);
    expect((await other.get('/api/me')).status).toBe(200);
  });

  test.each([
    ['fr', "Clé d'accès"],
    ['en', 'Passkey'],
  ])('a passkey of a provider the table does not know is named in the language of the request (%s)', async (language, name) => {
    const options = (await browser.post('/api/me/passkeys/registration-options')).body;
    const response = new SoftwareAuthenticator('00000000-0000-0000-0000-000000000000').create(options, browser.origin);

    const created = await browser.post('/api/me/passkeys', { response }, { headers: { 'accept-language': language } });
    expect(created.body).toMatchObject({ name, provider: null });
  });

  test('a registration without user verification: 400 passkey_rejected', async () => {
    expectError(await createPasskey(browser, new SoftwareAuthenticator(), { userVerified: false }), 400, 'passkey_rejected');
  });

  test('a malformed registration body: 400 validation_failed, naming the field', async () => {
    const answer = await browser.post('/api/me/passkeys', { response: { id: 'x', type: 'public-key' } });

    expectError(answer, 400, 'validation_failed');
  });

  test('every passkey route needs a signed-in session', async () => {
    const stranger = new PortalClient(firm.host, browser.port);

    expectError(await stranger.get('/api/me/passkeys'), 401, 'unauthenticated');
    expectError(await stranger.post('/api/me/passkeys/registration-options'), 401, 'unauthenticated');
    expectError(await stranger.post('/api/me/passkeys/proof-options'), 401, 'unauthenticated');
  });

  test('the OpenAPI documents every passkey route with its error statuses', async () => {
    const document = (await browser.get('/docs-json')).body;
    const paths = document.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>;

    expect(Object.keys(paths['/api/me/passkeys'])).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(paths['/api/me/passkeys/{id}'])).toEqual(expect.arrayContaining(['patch', 'delete']));
    expect(Object.keys(paths['/api/me/passkeys/{id}'].delete.responses)).toEqual(expect.arrayContaining(['204', '400', '401', '404', '429']));
    expect(paths['/api/me/passkeys/registration-options'].post).toBeDefined();
    expect(paths['/api/me/passkeys/proof-options'].post).toBeDefined();
  });
});
