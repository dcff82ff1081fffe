import { expectClientError, expectError } from '../support/api-error';
import { activeMember, browserOn, Company, createCompany, credentialsOf, Member } from '../support/factories';

describe('What a client types into the sign-in form', () => {
  let firm: Company;
  let member: Member;

  beforeAll(async () => {
    firm = await createCompany({ name: 'Robin Conseil' });
    member = await activeMember(firm);
  });

  test('an email typed with spaces and capitals signs in as the lower-case user', async () => {
    const typed = `  ${member.email.replace(/^[a-z]+/, (name) => name.toUpperCase()).replace('example.com', 'Example.COM')} `;

    const login = await browserOn(firm.host).post('/api/auth/login', { email: typed, password: member.password });

    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ next: 'done', me: { user: { email: member.email } } });
  });

  test('a member invited with capitals signs in with the lower-case email', async () => {
    const invited = await activeMember(firm, { email: `Jean.MARTIN.${Date.now()}@Example.COM` });
    const email = invited.email.toLowerCase();

    const login = await browserOn(firm.host).post('/api/auth/login', { email, password: invited.password });

    expect(login.body).toMatchObject({ next: 'done', me: { user: { email } } });
  });

  test('an unknown email with accents is an ordinary failed sign-in: 401', async () => {
    const login = await browserOn(firm.host).post('/api/auth/login', { email: 'élodie@exemple.fr', password: member.password });

    expectError(login, 401, 'invalid_credentials');
  });

  test.each([
    ['not an email', { email: 'claire-at-example.com', password: 'whatever-password' }],
    ['an email of 300 characters', { email: `${'a'.repeat(288)}@example.com`, password: 'whatever-password' }],
    ['a password of 10,000 characters', { email: 'claire@example.com', password: 'p'.repeat(10_000) }],
    ['an empty password', { email: 'claire@example.com', password: '' }],
    ['a NUL character', { email: 'claire\u0000@example.com', password: 'pass\u0000word-123' }],
    ['emoji', { email: '😀@example.com', password: '🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑' }],
  ])('%s: a 4xx with an error code, never a 500', async (_case, credentials) => {
    expectClientError(await browserOn(firm.host).post('/api/auth/login', credentials));
  });

  test.each([
    ['GET', '/api/me'],
    ['GET', '/api/auth/state'],
    ['POST', '/api/auth/login'],
    ['POST', '/api/auth/password/forgot'],
    ['POST', '/api/auth/activate'],
  ])('%s %s on a host that is no portal: 404 unknown_portal', async (method, path) => {
    const json = method === 'POST' ? credentialsOf(member) : undefined;

    expectError(await browserOn('no-such-firm.test').request(method, path, { json }), 404, 'unknown_portal');
  });

  test("a company's host typed in capitals is the same portal", async () => {
    const login = await browserOn(firm.host.toUpperCase()).post('/api/auth/login', credentialsOf(member));

    expect(login.body).toMatchObject({ next: 'done', me: { portal: { id: firm.id } } });
  });
});
