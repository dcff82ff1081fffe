import {
  activate,
  addMember,
  browserOn,
  Company,
  createCompany,
  enrolTotp,
  signedInClient,
  strongPassword,
} from '../support/factories';
import { Mailbox, tokenOf } from '../support/mailbox';
import { MobileApp, signChallenge } from '../support/mobile-app';
import { OwnStack, startOwnStack } from '../support/own-stack';
import { PortalClient, PortalResponse } from '../support/portal-client';
import { codeForStep, currentStepWithMargin, wrongCode } from '../support/totp';

const STACK_START_MS = 120_000;
const PROCESSES = ['gateway', 'identity', 'mfa', 'tenancy'];
const PIN = '7391';

type LogLine = Record<string, unknown> & { msg?: string; requestId?: string; context?: string };

/** The gateway's one line per HTTP request, with the id it answered in X-Request-Id. */
const isRequestLine = (line: LogLine) => line.context === 'http' && /^[A-Z]+ \S+ \d{3} in /.test(line.msg ?? '');

/** Ids that are no secret, and whose hex digits could pass for a PIN or a code. */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** Where a secret shows in a log line. Digits-only secrets must stand alone, or a timestamp would match. */
function shows(line: string, secret: string): boolean {
  if (!/^\d+$/.test(secret)) return line.includes(secret);
  return new RegExp(`(?<![0-9A-Za-z])${secret}(?![0-9A-Za-z])`).test(line.replace(UUID, 'uuid'));
}

/**
 * One full run at debug level, through every place a secret passes: password
 * sign-in, 2FA enrolment and codes, recovery codes, the mobile app's tokens,
 * PIN and Face ID, a reset link, a password change. Then every line of every
 * process is read back.
 */
