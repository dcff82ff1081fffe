import { expectError } from '../support/api-error';
import { Account, activeMember, Company, createAccount, createCompany, signedInClient } from '../support/factories';
import { PortalClient } from '../support/portal-client';

/** SameSite=Lax is one guard; the Origin check is the other, also against a sibling portal on the same gateway. */
describe('A change sent to the portal from another site is refused', () => {
  let firm: Company;
  let siblingFirm: Company;
  let account: Account;
  let signedIn: PortalClient;

  beforeAll(async () => {
    firm = await createCompany({ name: 'Gauthier Finance' });
    siblingFirm = await createCompany({ name: 'Gauthier Immobilier' });
    account = await createAccount(firm);
    signedIn = await signedInClient(firm, await activeMember(firm, { accountIds: [account.id] }));
  });

  test.each([
    ['POST', '/api/me/banner/dismiss', undefined],
    ['POST', '/api/me/account', { accountId: 'any' }],
    ['POST', '/api/me/password', { currentPassword: 'x', newPassword: 'y' }],
    ['POST', '/api/auth/logout', undefined],
    ['DELETE', '/api/me/sessions/any', undefined],
  ])('%s %s: 403 csrf_rejected from any other origin', async (method, path, json) => {
    for (const origin of ['https://evil.example', 'null', `http://${siblingFirm.host}:${firm.gateway.port}`]) {
      expectError(await signedIn.request(method, path, { json, headers: { origin } }), 403, 'csrf_rejected');
    }
    expect((await signedIn.get('/api/me')).status).toBe(200);
  });

  test('the same change from the portal itself goes through', async () => {
    const answer = await signedIn.post('/api/me/account', { accountId: account.id }, { headers: { origin: signedIn.origin } });

    expect(answer.status).toBe(200);
  });
});
