import { expectError } from '../support/api-error';
import {
  Account,
  activeMember,
  browserOn,
  Company,
  createAccount,
  createCompany,
  Member,
  signedInClient,
  strongPassword,
  uniqueEmail,
} from '../support/factories';
import { Mailbox, tokenOf } from '../support/mailbox';
import { sharedGateway } from '../support/run-context';

describe("A company admin invites clients to the company's portal", () => {
  const mailbox = new Mailbox();
  let firm: Company;
  let household: Account;
  let admin: Member;

  beforeAll(async () => {
    firm = await createCompany({ name: 'Petit & Fils' });
    household = await createAccount(firm, 'Foyer Petit');
    admin = await activeMember(firm, { role: 'admin', email: uniqueEmail('admin'), name: 'Paul Petit' });
  });

  test('the invited client gets the link to the portal by mail, activates and signs in', async () => {
    const adminBrowser = await signedInClient(firm, admin);
    const louis = { email: uniqueEmail('louis'), password: strongPassword() };

    const invited = await adminBrowser.post('/api/admin/clients', { email: louis.email, name: 'Louis Petit', accountIds: [household.id] });

    expect(invited.status).toBe(201);
    expect(invited.body).toEqual({ userId: expect.any(String) });
    const link = mailbox.linkIn(await mailbox.waitFor({ to: louis.email, containing: '/activate/' }), '/activate/');
    expect(link.startsWith(`http://${sharedGateway().easyAccessHost}:${sharedGateway().port}/activate/`)).toBe(true);
    const activation = await browserOn(firm.host).post('/api/auth/activate', { token: tokenOf(link), password: louis.password });
    expect(activation.status).toBe(204);
    const me = await (await signedInClient(firm, louis)).get('/api/me');
    expect(me.body).toMatchObject({
      user: { id: invited.body.userId, email: louis.email, name: 'Louis Petit' },
      role: 'client',
      account: household,
    });
  });

  test('a client cannot invite clients: 403', async () => {
    const client = await activeMember(firm, { accountIds: [household.id] });
    const clientBrowser = await signedInClient(firm, client);

    const invited = await clientBrowser.post('/api/admin/clients', { email: uniqueEmail(), name: 'Nope', accountIds: [] });

    expectError(invited, 403, 'forbidden');
  });
});
