import { expectError } from '../support/api-error';
import {
  activeMember,
  addMember,
  browserOn,
  Company,
  createCompany,
  credentialsOf,
  easyAccessBrowser,
  Member,
  uniqueEmail,
} from '../support/factories';
import { anotherMachineAddress } from '../support/portal-client';

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
    const timed = await activeMember(firm);
    // A machine of its own: these attempts must not spend the per-address budget of the tests above.
    const address = anotherMachineAddress();
    const medianMs = async (credentials: () => { email: string; password: string }) => {
      const times: number[] = [];
      for (let round = 0; round < 5; round += 1) {
        const login = await browserOn(firm.host, firm.gateway, { sourceAddress: address }).post('/api/auth/login', credentials());
        expect(login.status).toBe(401);
        times.push(login.elapsedMs);
      }
      return times.sort((a, b) => a - b)[2];
    };

    const wrongPassword = await medianMs(() => ({ email: timed.email, password: `${timed.password}-wrong` }));
    const unknownEmail = await medianMs(() => ({ email: uniqueEmail('nobody'), password: timed.password }));
    const notActivated = await medianMs(() => ({ email: invitedOnly.email, password: timed.password }));

    // Loose on purpose (a loaded machine is noisy): it catches an answer that skips the password hash.
    expect(unknownEmail).toBeGreaterThan(wrongPassword * 0.3);
    expect(notActivated).toBeGreaterThan(wrongPassword * 0.3);
  });
});
