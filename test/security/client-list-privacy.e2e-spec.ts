import { expectError } from '../support/api-error';
import {
  Account,
  activate,
  activeMember,
  askedForHelp,
  browserOn,
  Company,
  createAccount,
  createCompany,
  enrolTotp,
  inviteMember,
  Member,
  signedInClient,
  strongPassword,
  uniqueEmail,
} from '../support/factories';
import { Mailbox, tokenOf } from '../support/mailbox';
import { PortalClient } from '../support/portal-client';

interface Listed {
  user: { id: string; email: string; name: string };
  role: string;
  status: string;
  accounts: Account[];
}

/**
 * What one firm sees never tells that its client works with another. Firm
 * B's admin adds three emails: one already a client of firm A, one A invited
 * who has not activated yet, and one nobody knows. Until each person answers
 * B's mail, B's list, its account settings and its 2FA disable must not tell
 * them apart, nor show the name firm A typed.
 */
describe("An admin's client list does not tell who already works with another firm", () => {
  const mailbox = new Mailbox();
  let firmB: Company;
  let accountB: Account;
  let otherAccountB: Account;
  let adminBBrowser: PortalClient;
  let adminB: Member;
  let clientOfA: Member;
  const people: { email: string; name: string; userId?: string }[] = [];

  const listed = async (): Promise<Map<string, Listed>> => {
    const clients = await adminBBrowser.get('/api/admin/clients');
    expect(clients.status).toBe(200);
    return new Map((clients.body as Listed[]).map((entry) => [entry.user.email, entry]));
  };

  beforeAll(async () => {
    const firmA = await createCompany({ name: 'Cabinet Aubert' });
    firmB = await createCompany({ name: 'Cabinet Bonnet' });
    accountB = await createAccount(firmB, 'SCI Bonnet');
    otherAccountB = await createAccount(firmB, 'SARL Bonnet');
    adminB = await activeMember(firmB, { role: 'admin' });
    adminBBrowser = await signedInClient(firmB, adminB);
    clientOfA = await activeMember(firmA, { name: 'Claire Aubert, SCI des Pins (Aubert)' });
    const invitedByA = await inviteMember(firmA, { name: 'Nina, dossier Aubert 2026-114' });
    people.push(
      { email: clientOfA.email, name: 'Claire Martin' },
      { email: invitedByA.email, name: 'Nina Petit' },
      { email: uniqueEmail('fresh'), name: 'Fabien Neuf' },
    );
    for (const person of people) {
      const added = await adminBBrowser.post('/api/admin/clients', { email: person.email, name: person.name, accountIds: [accountB.id] });
      expect(added.status).toBe(201);
      person.userId = (added.body as { userId: string }).userId;
    }
  });

  test("each is listed alike, as invited, with the name B typed and B's accounts", async () => {
    const list = await listed();

    for (const person of people) {
      expect(list.get(person.email)).toEqual({
        user: { id: person.userId, email: person.email, name: person.name },
        role: 'client',
        status: 'invited',
        accounts: [accountB],
      });
    }
  });

  test('their accounts are set alike, before they answer', async () => {
    for (const person of people) {
      const set = await adminBBrowser.request('PUT', `/api/admin/clients/${person.userId}/accounts`, {
        json: { accountIds: [otherAccountB.id] },
      });
      expect(set.status).toBe(204);
    }

    const list = await listed();
    for (const person of people) expect(list.get(person.email)?.accounts).toEqual([otherAccountB]);
  });

  test('the 2FA disable refuses each alike', async () => {
    const answers = [];
    for (const person of people) answers.push(await adminBBrowser.post(`/api/admin/users/${person.userId}/mfa/disable`, {}));

    expectError(answers[0], 403, 'no_open_help_request');
    expect(answers[1].body).toEqual(answers[0].body);
    expect(answers[2].body).toEqual(answers[0].body);
  });

  test('once a person answers B, B sees a member with the accounts it set, in the same place in the list', async () => {
    const [known, , fresh] = people;
    const orderBefore = [...(await listed()).keys()];
    const acceptance = await mailbox.waitFor({ to: known.email, containing: '/invitation/' });
    const accepted = await browserOn(firmB.host).post('/api/invitations/accept', { token: tokenOf(mailbox.linkIn(acceptance, '/invitation/')) });
    expect(accepted.status).toBe(204);
    const activation = await mailbox.waitFor({ to: fresh.email, containing: '/activate/' });
    await activate(browserOn(firmB.host), tokenOf(mailbox.linkIn(activation, '/activate/')), strongPassword());

    const list = await listed();
    expect(list.get(known.email)).toMatchObject({ status: 'member', accounts: [otherAccountB], user: { name: known.name } });
    expect(list.get(fresh.email)).toMatchObject({ status: 'member', accounts: [otherAccountB], user: { name: fresh.name } });
    expect(list.get(people[1].email)).toMatchObject({ status: 'invited' });
    // Had the one who already had an account moved (her membership is newer than the others'), B would know her for another firm's client.
    expect([...list.keys()]).toEqual(orderBefore);
  });

  test("B's help requests, and the mail to B's admins, name her as B typed her, not as firm A did", async () => {
    const [known] = people;
    await enrolTotp(await signedInClient(firmB, clientOfA));

    await askedForHelp(firmB, clientOfA);

    const requests = await adminBBrowser.get('/api/admin/mfa-requests');
    expect(requests.body).toEqual([expect.objectContaining({ user: { id: known.userId, email: known.email, name: known.name } })]);
    const mail = await mailbox.waitFor({ to: adminB.email, subject: `Demande d'aide à la connexion : ${known.name}` });
    expect(mail.text).not.toContain('Aubert');
  });
});
