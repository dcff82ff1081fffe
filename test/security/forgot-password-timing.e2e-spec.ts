import { activeMember, browserOn, Company, createCompany, Member, uniqueEmail } from '../support/factories';
import { Mailbox } from '../support/mailbox';
import { OwnStack, startOwnStack } from '../support/own-stack';

/** Far below the RPC timeout (2 s in the tests): an answer that waited on identity could not come this soon. */
const FAST_MS = 500;

/**
 * An attacker times forgot-password to learn which emails have an account: a
 * known email used to cost a token write more. The answer now comes before
 * identity does any work, which the spec shows structurally: with identity
 * stopped (SIGSTOP), a known and an unknown email are both answered 202 at once.
 * A stack of its own: the paused process must not slow other specs.
 */
describe('Forgot-password answers before identity works', () => {
  const mailbox = new Mailbox();
  let own: OwnStack;
  let firm: Company;
  let member: Member;

  const identityPid = () => own.stack.process('identity').pid!;

  beforeAll(async () => {
    own = await startOwnStack('forgot-timing');
    firm = await createCompany({ name: 'Horloge Conseil' }, own.gateway);
    member = await activeMember(firm);
  }, 120_000);

  afterAll(async () => {
    if (own) process.kill(identityPid(), 'SIGCONT');
    await own?.dispose();
  });

  test('with identity stopped, a known and an unknown email are both answered 202 at once', async () => {
    process.kill(identityPid(), 'SIGSTOP');
    try {
      const known = await browserOn(firm.host, own.gateway).post('/api/auth/password/forgot', { email: member.email });
      const unknown = await browserOn(firm.host, own.gateway).post('/api/auth/password/forgot', { email: uniqueEmail('nobody') });

      expect({ known: known.status, unknown: unknown.status }).toEqual({ known: 202, unknown: 202 });
      expect(known.elapsedMs).toBeLessThan(FAST_MS);
      expect(unknown.elapsedMs).toBeLessThan(FAST_MS);
    } finally {
      process.kill(identityPid(), 'SIGCONT');
    }
  });

  test('the known email still gets its link once identity works again', async () => {
    await browserOn(firm.host, own.gateway).post('/api/auth/password/forgot', { email: member.email });

    await mailbox.waitFor({ to: member.email, containing: '/reset-password/' }, 10_000);
  });
});
