import { expectError } from '../support/api-error';
import {
  activeMember,
  addMember,
  browserOn,
  Company,
  createCompany,
  credentialsOf,
  easyAccessBrowser,
  Invitation,
  Member,
  uniqueEmail,
} from '../support/factories';
import { anotherMachineAddress } from '../support/portal-client';

type Credentials = { email: string; password: string };
type TimedCase = 'wrongPassword' | 'unknownEmail' | 'notActivated';

/** Rounds timed, after one to warm up. */
const TIMED_ROUNDS = 20;
/** Emails each case takes in turn: 7 failures each, under the 10 allowed per email. */
const ROTATION = 3;
/**
 * Bounds on a case's fast times over a wrong password's, each path costing one
 * hash: skipping it answers many times faster, a second hash twice as slow.
 * Seen between 0.87 and 1.16 on 2 cores under a load average of 10.
 */
const MIN_RATIO = 0.6;
const MAX_RATIO = 1.7;

/**
 * Each case's failed sign-ins, interleaved in an order that turns each round,
 * so that a burst of load slows every case alike. Each round comes from an
 * address of its own, so that the per-address limit is never reached.
 */
async function timeFailures(company: Company, cases: Record<TimedCase, (round: number) => Credentials>): Promise<Record<TimedCase, number[]>> {
  const names = Object.keys(cases) as TimedCase[];
  const times: Record<TimedCase, number[]> = { wrongPassword: [], unknownEmail: [], notActivated: [] };
  for (let round = 0; round <= TIMED_ROUNDS; round += 1) {
    const machine = { sourceAddress: anotherMachineAddress() };
    for (const name of [...names.slice(round % names.length), ...names.slice(0, round % names.length)]) {
      const login = await browserOn(company.host, company.gateway, machine).post('/api/auth/login', cases[name](round));
      expect(login.status).toBe(401);
      // Round 0 warms up: the first requests of a case may pay for connections and caches.
      if (round > 0) times[name].push(login.elapsedMs);
    }
  }
  return times;
}

/** Load on the machine only ever adds time: the faster answers tell what the path costs. */
const lowerQuartile = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 4)];

/**
 * Whatever went wrong, a failed sign-in looks the same, so that nobody can
 * learn from the portal which emails have an account or belong to a company.
 */
describe('A failed sign-in tells nothing about why it failed', () => {
  let firm: Company;
  let member: Member;
  let invitedOnly: { email: string };
  let outsider: Member;

  beforeAll(async () => {
    firm = await createCompany({ name: 'Lefèvre Conseil' });
    const otherFirm = await createCompany({ name: 'Bernard Avocats' });
    member = await activeMember(firm);
    invitedOnly = await addMember(firm);
    outsider = await activeMember(otherFirm);
  });

  const attempts: [string, () => { email: string; password: string }][] = [
    ['a wrong password', () => ({ email: member.email, password: `${member.password}-wrong` })],
    ['an unknown email', () => ({ email: uniqueEmail('nobody'), password: member.password })],
    ['a user who has not activated yet', () => ({ email: invitedOnly.email, password: member.password })],
    ["a user who is not a member of this host's company", () => credentialsOf(outsider)],
  ];

  test.each(attempts)('%s gets 401 invalid_credentials', async (_case, credentials) => {
    const login = await browserOn(firm.host).post('/api/auth/login', credentials());

    expectError(login, 401, 'invalid_credentials');
  });

  test('every failure answers the same status, body and headers that matter', async () => {
    const answers = [];
    for (const [, credentials] of attempts) answers.push(await browserOn(firm.host).post('/api/auth/login', credentials()));

    const seen = answers.map((answer) => ({
      status: answer.status,
      body: answer.body,
      contentType: answer.headers['content-type'],
      setsCookie: answer.headers['set-cookie'] !== undefined,
    }));
    for (const other of seen.slice(1)) expect(other).toEqual(seen[0]);
  });

  test('a failed sign-in does not start a sign-in', async () => {
    const browser = browserOn(firm.host);

    await browser.post('/api/auth/login', attempts[0][1]());

    expect((await browser.get('/api/auth/state')).status).toBe(401);
    expect((await browser.get('/api/me')).status).toBe(401);
  });

  test('on the easy access host a wrong password and an unknown email look the same too', async () => {
    const wrongPassword = await easyAccessBrowser().post('/api/auth/login', attempts[0][1]());
    const unknownEmail = await easyAccessBrowser().post('/api/auth/login', attempts[1][1]());

    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(unknownEmail.body).toEqual(wrongPassword.body);
  });

  test('an unknown email or a user not yet activated takes about as long as a wrong password', async () => {
    const active: Member[] = [];
    const pending: Invitation[] = [];
    for (let index = 0; index < ROTATION; index += 1) {
      active.push(await activeMember(firm));
      pending.push(await addMember(firm));
    }
    const { password } = active[0];

    const times = await timeFailures(firm, {
      wrongPassword: (round) => ({ email: active[round % ROTATION].email, password: `${active[round % ROTATION].password}-wrong` }),
      unknownEmail: () => ({ email: uniqueEmail('nobody'), password }),
      notActivated: (round) => ({ email: pending[round % ROTATION].email, password }),
    });

    const wrongPassword = lowerQuartile(times.wrongPassword);
    const compared = (['unknownEmail', 'notActivated'] as const).map((name) => ({ name, ratio: lowerQuartile(times[name]) / wrongPassword }));

    expect(compared.filter(({ ratio }) => ratio < MIN_RATIO || ratio > MAX_RATIO)).toEqual([]);
  });
});
