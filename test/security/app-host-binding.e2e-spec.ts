import { expectError } from '../support/api-error';
import { activeMember, browserOn, Company, createCompany, credentialsOf, Member } from '../support/factories';
import { MobileApp } from '../support/mobile-app';

/**
 * The app calls the easy access host alone. Its access token, or its sign-in,
 * sent to a company's host (by whoever holds the token, or a client pointed
 * there) would act under a host that firm answers for, for a session of
 * whichever firm the app chose: the token opens nothing there, and the app's
 * routes answer only on the easy access host.
 */
describe("The app's token and routes work on the easy access host only", () => {
  let firmA: Company;
  let firmB: Company;
  let claire: Member;
  const app = new MobileApp();

  beforeAll(async () => {
    firmA = await createCompany({ name: 'Cabinet Hôte A' });
    firmB = await createCompany({ name: 'Cabinet Hôte B' });
    claire = await activeMember(firmB, { name: 'Claire Hôte' });
    await app.signIn(credentialsOf(claire), '4821');
  });

  test('on the easy access host the token works', async () => {
    expect((await app.get('/api/me')).status).toBe(200);
  });

  test.each([
    ["A's host, where she is no client", () => firmA],
    ["B's host, her own firm's", () => firmB],
  ])('on %s: the token is 401, the app sign-in 404', async (_label, firm) => {
    const elsewhere = browserOn(firm().host);
    const bearer = { headers: { authorization: `Bearer ${app.accessToken}` } };

    expectError(await elsewhere.get('/api/me', bearer), 401, 'unauthenticated');
    expectError(await elsewhere.get('/api/me/sessions', bearer), 401, 'unauthenticated');
    expectError(await elsewhere.post('/api/mobile/login', credentialsOf(claire)), 404, 'not_found');
  });

  test('the refusals ended nothing: the token still works where the app calls', async () => {
    expect((await app.get('/api/me')).body).toMatchObject({ portal: { id: firmB.id } });
  });
});
