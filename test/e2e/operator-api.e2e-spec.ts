import { expectClientError, expectError } from '../support/api-error';
import { browserOn, Company, createCompany, operatorClient } from '../support/factories';
import { sharedGateway } from '../support/run-context';

describe('The operator API', () => {
  let firm: Company;

  beforeAll(async () => {
    firm = await createCompany({ name: 'Noël Expertise' });
  });

  test.each([
    ['no token', {}],
    ['a wrong token', { authorization: 'Bearer not-the-operator-token-0123456789' }],
    ['another scheme', { authorization: `Basic ${Buffer.from('operator:secret').toString('base64')}` }],
  ])('refuses a caller with %s: 401', async (_case, headers) => {
    const stranger = browserOn(sharedGateway().easyAccessHost);

    expectError(await stranger.post('/api/operator/companies', { name: 'X', hosts: ['x-unused.test'] }, { headers }), 401);
  });

  test("answers on the easy access host only: on a firm's host, which the firm serves and would read the token from, 404 with nothing done", async () => {
    const headers = { authorization: `Bearer ${sharedGateway().operatorToken}` };
    const onFirmHost = browserOn(firm.host, sharedGateway(), { headers });

    expectError(await onFirmHost.post(`/api/operator/companies/${firm.id}/accounts`, { name: 'Compte posé par la firme' }), 404, 'not_found');
    expectError(await onFirmHost.post('/api/operator/companies', { name: 'Firme Fantôme', hosts: ['firme-fantome-unused.test'] }), 404, 'not_found');
    // Nothing was created: the host is still free on the easy access host.
    expect((await operatorClient().post('/api/operator/companies', { name: 'Firme Fantôme', hosts: ['firme-fantome-unused.test'] })).status).toBe(201);
  });

  test.each([
    ['as it was', (host: string) => host],
    ['in capitals', (host: string) => host.toUpperCase()],
  ])('refuses a company whose host is already taken, written %s: 409 conflict', async (_case, spelling) => {
    const answer = await operatorClient().post('/api/operator/companies', { name: 'Copycat', hosts: [spelling(firm.host)] });

    expectError(answer, 409, 'conflict');
  });

  test.each([
    ['no host', () => ['/api/operator/companies', { name: 'No host', hosts: [] }]],
    ['a host that is no hostname', () => ['/api/operator/companies', { name: 'Bad host', hosts: ['not a host!'] }]],
    ['an unknown role', () => [`/api/operator/companies/${firm.id}/members`, { email: 'x@example.com', name: 'X', role: 'owner' }]],
    ['an unknown company', () => ['/api/operator/companies/00000000-0000-4000-8000-000000000000/accounts', { name: 'X' }]],
    ['a company id that is no id', () => ['/api/operator/companies/not-an-id/accounts', { name: 'X' }]],
    ['a company name with a NUL character', () => ['/api/operator/companies', { name: 'Nul\u0000Firm', hosts: ['nul-firm.test'] }]],
    ['an account name with a NUL character', () => [`/api/operator/companies/${firm.id}/accounts`, { name: 'Foyer\u0000Nul' }]],
    ['a member name with a NUL character', () => [`/api/operator/companies/${firm.id}/members`, { email: 'nul@example.com', name: 'Nul\u0000Name', role: 'client' }]],
  ])('answers %s with a 4xx and an error code', async (_case, request) => {
    const [path, body] = request() as [string, Record<string, unknown>];

    expectClientError(await operatorClient().post(path, body));
  });
});
