import { randomBytes } from 'node:crypto';
import { expectError } from '../support/api-error';
import { activeMember, addMember, browserOn, Company, createCompany, inviteMember, uniqueEmail } from '../support/factories';
import { Mailbox, tokenOf } from '../support/mailbox';
import { GoogleStack, startGoogleStack } from '../support/oidc-stack';

/** "Connexion avec Google" in the app: the native SDK's ID token, checked by the gateway. */
describe('Signing in with Google in the mobile app', () => {
  let google: GoogleStack;
  let firm: Company;
  const app = () => browserOn(google.gateway.easyAccessHost, google.gateway);
  const newSub = () => `google-${randomBytes(6).toString('hex')}`;
  const claimsOf = (email: string, overrides: Record<string, unknown> = {}) => ({
    sub: newSub(),
    email,
    email_verified: true,
    aud: 'portal-ios.apps.test',
    ...overrides,
  });

  beforeAll(async () => {
    google = await startGoogleStack('google-mobile');
    firm = await createCompany({ name: 'Garnier Expertise' }, google.gateway);
  });

  afterAll(async () => {
    await google?.dispose();
  });

  test('a valid ID token signs in: a login token to create the PIN, and the Google account is linked', async () => {
    const member = await activeMember(firm, { email: uniqueEmail('ines'), name: 'Inès Garnier' });
    const idToken = await google.provider.idToken(claimsOf(member.email));

    const login = await app().post('/api/mobile/login', { googleIdToken: idToken });

    expect(login.status).toBe(200);
    expect(login.body).toEqual({ loginToken: expect.any(String), next: 'create_pin' });
    const device = await app().post('/api/mobile/devices', {
      loginToken: login.body.loginToken,
      pin: '2580',
      pinConfirmation: '2580',
      name: 'iPhone d’Inès',
      platform: 'ios',
    });
    expect(device.status).toBe(201);
    const me = await app().get('/api/me', { headers: { authorization: `Bearer ${device.body.accessToken}` } });
    expect(me.body).toMatchObject({ user: { email: member.email, google: true }, portal: { id: firm.id } });
  });

  test('the web client id is an accepted audience too', async () => {
    const member = await activeMember(firm, { email: uniqueEmail('paul') });
    const idToken = await google.provider.idToken(claimsOf(member.email, { aud: 'portal-web.apps.test' }));

    expect((await app().post('/api/mobile/login', { googleIdToken: idToken })).status).toBe(200);
  });

  test.each([
    ['a wrong audience', { aud: 'someone-else.apps.test' }, 600],
    ['a wrong issuer', { iss: 'https://issuer.example.test' }, 600],
    ['an expired token', {}, -120],
    ['an unverified email', { email_verified: false }, 600],
  ])('%s is refused with 401 invalid_credentials, and nothing is linked', async (_case, overrides, expiresIn) => {
    const member = await activeMember(firm, { email: uniqueEmail('refused') });
    const claims = claimsOf(member.email, overrides);
    const idToken = await google.provider.idToken(claims, expiresIn);

    expectError(await app().post('/api/mobile/login', { googleIdToken: idToken }), 401, 'invalid_credentials');
    // Had the refused token linked its Google account, a valid token of that account would now find the user by sub.
    const sameAccount = await google.provider.idToken(claimsOf(uniqueEmail('elsewhere'), { sub: claims.sub }));
    expectError(await app().post('/api/mobile/login', { googleIdToken: sameAccount }), 401, 'invalid_credentials');
  });

  test('a token whose payload was altered fails its signature', async () => {
    const victim = await activeMember(firm, { email: uniqueEmail('victim') });
    const [header, , signature] = (await google.provider.idToken(claimsOf(uniqueEmail('attacker')))).split('.');
    const forged = Buffer.from(JSON.stringify({ ...claimsOf(victim.email), iss: google.provider.url, exp: Math.floor(Date.now() / 1000) + 600 })).toString('base64url');

    expectError(await app().post('/api/mobile/login', { googleIdToken: `${header}.${forged}.${signature}` }), 401, 'invalid_credentials');
  });

  test('a newcomer the firm invited, activated by Google in the app, is mailed its acceptance link, which lets her in', async () => {
    const mailbox = new Mailbox();
    const invited = await inviteMember(firm, { email: uniqueEmail('nouvelle'), name: 'Nina Garnier' });
    const sub = newSub();

    expectError(await app().post('/api/mobile/login', { googleIdToken: await google.provider.idToken(claimsOf(invited.email, { sub })) }), 401, 'invalid_credentials');

    const acceptance = await mailbox.waitFor({ to: invited.email, containing: '/invitation/' });
    expect(acceptance.text).toContain('Garnier Expertise');
    expect((await app().post('/api/invitations/accept', { token: tokenOf(mailbox.linkIn(acceptance, '/invitation/')) })).status).toBe(204);
    const again = await app().post('/api/mobile/login', { googleIdToken: await google.provider.idToken(claimsOf(invited.email, { sub, nonce: 'next-sign-in' })) });
    expect(again.body).toEqual({ loginToken: expect.any(String), next: 'create_pin' });
  });

  test('a Google account no user has is refused, and no user is created', async () => {
    const email = uniqueEmail('stranger');
    const idToken = await google.provider.idToken(claimsOf(email));

    expectError(await app().post('/api/mobile/login', { googleIdToken: idToken }), 401, 'invalid_credentials');
    const invited = await addMember(firm, { email, name: 'Stranger' });
    expect(invited.activationUrl).not.toBeNull();
  });

  test('garbage in place of a token is refused, never a 500', async () => {
    expectError(await app().post('/api/mobile/login', { googleIdToken: 'x'.repeat(40) }), 401, 'invalid_credentials');
  });

  describe('while Google’s keys cannot be fetched', () => {
    // The gateway keeps Google's keys once it has them: each case starts from a gateway that has none yet.
    beforeEach(async () => {
      await google.stack.stop('gateway');
      await google.stack.start('gateway');
    });

    test.each([
      ['answers 500', (broken: boolean) => google.provider.failJwks(broken ? 500 : null)],
      ['refuses connections', (broken: boolean) => google.provider.refuseConnections(broken)],
    ])('a JWKS endpoint that %s: 503 unavailable with Retry-After, not a refusal; the same token works once it is back', async (_case, breakKeys) => {
      const member = await activeMember(firm, { email: uniqueEmail('patient') });
      const idToken = await google.provider.idToken(claimsOf(member.email));

      await breakKeys(true);
      const answer = await app()
        .post('/api/mobile/login', { googleIdToken: idToken })
        .finally(() => breakKeys(false));

      expectError(answer, 503, 'unavailable');
      expect(answer.headers['retry-after']).toMatch(/^\d+$/);
      const again = await app().post('/api/mobile/login', { googleIdToken: idToken });
      expect(again.status).toBe(200);
      expect(again.body).toEqual({ loginToken: expect.any(String), next: 'create_pin' });
    });
  });
});
