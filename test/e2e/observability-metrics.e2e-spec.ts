import {
  activeMember,
  browserOn,
  Company,
  createCompany,
  credentialsOf,
  easyAccessBrowser,
  Member,
  memberWithTotp,
  signedInClient,
} from '../support/factories';
import { waitUntil } from '../support/late-answers';
import { anotherMachineAddress } from '../support/portal-client';
import { Labels, METRICS_AUTHORIZATION, metricsPortOf, sampleOf, scrapePort } from '../support/metrics-scrape';
import { OwnStack, startOwnStack } from '../support/own-stack';
import { codeForStep, currentStepWithMargin } from '../support/totp';

const STACK_START_MS = 120_000;
const SIGN_INS = 3;

/**
 * Every service of this stack runs with METRICS_PORT=0: each picks a free port
 * and logs it. The gateway answers /metrics on its own port, on any host; all
 * of them to the stack's METRICS_TOKEN only.
 */
describe('Metrics for Prometheus', () => {
  let own: OwnStack;
  let firm: Company;

  beforeAll(async () => {
    own = await startOwnStack('metrics', { extraEnv: () => ({ METRICS_PORT: '0' }) });
    firm = await createCompany({ name: 'Morel Expertise' }, own.gateway);
  }, STACK_START_MS);

  afterAll(async () => {
    await own?.dispose();
  });

  const scrapeGateway = async () => {
    const answer = await easyAccessBrowser(own.gateway).get('/metrics', { headers: METRICS_AUTHORIZATION });
    expect(answer.status).toBe(200);
    return answer.text as string;
  };

  const scrapeService = async (service: string) => {
    const answer = await scrapePort(metricsPortOf(own.stack, service));
    expect(answer).toMatchObject({ status: 200, type: expect.stringContaining('text/plain') });
    return answer.text;
  };

  /** Sign-ins that succeed at the password step, then one wrong password. */
  const signInsAndOneWrongPassword = async (members: Member[]) => {
    for (const member of members) await signedInClient(firm, member);
    const wrong = await browserOn(firm.host, own.gateway).post('/api/auth/login', { email: members[0].email, password: 'Not-the-right-one-42' });
    expect(wrong.status).toBe(401);
  };

  test('the gateway counts login requests by route and status, and sign-in outcomes, as many as were made', async () => {
    const members: Member[] = [];
    for (let index = 0; index < SIGN_INS; index += 1) members.push(await activeMember(firm));
    const before = await scrapeGateway();

    await signInsAndOneWrongPassword(members);

    const after = await scrapeGateway();
    const moved = (name: string, labels: Labels) => sampleOf(after, name, labels) - sampleOf(before, name, labels);
    const login = { method: 'POST', route: '/api/auth/login' };
    expect({
      logins: moved('portal_http_requests_total', { ...login, status: '200' }),
      refused: moved('portal_http_requests_total', { ...login, status: '401' }),
      timed: moved('portal_http_request_duration_seconds_count', { ...login, status: '200' }),
      success: moved('portal_sign_in_outcomes_total', { step: 'password', outcome: 'success' }),
      wrongPassword: moved('portal_sign_in_outcomes_total', { step: 'password', outcome: 'wrong_password' }),
      passwordChecks: moved('portal_nats_requests_total', { pattern: 'identity.user.verify-password', outcome: 'ok' }),
      passwordsRefused: moved('portal_nats_requests_total', { pattern: 'identity.user.verify-password', outcome: 'invalid_credentials' }),
    }).toEqual({ logins: SIGN_INS, refused: 1, timed: SIGN_INS, success: SIGN_INS, wrongPassword: 1, passwordChecks: SIGN_INS, passwordsRefused: 1 });
    const routes = [...after.matchAll(/route="([^"]*)"/g)].map(([, route]) => route);
    expect(routes).toContain('/api/auth/login');
    expect(routes.filter((route) => /[0-9a-f]{8}-[0-9a-f]{4}-/.test(route))).toEqual([]);
    expect(sampleOf(after, 'portal_nats_connected', { service: 'gateway', connection: 'client' })).toBe(1);
    expect(sampleOf(after, 'portal_redis_connected', { service: 'gateway' })).toBe(1);
    expect(sampleOf(after, 'process_resident_memory_bytes', { service: 'gateway' })).toBeGreaterThan(0);
  });

  test('the gateway counts the lockout of an email after repeated wrong passwords, once per refused attempt', async () => {
    const member = await activeMember(firm);
    // From an address of its own, so that only the email's limit (10 failures) can refuse.
    const browser = browserOn(firm.host, own.gateway, { sourceAddress: anotherMachineAddress() });
    const wrong = { email: member.email, password: 'Not-the-right-one-42' };
    for (let failure = 0; failure < 10; failure += 1) expect((await browser.post('/api/auth/login', wrong)).status).toBe(401);
    const before = await scrapeGateway();

    const refused = await browser.post('/api/auth/login', credentialsOf(member));

    expect(refused.status).toBe(429);
    const after = await scrapeGateway();
    const lockouts = { step: 'password', outcome: 'lockout' };
    expect(sampleOf(after, 'portal_sign_in_outcomes_total', lockouts) - sampleOf(before, 'portal_sign_in_outcomes_total', lockouts)).toBe(1);
  });

  test('identity serves its metrics on METRICS_PORT: messages handled by pattern and outcome, its pool and NATS', async () => {
    const members: Member[] = [];
    for (let index = 0; index < SIGN_INS; index += 1) members.push(await activeMember(firm));
    const before = await scrapeService('identity');

    await signInsAndOneWrongPassword(members);

    const after = await scrapeService('identity');
    const moved = (name: string, labels: Labels) => sampleOf(after, name, labels) - sampleOf(before, name, labels);
    const verifyPassword = 'identity.user.verify-password';
    expect({
      handled: moved('portal_nats_messages_handled_total', { pattern: verifyPassword, outcome: 'ok' }),
      refused: moved('portal_nats_messages_handled_total', { pattern: verifyPassword, outcome: 'invalid_credentials' }),
      timed: moved('portal_nats_message_duration_seconds_count', { pattern: verifyPassword, outcome: 'ok' }),
    }).toEqual({ handled: SIGN_INS, refused: 1, timed: SIGN_INS });
    expect(sampleOf(after, 'portal_nats_connected', { service: 'identity', connection: 'server' })).toBe(1);
    expect(sampleOf(after, 'portal_nats_connected', { service: 'identity', connection: 'client' })).toBe(1);
    expect(sampleOf(after, 'portal_db_pool_connections', { service: 'identity', state: 'max' })).toBeGreaterThan(0);
    expect(sampleOf(after, 'process_cpu_user_seconds_total', { service: 'identity' })).toBeGreaterThan(0);
    expect(await scrapeService('tenancy')).toContain('portal_nats_messages_handled_total{');
  });

  test('mfa counts the replayed code it refused; the gateway counts the code step', async () => {
    const member = await memberWithTotp(firm);
    const gatewayBefore = await scrapeGateway();
    const mfaBefore = await scrapeService('mfa');
    const code = codeForStep(member.secret, await currentStepWithMargin());

    const first = browserOn(firm.host, own.gateway);
    expect((await first.post('/api/auth/login', credentialsOf(member))).body.next).toBe('totp');
    expect((await first.post('/api/auth/totp', { code })).status).toBe(200);
    const second = browserOn(firm.host, own.gateway);
    expect((await second.post('/api/auth/login', credentialsOf(member))).body.next).toBe('totp');
    expect((await second.post('/api/auth/totp', { code })).status).toBe(401);

    const gatewayAfter = await scrapeGateway();
    const mfaAfter = await scrapeService('mfa');
    const codeStep = (text: string, outcome: string) => sampleOf(text, 'portal_sign_in_outcomes_total', { step: 'code', outcome });
    expect({
      success: codeStep(gatewayAfter, 'success') - codeStep(gatewayBefore, 'success'),
      wrongCode: codeStep(gatewayAfter, 'wrong_code') - codeStep(gatewayBefore, 'wrong_code'),
      replayRefused: codeStep(mfaAfter, 'replay_refused') - codeStep(mfaBefore, 'replay_refused'),
    }).toEqual({ success: 1, wrongCode: 1, replayRefused: 1 });
    expect(sampleOf(mfaAfter, 'portal_redis_connected', { service: 'mfa' })).toBe(1);
  });

  test('an announcement is counted once where it is sent (mfa) and once where it is handled (the gateway)', async () => {
    const sent = async () => sampleOf(await scrapeService('mfa'), 'portal_announcements_sent_total', { pattern: 'mfa.factor.changed' });
    const handled = async () =>
      sampleOf(await scrapeGateway(), 'portal_announcements_received_total', { pattern: 'mfa.factor.changed', outcome: 'handled' });
    const [sentBefore, handledBefore] = [await sent(), await handled()];

    // Turning 2FA on announces mfa.factor.changed.
    await memberWithTotp(firm);

    expect(await waitUntil(async () => (await handled()) === handledBefore + 1)).toBe(true);
    expect(await sent()).toBe(sentBefore + 1);
  });
});
