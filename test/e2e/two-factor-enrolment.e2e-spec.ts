import { expectError } from '../support/api-error';
import { activeMember, browserOn, Company, createCompany, credentialsOf, Member, onEasyAccessWithRecoveryCode, signedInClient } from '../support/factories';
import { PortalClient } from '../support/portal-client';
import { base32Decode, codeForStep, currentStepWithMargin, wrongCode } from '../support/totp';

const sessionIdOf = (browser: PortalClient) => browser.sessionCookie()?.value;

describe('Turning on two-factor authentication with an authenticator app', () => {
  let firm: Company;
  let member: Member;
  let settings: PortalClient;
  /** Those the confirmation answered: one signs in on the easy access host, where the code is turned off. */
  let recoveryCodes: string[] = [];
  let secret: string;

  beforeAll(async () => {
    firm = await createCompany({ name: 'Lefèvre & Fils Conseil' });
    member = await activeMember(firm);
    settings = await signedInClient(firm, member);
  });

  test('the setup answers a base32 secret, an otpauth URI for this portal and email, and a QR code', async () => {
    const setup = await settings.post('/api/me/totp/setup');

    expect(setup.status).toBe(200);
    expect(setup.body).toEqual({
      secret: expect.stringMatching(/^[A-Z2-7]+=*$/),
      otpauthUrl: expect.any(String),
      qrSvg: expect.any(String),
    });
    secret = setup.body.secret;
    // RFC 4226 §4: a shared secret of at least 128 bits.
    expect(base32Decode(secret).length).toBeGreaterThanOrEqual(16);
    const uri = new URL(setup.body.otpauthUrl);
    expect([uri.protocol, uri.host]).toEqual(['otpauth:', 'totp']);
    const label = decodeURIComponent(uri.pathname.slice(1));
    expect([member.email, `${firm.name}:${member.email}`]).toContain(label);
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('issuer')).toBe(firm.name);
    expect(setup.body.qrSvg.startsWith('<svg')).toBe(true);
  });

  test('2FA stays off until a first code confirms it; a wrong one is refused with 401 invalid_code', async () => {
    const confirm = await settings.post('/api/me/totp/confirm', { code: wrongCode(secret) });

    expectError(confirm, 401, 'invalid_code');
    expect((await settings.get('/api/me')).body.user.totpEnabled).toBe(false);
    expect((await browserOn(firm.host).post('/api/auth/login', credentialsOf(member))).body).toMatchObject({ next: 'done' });
  });

  test('the first right code turns 2FA on and answers 10 recovery codes', async () => {
    const step = await currentStepWithMargin();

    const confirm = await settings.post('/api/me/totp/confirm', { code: codeForStep(secret, step - 1) });

    expect(confirm.status).toBe(200);
    expect(confirm.body).toEqual({ recoveryCodes: expect.any(Array) });
    expect(confirm.body.recoveryCodes).toHaveLength(10);
    recoveryCodes = confirm.body.recoveryCodes;
    expect(new Set(confirm.body.recoveryCodes).size).toBe(10);
    for (const code of confirm.body.recoveryCodes) expect(code).toEqual(expect.stringMatching(/\S{8,}/));
    const me = await settings.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ email: member.email, totpEnabled: true });
  });

  describe('signing in afterwards', () => {
    let signingIn: PortalClient;
    let afterPassword: string | undefined;

    test('the password leads to the code step, on a new session that is not yet signed in', async () => {
      signingIn = browserOn(firm.host);

      const login = await signingIn.post('/api/auth/login', credentialsOf(member));

      expect(login.status).toBe(200);
      expect(login.body).toEqual({ next: 'totp', methods: ['totp', 'passkey'], trustBrowserDays: 30 });
      afterPassword = sessionIdOf(signingIn);
      expect(afterPassword).toEqual(expect.any(String));
      expect((await signingIn.get('/api/auth/state')).body).toEqual({ next: 'totp', methods: ['totp', 'passkey'], trustBrowserDays: 30 });
      expectError(await signingIn.get('/api/me'), 401, 'unauthenticated');
    });

    test('the code signs in, on yet another session id; the previous one is worth nothing', async () => {
      const step = await currentStepWithMargin();

      const verified = await signingIn.post('/api/auth/totp', { code: codeForStep(secret, step) });

      expect(verified.status).toBe(200);
      expect(verified.body).toMatchObject({
        next: 'done',
        me: { user: { email: member.email, totpEnabled: true }, portal: { id: firm.id } },
      });
      expect(sessionIdOf(signingIn)).toEqual(expect.any(String));
      expect(sessionIdOf(signingIn)).not.toBe(afterPassword);
      expect((await signingIn.get('/api/me')).status).toBe(200);
      const fixated = browserOn(firm.host);
      fixated.cookies.set(signingIn.sessionCookie()!.name, afterPassword!);
      expectError(await fixated.get('/api/auth/state'), 401, 'unauthenticated');
    });
  });

  describe('turning 2FA off', () => {
    let easy: PortalClient;

    beforeAll(async () => {
      easy = await onEasyAccessWithRecoveryCode(member, recoveryCodes[0], firm.id);
    });

    test('on the firm\'s host it is refused with 403 forbidden: the code is all her firms\' and changes on the easy access host', async () => {
      expectError(await settings.delete('/api/me/totp', { json: { password: member.password } }), 403, 'forbidden');
    });

    test('a wrong password is refused with 401 invalid_credentials, and 2FA stays on', async () => {
      const removal = await easy.delete('/api/me/totp', { json: { password: `${member.password}-wrong` } });

      expectError(removal, 401, 'invalid_credentials');
      expect((await settings.get('/api/me')).body.user.totpEnabled).toBe(true);
    });

    test('the right password turns it off: 204, and the next sign-in asks for no code', async () => {
      const removal = await easy.delete('/api/me/totp', { json: { password: member.password } });

      expect(removal.status).toBe(204);
      expect((await settings.get('/api/me')).body.user.totpEnabled).toBe(false);
      const login = await browserOn(firm.host).post('/api/auth/login', credentialsOf(member));
      expect(login.body).toMatchObject({ next: 'done', me: { user: { totpEnabled: false } } });
    });
  });
});
