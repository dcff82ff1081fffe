import { expectError } from '../support/api-error';
import {
  activeMember,
  browserOn,
  Company,
  createCompany,
  credentialsOf,
  Member,
  signedInClient,
  strongPassword,
} from '../support/factories';
import { PortalClient } from '../support/portal-client';

describe('A signed-in client changes the password', () => {
  let firm: Company;
  let member: Member;
  let current: PortalClient;
  let otherSession: PortalClient;
  const newPassword = strongPassword();

  beforeAll(async () => {
    firm = await createCompany({ name: 'Garnier Patrimoine' });
    member = await activeMember(firm);
    current = await signedInClient(firm, member);
    otherSession = await signedInClient(firm, member);
  });

  test('a wrong current password is refused with 401 invalid_credentials', async () => {
    const change = await current.post('/api/me/password', { currentPassword: `${member.password}-wrong`, newPassword });

    expectError(change, 401, 'invalid_credentials');
    expect((await current.get('/api/me')).status).toBe(200);
  });

  test('a weak new password is refused with 422 weak_password', async () => {
    const change = await current.post('/api/me/password', { currentPassword: member.password, newPassword: 'password123' });

    expectError(change, 422, 'weak_password');
  });

  test('the change succeeds and the current session goes on', async () => {
    const change = await current.post('/api/me/password', { currentPassword: member.password, newPassword });

    expect(change.status).toBe(204);
    const me = await current.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe(member.email);
  });

  test('the other session is signed out', async () => {
    const me = await otherSession.get('/api/me');

    expectError(me, 401, 'unauthenticated');
  });

  test('the new password signs in and the old one no longer does', async () => {
    const withOld = await browserOn(firm.host).post('/api/auth/login', credentialsOf(member));
    const withNew = await browserOn(firm.host).post('/api/auth/login', { email: member.email, password: newPassword });

    expect(withOld.status).toBe(401);
    expect(withNew.body).toMatchObject({ next: 'done' });
  });
});