describe('Logs of a full run', () => {
  const mailbox = new Mailbox();
  /** Every secret the run sent or received, by what it is. */
  const secrets = new Map<string, string>();
  const keep = (kind: string, ...values: (string | undefined)[]) => values.forEach((value) => value && secrets.set(value, kind));
  const keepSession = (kind: string, client: PortalClient) => client.cookies.all().forEach((cookie) => keep(kind, cookie.value));
  let own: OwnStack;
  let firm: Company;
  /** Answers whose X-Request-Id the spec follows into the services. */
  const answered = new Map<string, PortalResponse>();

  beforeAll(async () => {
    own = await startOwnStack('logs', { logLevel: 'debug' });
    keep('operator token', own.settings.operatorToken);
    keep('mfa encryption key', own.settings.mfaEncryptionKey);
    firm = await createCompany({ name: 'Lefèvre Audit' }, own.gateway);
    await runThroughEverySecret();
  }, STACK_START_MS + 60_000);

  afterAll(async () => {
    await own?.dispose();
  });

  async function runThroughEverySecret(): Promise<void> {
    const invitation = await addMember(firm);
    const password = strongPassword();
    keep('activation token', invitation.token!);
    keep('password', password);
    const member = { email: invitation.email, password };
    await browserOn(firm.host, own.gateway).get(`/activate/${invitation.token}`);
    await activate(browserOn(firm.host, own.gateway), invitation.token!, password);

    const enrolling = await signedInClient(firm, member);
    keepSession('session cookie', enrolling);
    const { secret, step, confirmation } = await enrolTotp(enrolling);
    const recoveryCodes = confirmation.body.recoveryCodes as string[];
    keep('totp secret', secret);
    keep('enrolment code', codeForStep(secret, step - 1));
    keep('recovery code', ...recoveryCodes);

    const web = browserOn(firm.host, own.gateway);
    answered.set('password step', await web.post('/api/auth/login', member));
    const wrong = wrongCode(secret);
    keep('wrong code', wrong);
    expect((await web.post('/api/auth/totp', { code: wrong })).status).toBe(401);
    const code = codeForStep(secret, await currentStepWithMargin());
    keep('code', code);
    const codeStep = await web.post('/api/auth/totp', { code });
    answered.set('code step', codeStep);
    expect(codeStep.body.next).toBe('done');
    keepSession('session cookie', web);

    const withRecoveryCode = browserOn(firm.host, own.gateway);
    await withRecoveryCode.post('/api/auth/login', member);
    expect((await withRecoveryCode.post('/api/auth/totp', { recoveryCode: recoveryCodes[0] })).body.next).toBe('done');
    keepSession('session cookie', withRecoveryCode);

    await registerAndUnlockMobile(member, recoveryCodes[1]);
    const changedPassword = strongPassword();
    keep('password', changedPassword);
    expect((await web.post('/api/me/password', { currentPassword: password, newPassword: changedPassword })).status).toBe(204);
    keepSession('session cookie', web);
    await resetPassword(member.email, recoveryCodes[2]);

    const wrongPassword = strongPassword();
    keep('wrong password', wrongPassword);
    expect((await browserOn(firm.host, own.gateway).post('/api/auth/login', { email: member.email, password: wrongPassword })).status).toBe(401);
    const handoffToken = `handoff-${strongPassword()}`;
    keep('token in a query string', handoffToken);
    await browserOn(firm.host, own.gateway).get(`/api/auth/handoff?token=${handoffToken}`);
  }

  async function registerAndUnlockMobile(member: { email: string; password: string }, recoveryCode: string): Promise<void> {
    const app = new MobileApp(own.gateway);
    keep('pin', PIN);
    const login = await app.login(member);
    const verified = await app.post('/api/mobile/login/totp', { loginToken: login.body.loginToken, recoveryCode }, null);
    keep('login token', login.body.loginToken, verified.body.loginToken);
    const registered = await app.register(verified.body.loginToken, PIN);
    expect(registered.status).toBe(201);
    keep('device secret', registered.body.deviceSecret);
    keep('access token', registered.body.accessToken);
    expect((await app.get('/api/me')).status).toBe(200);

    const withPin = await app.unlockWithPin(PIN);
    keep('access token', withPin.body.accessToken);
    expect((await app.enableFaceId()).status).toBe(204);
    const challenge = await app.challenge();
    const signature = signChallenge(app.keys, challenge);
    keep('challenge', challenge);
    keep('signature', signature);
    const withFaceId = await app.unlock({ ...app.device, challenge, signature });
    expect(withFaceId.status).toBe(200);
    keep('access token', withFaceId.body.accessToken);
  }

  async function resetPassword(email: string, recoveryCode: string): Promise<void> {
    expect((await browserOn(firm.host, own.gateway).post('/api/auth/password/forgot', { email })).status).toBe(202);
    const link = mailbox.linkIn(await mailbox.waitFor({ to: email, containing: '/reset-password/' }), '/reset-password/');
    const password = strongPassword();
    keep('reset token', tokenOf(link));
    keep('password', password);
    await browserOn(firm.host, own.gateway).get(new URL(link).pathname);
    expect((await browserOn(firm.host, own.gateway).post('/api/auth/password/reset', { token: tokenOf(link), password })).status).toBe(204);

    const browser = browserOn(firm.host, own.gateway);
    expect((await browser.post('/api/auth/login', { email, password })).body.next).toBe('totp');
    expect((await browser.post('/api/auth/totp', { recoveryCode })).body.next).toBe('done');
    keepSession('session cookie', browser);
  }

  const linesOf = (name: string) =>
    own.stack
      .process(name)
      .logs()
      .split('\n')
      .filter((line) => line.trim() !== '');
  const parsedLinesOf = (name: string) => linesOf(name).map((line) => JSON.parse(line) as LogLine);

  test('holds no password, code, secret, token or cookie of the run, in any process', () => {
    expect(secrets.size).toBeGreaterThan(25);

    const leaks = PROCESSES.flatMap((name) =>
      linesOf(name).flatMap((line) => [...secrets].filter(([secret]) => shows(line, secret)).map(([, kind]) => `${kind} in ${name}: ${line}`)),
    );

    expect(leaks).toEqual([]);
  });

  test('is JSON, line by line, and every message a service handled names a request the gateway answered', () => {
    const notJson = PROCESSES.flatMap((name) =>
      linesOf(name).filter((line) => {
        try {
          return typeof JSON.parse(line) !== 'object';
        } catch {
          return true;
        }
      }),
    );
    expect(notJson).toEqual([]);

    // Without the gateway's id in the NATS headers, a service would name a random one of its own.
    // A mail relay's questions (who to write to) are named after their mail: `mail-<schema>-<id>`.
    const answeredIds = new Set(parsedLinesOf('gateway').filter(isRequestLine).map((line) => line.requestId));
    const ofAMail = (requestId: string) => /^mail-(identity|mfa|tenancy)-\d+$/.test(requestId);
    expect(answeredIds.size).toBeGreaterThan(20);
    for (const service of ['identity', 'mfa', 'tenancy']) {
      const handled = parsedLinesOf(service).filter((line) => line.msg?.startsWith('handled '));
      expect(handled.length).toBeGreaterThan(0);
      expect(handled.filter((line) => !answeredIds.has(line.requestId) && !ofAMail(line.requestId ?? "")).map((line) => `${line.requestId}: ${line.msg}`)).toEqual([]);
    }
  });

  test.each([
    ['password step', 'POST /api/auth/login', 'identity', 'identity.user.verify-password'],
    ['password step', 'POST /api/auth/login', 'tenancy', 'tenancy.member.portals-and-member'],
    ['password step', 'POST /api/auth/login', 'mfa', 'mfa.factor.status'],
    ['code step', 'POST /api/auth/totp', 'mfa', 'mfa.totp.verify'],
  ] as const)('follows the %s (%s) by its id from the gateway into %s, across NATS (%s)', (step, route, service, pattern) => {
    const requestId = answered.get(step)?.headers['x-request-id'];
    expect(typeof requestId).toBe('string');

    const inGateway = parsedLinesOf('gateway').filter((line) => line.requestId === requestId);
    const inService = parsedLinesOf(service).filter((line) => line.requestId === requestId);

    expect(inGateway.map((line) => line.msg)).toContainEqual(expect.stringMatching(new RegExp(`^${route} 200 in `)));
    expect(inService.map((line) => line.msg)).toContainEqual(expect.stringMatching(new RegExp(`^handled \\S+\\.${pattern.replace(/\./g, '\\.')} in `)));
  });
});
