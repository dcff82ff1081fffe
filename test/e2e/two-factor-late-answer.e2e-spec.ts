import { expectError } from '../support/api-error';
import { browserOn, Company, createCompany, credentialsOf, memberWithTotp, TotpMember } from '../support/factories';
import { pauseFor } from '../support/late-answers';
import { OwnStack, startOwnStack } from '../support/own-stack';
import { PortalClient, PortalResponse } from '../support/portal-client';
import { codeForStep, currentStepWithMargin } from '../support/totp';

/** Longer than the gateway waits for mfa (RPC_TIMEOUT_MS is 2 s in the tests). */
const MFA_PAUSE_MS = 3000;

/**
 * Mfa is paused (SIGSTOP) while a client sends their code, so its answer
 * comes after the gateway gave up: the client gets 503, though mfa accepted
 * the code once it resumed. Sending the same code again, in the same sign-in,
 * gets them in; the code still opens no other sign-in. A stack of its own:
 * the paused process must not slow other specs.
 */
describe('A TOTP step whose answer comes too late', () => {
  let own: OwnStack;
  let firm: Company;
  let client: TotpMember;
  let signingIn: PortalClient;
  let code: string;

  const mfaPid = () => own.stack.process('mfa').pid!;

  beforeAll(async () => {
    own = await startOwnStack('late-totp');
    firm = await createCompany({ name: 'Perrin Associés' }, own.gateway);
    client = await memberWithTotp(firm);
    signingIn = browserOn(firm.host, own.gateway);
    expect((await signingIn.post('/api/auth/login', credentialsOf(client))).body).toEqual({ next: 'totp', methods: ['totp', 'passkey'], trustBrowserDays: 30 });
    // A step after the one enrolment used, with time to spare for the pause.
    code = codeForStep(client.secret, await currentStepWithMargin(15_000));
  }, 120_000);

  afterAll(async () => {
    if (own) process.kill(mfaPid(), 'SIGCONT');
    await own?.dispose();
  });

  test('with mfa paused past the RPC timeout, the client gets 503', async () => {
    const resume = pauseFor(mfaPid(), MFA_PAUSE_MS);

    const step: PortalResponse = await signingIn.post('/api/auth/totp', { code });
    await resume;

    expectError(step, 503, 'unavailable');
  });

  test('the same code, sent again in the same sign-in, signs in', async () => {
    const again = await signingIn.post('/api/auth/totp', { code });

    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ next: 'done', me: { user: { email: client.email } } });
  });

  test('the code opens no other sign-in', async () => {
    const other = browserOn(firm.host, own.gateway);
    expect((await other.post('/api/auth/login', credentialsOf(client))).body).toEqual({ next: 'totp', methods: ['totp', 'passkey'], trustBrowserDays: 30 });

    expectError(await other.post('/api/auth/totp', { code }), 401, 'invalid_code');
  });
});
