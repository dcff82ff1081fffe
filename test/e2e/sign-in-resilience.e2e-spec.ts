import { setTimeout as sleep } from 'node:timers/promises';
import { expectError } from '../support/api-error';
import {
  activeMember,
  browserOn,
  Company,
  createAccount,
  createCompany,
  credentialsOf,
  Member,
  signedInClient,
} from '../support/factories';
import { OwnStack, startOwnStack } from '../support/own-stack';
import { PortalClient } from '../support/portal-client';

/** Kills a service process, so it runs on a stack of its own. */
describe('Sign-in while the identity service is down', () => {
  let own: OwnStack;
  let firm: Company;
  let member: Member;
  let earlierSession: PortalClient;

  beforeAll(async () => {
    own = await startOwnStack('resilience');
    firm = await createCompany({ name: 'Perrin Associés' }, own.gateway);
    const account = await createAccount(firm, 'Foyer Perrin');
    member = await activeMember(firm, { accountIds: [account.id] });
    earlierSession = await signedInClient(firm, member);
  }, 120_000);

  afterAll(async () => {
    await own?.dispose();
  });

  test('answers 503 unavailable at once, without hanging', async () => {
    await own.stack.stop('identity', 'SIGKILL');

    const login = await browserOn(firm.host, own.gateway).post('/api/auth/login', credentialsOf(member));

    expectError(login, 503, 'unavailable');
    expect(login.elapsedMs).toBeLessThan(5000);
  });

  test('the gateway says it is not ready, naming identity', async () => {
    // Every probe within a second of a check gets its answer: the stack's start may have checked just before the kill.
    await sleep(1000);
    const ready = await browserOn(own.gateway.easyAccessHost, own.gateway).get('/health/ready');

    expect(ready.status).toBe(503);
    expect(ready.text).toContain('identity');
  });

  test('works again once identity is back, without restarting the gateway', async () => {
    const gatewayPid = own.stack.process('gateway').pid;
    await own.stack.start('identity');

    const login = await browserOn(firm.host, own.gateway).post('/api/auth/login', credentialsOf(member));

    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ next: 'done', me: { user: { email: member.email }, portal: { id: firm.id } } });
    expect(own.stack.process('gateway').pid).toBe(gatewayPid);
  });

  test('the user, the membership and the session made before are still there', async () => {
    const me = await earlierSession.get('/api/me');

    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      user: { email: member.email },
      role: 'client',
      portal: { id: firm.id },
      accounts: [{ name: 'Foyer Perrin' }],
    });
  });
});
