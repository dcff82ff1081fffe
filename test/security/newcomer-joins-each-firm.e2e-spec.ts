import { expectError } from '../support/api-error';
import { activate, activeMember, browserOn, Company, createCompany, inviteMember, signedInClient, strongPassword, uniqueEmail } from '../support/factories';
import { Mailbox, tokenOf } from '../support/mailbox';
import { PortalClient } from '../support/portal-client';

/**
 * Firms X and Y both add Nina, who has no account yet; each mails her an
 * activation link. She knows X, and activates through X's link. Before, every
 * firm that had added her was her firm from the start, so activating joined Y
 * too, without her word: Y reached her sessions and factors, and listed her as
 * its member. Now activating through X's link joins X alone; Y's invitation
 * waits, and Y mails her an acceptance link, as to anyone with an account.
 */
describe('A newcomer several firms added joins each on her own answer', () => {
  const mailbox = new Mailbox();
  let firmX: Company;
  let firmY: Company;
  let adminOfY: PortalClient;

  beforeAll(async () => {
    firmX = await createCompany({ name: 'Cabinet Xavier' });
    firmY = await createCompany({ name: 'Cabinet Yvon' });
    adminOfY = await signedInClient(firmY, await activeMember(firmY, { role: 'admin' }));
  });

  const statusInY = async (userId: string) =>
    ((await adminOfY.get('/api/admin/clients')).body as { user: { id: string }; status: string }[]).find((entry) => entry.user.id === userId)?.status;

  test("activating through X's link joins X, not Y; Y mails an acceptance link, which joins Y", async () => {
    const email = uniqueEmail('nina');
    const password = strongPassword();
    const ofX = await inviteMember(firmX, { email, name: 'Nina Roche' });
    const ofY = await inviteMember(firmY, { email, name: 'Nina Roche' });
    expect(ofY.acceptanceUrl).toBeNull();

    await activate(browserOn(firmX.host), ofX.token!, password);

    expect((await browserOn(firmX.host).post('/api/auth/login', { email, password })).body).toMatchObject({ next: 'done' });
    expectError(await browserOn(firmY.host).post('/api/auth/login', { email, password }), 401, 'invalid_credentials');
    expect(await statusInY(ofY.userId)).toBe('invited');
    expectError(await browserOn(firmY.host).post('/api/auth/activate', { token: ofY.token, password: strongPassword() }), 400, 'invalid_token');

    const acceptance = await mailbox.waitFor({ to: email, containing: '/invitation/' });
    expect(acceptance.text).toContain('Cabinet Yvon');
    const accepted = await browserOn(firmY.host).post('/api/invitations/accept', { token: tokenOf(mailbox.linkIn(acceptance, '/invitation/')) });
    expect(accepted.status).toBe(204);

    expect((await browserOn(firmY.host).post('/api/auth/login', { email, password })).body).toMatchObject({ next: 'done' });
    expect(await statusInY(ofY.userId)).toBe('member');
  });

  test('a reset link, which also activates, joins no firm: each that added her mails an acceptance link, and she joins the one she accepts', async () => {
    const email = uniqueEmail('nina');
    const password = strongPassword();
    const ofX = await inviteMember(firmX, { email, name: 'Nina Roche' });
    const ofY = await inviteMember(firmY, { email, name: 'Nina Roche' });
    expect((await browserOn(firmX.host).post('/api/auth/password/forgot', { email })).status).toBe(202);
    const reset = await mailbox.waitFor({ to: email, containing: '/reset-password/' });

    expect((await browserOn(firmX.host).post('/api/auth/password/reset', { token: tokenOf(mailbox.linkIn(reset, '/reset-password/')), password })).status).toBe(204);

    const fromY = await mailbox.waitFor({ to: email, containing: 'Cabinet Yvon vous invite sur son portail client, avec le compte' });
    const fromX = await mailbox.waitFor({ to: email, containing: 'Cabinet Xavier vous invite sur son portail client, avec le compte' });
    expect((await browserOn(firmX.host).post('/api/invitations/accept', { token: tokenOf(mailbox.linkIn(fromX, '/invitation/')) })).status).toBe(204);
    expect((await browserOn(firmX.host).post('/api/auth/login', { email, password })).body).toMatchObject({ next: 'done' });
    expect(await statusInY(ofY.userId)).toBe('invited');
    expect(mailbox.linkIn(fromY, '/invitation/')).toContain('/invitation/');
    expect(ofX.userId).toBe(ofY.userId);
  });

  test("a password refused at Y's link joins Y to nothing: activating then through X's link joins X alone", async () => {
    const email = uniqueEmail('nina');
    const ofX = await inviteMember(firmX, { email, name: 'Nina Roche' });
    const ofY = await inviteMember(firmY, { email, name: 'Nina Roche' });

    expectError(await browserOn(firmY.host).post('/api/auth/activate', { token: ofY.token, password: 'short' }), 422, 'weak_password');
    await activate(browserOn(firmX.host), ofX.token!, strongPassword());

    expect(await statusInY(ofY.userId)).toBe('invited');
  });

  test('a password refused at activation leaves the link usable, and she a member of X alone', async () => {
    const email = uniqueEmail('nina');
    const ofX = await inviteMember(firmX, { email, name: 'Nina Roche' });
    const ofY = await inviteMember(firmY, { email, name: 'Nina Roche' });

    expectError(await browserOn(firmX.host).post('/api/auth/activate', { token: ofX.token, password: 'short' }), 422, 'weak_password');
    await activate(browserOn(firmX.host), ofX.token!, strongPassword());

    expect(await statusInY(ofY.userId)).toBe('invited');
  });
});
