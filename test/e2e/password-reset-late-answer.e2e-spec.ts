import { expectError } from '../support/api-error';
import { activeMember, browserOn, Company, createCompany, credentialsOf, Member, signedInClient, strongPassword } from '../support/factories';
import { eventually, pauseFor } from '../support/late-answers';
import { Mailbox, tokenOf } from '../support/mailbox';
import { MobileApp } from '../support/mobile-app';
import { OwnStack, startOwnStack } from '../support/own-stack';
import { PortalClient } from '../support/portal-client';

/** Longer than the gateway waits for identity (RPC_TIMEOUT_MS is 2 s in the tests). */
const IDENTITY_PAUSE_MS = 3000;

/**
 * Identity is paused (SIGSTOP) while a client resets the password, so its
 * answer comes after the gateway gave up: the client gets 503, yet the new
 * password is set once identity resumes, and every session signed in with the
 * old one ends all the same, from identity's announcement alone. A stack of
 * its own: the paused process must not slow other specs.
 */
describe('A password reset whose answer comes too late', () => {
  const mailbox = new Mailbox();
  const newPassword = strongPassword();
  let own: OwnStack;
  let firm: Company;
  let member: Member;
  let earlierSession: PortalClient;
  let phone: MobileApp;
  let resetToken: string;

  const identityPid = () => own.stack.process('identity').pid!;

  beforeAll(async () => {
    own = await startOwnStack('late-reset');
    firm = await createCompany({ name: 'Roux Avocats' }, own.gateway);
    member = await activeMember(firm);
    earlierSession = await signedInClient(firm, member);
    phone = new MobileApp(own.gateway);
    await phone.signIn(credentialsOf(member), '3952');
    expect((await browserOn(firm.host, own.gateway).post('/api/auth/password/forgot', { email: member.email })).status).toBe(202);
    const mail = await mailbox.waitFor({ to: member.email, containing: '/reset-password/' });
    resetToken = tokenOf(mailbox.linkIn(mail, '/reset-password/'));
    expect((await earlierSession.get('/api/me')).status).toBe(200);
    expect((await phone.get('/api/me')).status).toBe(200);
  }, 120_000);

  afterAll(async () => {
    if (own) process.kill(identityPid(), 'SIGCONT');
    await own?.dispose();
  });

  test('with identity paused past the RPC timeout, the client gets 503', async () => {
    const resume = pauseFor(identityPid(), IDENTITY_PAUSE_MS);

    const reset = await browserOn(firm.host, own.gateway).post('/api/auth/password/reset', { token: resetToken, password: newPassword });
    await resume;

    expectError(reset, 503, 'unavailable');
  });

  test('once identity resumes, the web session signed in with the old password ends', async () => {
    expectError(await eventually(() => earlierSession.get('/api/me'), 401), 401, 'unauthenticated');
  });

  test("the phone's access token ends, and the device asks for the new password", async () => {
    expectError(await phone.get('/api/me'), 401, 'unauthenticated');
    expectError(await phone.unlockWithPin('3952'), 401, 'credentials_changed');
  });

  test('the reset was applied: the new password signs in, the old one no longer does', async () => {
    const withOld = await browserOn(firm.host, own.gateway).post('/api/auth/login', credentialsOf(member));
    const withNew = await browserOn(firm.host, own.gateway).post('/api/auth/login', { email: member.email, password: newPassword });

    expectError(withOld, 401, 'invalid_credentials');
    expect(withNew.body).toMatchObject({ next: 'done', me: { user: { email: member.email } } });
  });
});
