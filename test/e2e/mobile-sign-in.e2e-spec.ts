import { expectError } from '../support/api-error';
import { Account, activeMember, Company, createAccount, createCompany, credentialsOf, Member, signedInClient, strongPassword } from '../support/factories';
import { codeForStep, currentStepWithMargin } from '../support/totp';
import { MobileApp, newFaceIdKeys, signChallenge } from '../support/mobile-app';
import Redis from 'ioredis';
import { infrastructure } from '../support/infrastructure';
import { currentRun, sharedGateway } from '../support/run-context';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The app asks for the password once; afterwards a PIN or Face ID opens it. */
describe('Signing in on the mobile app', () => {
  const pin = '4071';
  const app = new MobileApp();
  let firm: Company;
  let household: Account;
  let business: Account;
  let member: Member;
  let loginToken: string;
  const { port } = sharedGateway();
  const portalOf = (company: Company) => ({ id: company.id, name: company.name, url: `http://${company.host}:${port}` });

  beforeAll(async () => {
    firm = await createCompany({ name: 'Fontaine Expertise' });
    household = await createAccount(firm, 'Foyer Fontaine');
    business = await createAccount(firm, 'SCI Fontaine');
    member = await activeMember(firm, { accountIds: [household.id, business.id] });
  });

  test('a wrong password is refused with 401 invalid_credentials', async () => {
    expectError(await app.login({ email: member.email, password: `${member.password}-wrong` }), 401, 'invalid_credentials');
  });

  test('email and password answer a login token and the next step, create_pin', async () => {
    const login = await app.login(credentialsOf(member));

    expect(login.status).toBe(200);
    expect(login.body).toEqual({ loginToken: expect.any(String), next: 'create_pin' });
    loginToken = login.body.loginToken;
  });

  test('two different PINs are refused with 422 pin_mismatch', async () => {
    expectError(await app.register(loginToken, pin, '4072'), 422, 'pin_mismatch');
  });

  test.each(['123', '12345', 'abcd', '', '12 4', '١٢٣٤'])('the PIN "%s" is refused with 422 invalid_pin', async (badPin) => {
    expectError(await app.register(loginToken, badPin), 422, 'invalid_pin');
  });

  test('the device registers: 201 with its id, its secret, a first access token and the portal', async () => {
    const registered = await app.register(loginToken, pin);

    expect(registered.status).toBe(201);
    expect(registered.body).toEqual({
      deviceId: expect.stringMatching(uuid),
      deviceSecret: expect.stringMatching(/^\S{20,}$/),
      accessToken: expect.stringMatching(/^\S{20,}$/),
      expiresIn: expect.any(Number),
      next: 'done',
      portals: [portalOf(firm)],
    });
    expect(registered.body.expiresIn).toBeGreaterThan(0);
  });

  test('the login token cannot be used twice', async () => {
    const again = await app.register(loginToken, pin);

    expectError(again, 401);
  });

  test('every /api/me route works with the bearer token', async () => {
    const me = await app.get('/api/me');
    const switched = await app.post('/api/me/account', { accountId: business.id });
    const dismissed = await app.post('/api/me/banner/dismiss');
    const sessions = await app.get('/api/me/sessions');
    const totpSetup = await app.post('/api/me/totp/setup');

    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ user: { id: member.userId, email: member.email }, role: 'client', portal: portalOf(firm) });
    expect(switched.status).toBe(200);
    expect(switched.body.account).toEqual(business);
    expect(dismissed.status).toBe(204);
    expect((await app.get('/api/me')).body).toMatchObject({ account: business, banner: { account: business, dismissed: true } });
    expect(totpSetup.status).toBe(200);
    expect(totpSetup.body).toMatchObject({ secret: expect.any(String) });
    expect(sessions.status).toBe(200);
    expect(sessions.body).toEqual([
      { id: app.deviceId, kind: 'mobile', createdAt: expect.any(String), lastSeenAt: expect.any(String), current: true, device: null, address: null, endableHere: true, factors: ['password'] },
    ]);
  });

  test('without the bearer token there is no access', async () => {
    expectError(await app.get('/api/me', null), 401, 'unauthenticated');
  });

  test('Face ID is enabled with the device’s public key: 204', async () => {
    expect((await app.enableFaceId()).status).toBe(204);
  });

  test('the PIN opens the app: a new access token', async () => {
    const previous = app.accessToken;

    const unlocked = await app.unlockWithPin(pin);

    expect(unlocked.status).toBe(200);
    expect(unlocked.body).toEqual({
      accessToken: expect.any(String),
      expiresIn: expect.any(Number),
      next: 'done',
      portals: [portalOf(firm)],
    });
    expect(unlocked.body.accessToken).not.toBe(previous);
    expect((await app.get('/api/me')).body.user.email).toBe(member.email);
  });

  test('Face ID opens the app: a single-use challenge, signed', async () => {
    const challenge = await app.post('/api/mobile/unlock/challenge', app.device, null);
    expect(challenge.status).toBe(200);
    expect(challenge.body).toEqual({ challenge: expect.any(String), expiresIn: expect.any(Number) });

    const signature = signChallenge(app.keys, challenge.body.challenge);
    const unlocked = await app.unlock({ ...app.device, challenge: challenge.body.challenge, signature });

    expect(unlocked.status).toBe(200);
    expect(unlocked.body).toMatchObject({ next: 'done', portals: [portalOf(firm)] });
    expect((await app.get('/api/me')).status).toBe(200);
  });

  test('a replayed challenge and signature are refused', async () => {
    const challenge = await app.challenge();
    const signed = { ...app.device, challenge, signature: signChallenge(app.keys, challenge) };
    expect((await app.unlock(signed)).status).toBe(200);

    expectError(await app.unlock(signed), 401);
  });

  test('a challenge the server never issued is refused', async () => {
    const challenge = 'a-challenge-made-up-by-the-client';

    expectError(await app.unlock({ ...app.device, challenge, signature: signChallenge(app.keys, challenge) }), 401, 'invalid_signature');
  });

  test('a challenge past its 60 seconds is refused, though rightly signed', async () => {
    const challenge = await app.challenge();
    const redis = new Redis(infrastructure.redisUrl);
    try {
      const [key] = await redis.keys(`${currentRun().redisKeyPrefix}unlock-challenge:${app.deviceId}:*`);
      expect(await redis.ttl(key)).toBeGreaterThan(0);
      expect(await redis.ttl(key)).toBeLessThanOrEqual(60);
      // Ends its life now rather than in a minute: Redis drops the key as it would at the end of its TTL.
      expect(await redis.pexpire(key, 1)).toBe(1);
      for (const deadline = Date.now() + 2000; (await redis.exists(key)) === 1; ) {
        if (Date.now() > deadline) throw new Error('The challenge outlived its expiry.');
        await new Promise((done) => setTimeout(done, 10));
      }
    } finally {
      redis.disconnect();
    }

    expectError(await app.unlock({ ...app.device, challenge, signature: signChallenge(app.keys, challenge) }), 401, 'invalid_signature');
  });

  test('a signature by another key is refused', async () => {
    expectError(await app.unlockWithFaceId(newFaceIdKeys()), 401);
  });

  test('the device secret is needed along with the PIN', async () => {
    expectError(await app.unlock({ deviceId: app.deviceId, deviceSecret: 'x'.repeat(43), pin }), 401);
  });

  test('the gateway never sets a cookie for the app', () => {
    expect(app.cookiesOffered).toEqual([]);
  });

  test('2FA is turned on and off with the bearer token, as with the cookie', async () => {
    const { body: setup } = await app.post('/api/me/totp/setup');
    const confirmed = await app.post('/api/me/totp/confirm', { code: codeForStep(setup.secret, (await currentStepWithMargin()) - 1) });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    expect((await app.get('/api/me')).body.user.totpEnabled).toBe(true);

    expect((await app.delete('/api/me/totp', app.accessToken, { password: member.password })).status).toBe(204);
    expect((await app.get('/api/me')).body.user.totpEnabled).toBe(false);
  });

  test('a web session of the user is ended from the app', async () => {
    const web = await signedInClient(firm, member);
    const { body: sessions } = await app.get('/api/me/sessions');
    const webSession = sessions.find((session: { kind: string }) => session.kind === 'web');

    expect((await app.delete(`/api/me/sessions/${webSession.id}`)).status).toBe(204);
    expectError(await web.get('/api/me'), 401, 'unauthenticated');
  });

  test('the password is changed from the app: the token in hand stays, the device must sign in again next time', async () => {
    const newPassword = strongPassword();

    expect((await app.post('/api/me/password', { currentPassword: member.password, newPassword })).status).toBe(204);

    expect((await app.get('/api/me')).status).toBe(200);
    expectError(await app.unlockWithPin(pin), 401, 'credentials_changed');
  });
});
