import { expectError } from '../support/api-error';
import {
  Account,
  activeMember,
  addMember,
  browserOn,
  Company,
  createAccount,
  createCompany,
  credentialsOf,
  easyAccessBrowser,
  Member,
  operatorClient,
  signedInClient,
} from '../support/factories';
import { PortalClient } from '../support/portal-client';

/** A route that takes a JSON body, who may call it, and the fields of a body it would accept. */
interface JsonRoute {
  route: string;
  path: () => string;
  caller: () => PortalClient;
  /** Thunks: the values exist only once beforeAll has run. */
  fields: Record<string, () => unknown>;
}

const validBody = (route: JsonRoute): Record<string, unknown> =>
  Object.fromEntries(Object.entries(route.fields).map(([field, value]) => [field, value()]));

const wrongTypeFor = (value: unknown): unknown => (Array.isArray(value) ? 'not-a-list' : { nested: [42] });

/**
 * Whatever body a client sends, the answer is a 4xx in the API's error shape:
 * never a 500, never a stack trace. Each route is called by someone allowed to
 * call it, so that only the body can be at fault.
 */
describe('A request with a bad body gets a clear 4xx', () => {
  let firm: Company;
  let account: Account;
  let member: Member;
  let anonymous: PortalClient;
  let signedIn: PortalClient;
  let choosingPortal: PortalClient;
  let adminBrowser: PortalClient;

  beforeAll(async () => {
    firm = await createCompany({ name: 'Lambert Expertise' });
    const otherFirm = await createCompany({ name: 'Lambert Juridique' });
    account = await createAccount(firm);
    member = await activeMember(firm, { accountIds: [account.id] });
    await addMember(otherFirm, { email: member.email, name: member.name });
    anonymous = browserOn(firm.host);
    signedIn = await signedInClient(firm, member);
    adminBrowser = await signedInClient(firm, await activeMember(firm, { role: 'admin' }));
    choosingPortal = easyAccessBrowser();
    const login = await choosingPortal.post('/api/auth/login', credentialsOf(member));
    expect(login.body).toMatchObject({ next: 'select_portal' });
  });

  const strongPassword = () => 'Fjord-lantern-quartz-9';
  const routes: JsonRoute[] = [
    {
      route: 'POST /api/auth/login',
      path: () => '/api/auth/login',
      caller: () => anonymous,
      fields: { email: () => member.email, password: () => member.password },
    },
    {
      route: 'POST /api/auth/portal',
      path: () => '/api/auth/portal',
      caller: () => choosingPortal,
      fields: { portalId: () => firm.id },
    },
    {
      route: 'POST /api/auth/activate',
      path: () => '/api/auth/activate',
      caller: () => anonymous,
      fields: { token: () => 'a-token', password: strongPassword },
    },
    {
      route: 'POST /api/auth/password/forgot',
      path: () => '/api/auth/password/forgot',
      caller: () => anonymous,
      fields: { email: () => member.email },
    },
    {
      route: 'POST /api/auth/password/reset',
      path: () => '/api/auth/password/reset',
      caller: () => anonymous,
      fields: { token: () => 'a-token', password: strongPassword },
    },
    { route: 'POST /api/me/account', path: () => '/api/me/account', caller: () => signedIn, fields: { accountId: () => account.id } },
    { route: 'POST /api/me/portal', path: () => '/api/me/portal', caller: () => signedIn, fields: { portalId: () => firm.id } },
    {
      route: 'POST /api/me/password',
      path: () => '/api/me/password',
      caller: () => signedIn,
      fields: { currentPassword: () => member.password, newPassword: strongPassword },
    },
    {
      route: 'POST /api/admin/clients',
      path: () => '/api/admin/clients',
      caller: () => adminBrowser,
      fields: { email: () => 'new.client@example.com', name: () => 'New Client', accountIds: () => [account.id] },
    },
    {
      route: 'POST /api/operator/companies',
      path: () => '/api/operator/companies',
      caller: () => operatorClient(),
      fields: { name: () => 'Unused', hosts: () => ['unused-host.test'] },
    },
    {
      route: 'POST /api/operator/companies/:id/accounts',
      path: () => `/api/operator/companies/${firm.id}/accounts`,
      caller: () => operatorClient(),
      fields: { name: () => 'Unused' },
    },
    {
      route: 'POST /api/operator/companies/:id/members',
      path: () => `/api/operator/companies/${firm.id}/members`,
      caller: () => operatorClient(),
      fields: { email: () => 'unused@example.com', name: () => 'Unused', role: () => 'client' },
    },
    { route: 'PATCH /api/admin/security', path: () => '/api/admin/security', caller: () => adminBrowser, fields: { trustedBrowserDays: () => 30 } },
    {
      route: 'PATCH /api/operator/companies/:id/security',
      path: () => `/api/operator/companies/${firm.id}/security`,
      caller: () => operatorClient(),
      fields: { trustedBrowserDays: () => 30 },
    },
  ];

  const send = (route: JsonRoute, raw: string, contentType = 'application/json') =>
    route.caller().request(route.route.split(' ')[0], route.path(), { raw, contentType });

  test('a refused name writes nothing: the same client invited again with a good name is listed by it', async () => {
    const email = 'surrogate.client@example.com';
    const refused = await send(routes.find((route) => route.route === 'POST /api/admin/clients')!, JSON.stringify({ email, name: 'a\ud800b', accountIds: [] }));
    expectError(refused, 400, 'invalid_json');

    expect((await adminBrowser.post('/api/admin/clients', { email, name: 'Suzanne Real', accountIds: [] })).status).toBe(201);
    const listed = (await adminBrowser.get('/api/admin/clients')).body as { user: { email: string; name: string } }[];
    expect(listed.find((entry) => entry.user.email === email)?.user.name).toBe('Suzanne Real');
  });

  test('an idempotent write with a deeply nested body: 400, not a 500 from fingerprinting it', async () => {
    const raw = `{"email":"deep@example.com","name":"Deep","accountIds":[],"z":${'['.repeat(8000)}${']'.repeat(8000)}}`;
    const answer = await adminBrowser.request('POST', '/api/admin/clients', { raw, contentType: 'application/json', headers: { 'idempotency-key': 'deep-1' } });

    expectError(answer, 400, 'invalid_json');
  });

  describe.each(routes)('$route', (route) => {
    test('malformed JSON: 400', async () => {
      expectError(await send(route, '{"email": "claire@example.com",'), 400);
    });

    test.each([
      ['an empty object', () => ({})],
      ...Object.keys(route.fields).map((field): [string, () => unknown] => [
        `${field} of the wrong type`,
        () => ({ ...validBody(route), [field]: wrongTypeFor(validBody(route)[field]) }),
      ]),
      ...Object.keys(route.fields).map((field): [string, () => unknown] => [
        `${field} missing`,
        () => Object.fromEntries(Object.entries(validBody(route)).filter(([key]) => key !== field)),
      ]),
    ])('%s: 400 validation_failed', async (_case, body) => {
      expectError(await send(route, JSON.stringify(body())), 400, 'validation_failed');
    });

    test.each([
      ['an array', () => [validBody(route)]],
      ['null', () => null],
      ['a string', () => 'claire@example.com'],
    ])('%s instead of an object: 400', async (_case, body) => {
      expectError(await send(route, JSON.stringify(body())), 400);
    });

    test('a string with a lone UTF-16 surrogate (not I-JSON: Postgres and mail refuse it): 400 invalid_json', async () => {
      const body = validBody(route);
      const text = Object.keys(body).find((field) => typeof body[field] === 'string');
      const raw = JSON.stringify(text ? { ...body, [text]: `a\ud800b` } : { ...body, 'note\udc00': 1 });
      expect(raw).toMatch(/\\ud[8c]00/);

      expectError(await send(route, raw), 400, 'invalid_json');
    });

    test('nested 1,000 levels deep: 400 invalid_json', async () => {
      const raw = JSON.stringify({ ...validBody(route), nested: 0 }).replace('0}', `${'['.repeat(1000)}${']'.repeat(1000)}}`);

      expectError(await send(route, raw), 400, 'invalid_json');
    });

    test('an oversized body: 413', async () => {
      expectError(await send(route, JSON.stringify({ ...validBody(route), padding: 'x'.repeat(1024 * 1024) })), 413);
    });

    test.each(['text/plain', 'application/x-www-form-urlencoded'])('a body sent as %s: 415', async (contentType) => {
      expectError(await send(route, JSON.stringify(validBody(route)), contentType), 415);
    });
  });
});
