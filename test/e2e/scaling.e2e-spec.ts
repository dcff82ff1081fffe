import { activeMember, browserOn, Company, createCompany, credentialsOf, Member } from '../support/factories';
import { anotherMachineAddress } from '../support/portal-client';
import { OwnStack, startOwnStack } from '../support/own-stack';

/** Five phases of eight: about forty first sign-ins, each a cache miss. */
const SIGN_INS_PER_PHASE = 8;
const STACK_START_MS = 180_000;

/**
 * Two processes of identity and two of tenancy share one NATS prefix, in one
 * queue group per service. The observables: each process logs every message it
 * handled (at debug), so with both up both show work; and while only one
 * process of a service runs, every sign-in still succeeds, so that process
 * served them. Each sign-in is a new user's first, so no cache answers for the services.
 */
describe('Services scale out to several processes', () => {
  let own: OwnStack;
  let firm: Company;
  const fresh: Member[] = [];

  beforeAll(async () => {
    own = await startOwnStack('scaling', { logLevel: 'debug' });
    await own.stack.startExtra('identity');
    await own.stack.startExtra('tenancy');
    firm = await createCompany({ name: 'Dubois Gestion' }, own.gateway);
    for (let index = 0; index < 5 * SIGN_INS_PER_PHASE; index += 1) fresh.push(await activeMember(firm));
  }, STACK_START_MS);

  afterAll(async () => {
    await own?.dispose();
  });

  /** Sign-ins by users never seen before, from an address of their own (the per-address limit is not under test). */
  const signInFreshUsers = async (phase: number) => {
    const address = anotherMachineAddress();
    const outcomes: string[] = [];
    for (const member of fresh.slice(phase * SIGN_INS_PER_PHASE, (phase + 1) * SIGN_INS_PER_PHASE)) {
      const browser = browserOn(firm.host, own.gateway, { sourceAddress: address });
      const login = await browser.post('/api/auth/login', credentialsOf(member));
      const me = await browser.get('/api/me');
      outcomes.push(`login ${login.status} ${login.body.next ?? login.body.error}, me ${me.status} ${me.body.user?.email === member.email}`);
    }
    return outcomes;
  };
  const allSucceeded = Array(SIGN_INS_PER_PHASE).fill('login 200 done, me 200 true');

  const handledBy = (name: string, service: string) =>
    own.stack.process(name).logs().split('\n').filter((line) => line.includes(`handled `) && line.includes(`.${service}.`)).length;

  test('with both processes of each service up, sign-ins succeed and both processes of each service did work', async () => {
    expect(await signInFreshUsers(0)).toEqual(allSucceeded);

    const work = ['identity', 'identity-2', 'tenancy', 'tenancy-2'].map((name) => [name, handledBy(name, name.replace('-2', '')) > 0]);
    expect(Object.fromEntries(work)).toEqual({ identity: true, 'identity-2': true, tenancy: true, 'tenancy-2': true });
  });

  test.each([
    ['identity', 'identity-2', 1],
    ['identity-2', 'identity', 2],
    ['tenancy', 'tenancy-2', 3],
    ['tenancy-2', 'tenancy', 4],
  ])('with %s stopped, %s alone serves every sign-in', async (stopped, _serving, phase) => {
    await own.stack.stop(stopped);

    const outcomes = await signInFreshUsers(phase);

    await own.stack.start(stopped);
    expect(outcomes).toEqual(allSucceeded);
  });
});
