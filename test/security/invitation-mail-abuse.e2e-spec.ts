import { expectError } from '../support/api-error';
import { activeMember, Company, createAccount, createCompany, signedInClient, uniqueEmail } from '../support/factories';
import { Mailbox } from '../support/mailbox';
import { PortalClient } from '../support/portal-client';

/** The gateway's limit (apps/gateway/src/admin/admin.controller.ts): invitations of one address by one company in a day. */
const INVITATIONS_PER_ADDRESS_PER_DAY = 3;

/**
 * Each invitation mails the address, from the platform's own sender, and
 * opens with the name the admin typed. A firm's admin could make the
 * platform mail anyone, as often as he liked, words of his own with a link
 * of his own at the top ("your firm moved its portal: https://…").
 */
describe("An admin's invitations as a way to mail anyone", () => {
  const mailbox = new Mailbox();
  let firm: Company;
  let adminBrowser: PortalClient;

  beforeAll(async () => {
    firm = await createCompany({ name: 'Cabinet Bavard' });
    adminBrowser = await signedInClient(firm, await activeMember(firm, { role: 'admin', name: 'Marc Admin' }));
  });

  test('the typed name reaches the mail with its web address defanged: the mail carries no link but ours', async () => {
    const email = uniqueEmail('claire.cible');
    const name = 'Claire, votre cabinet a déménagé son portail : https://portail-cabinet.example/login';

    expect((await adminBrowser.post('/api/admin/clients', { email, name, accountIds: [] })).status).toBe(201);

    const mail = await mailbox.waitFor({ to: email, containing: '/activate/' });
    expect(mail.text).not.toContain('https://portail-cabinet.example');
    expect(mail.text).toContain('hxxps://portail-cabinet[.]example');
  });

  test(`one address is mailed at most ${INVITATIONS_PER_ADDRESS_PER_DAY} invitations a day by one company: then 429 with Retry-After, and no mail`, async () => {
    const email = uniqueEmail('claire.harcelee');
    const invite = () => adminBrowser.post('/api/admin/clients', { email, name: 'Claire Harcelée', accountIds: [] });
    for (let sent = 0; sent < INVITATIONS_PER_ADDRESS_PER_DAY; sent += 1) {
      expect((await invite()).status).toBe(201);
      await mailbox.waitFor({ to: email, containing: '/activate/' });
    }

    const refused = await invite();

    expectError(refused, 429, 'rate_limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(23 * 3600);
    // The mails of the three came within a second each; none follows the refusal.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(mailbox.matching({ to: email })).toEqual([]);
  });

  test('an invitation refused (an account of another company) mails nothing, and does not count against the address', async () => {
    const email = uniqueEmail('claire.refusee');
    const foreignAccount = (await createAccount(await createCompany({ name: 'Cabinet Tiers' }), 'Compte tiers')).id;
    for (let tried = 0; tried < INVITATIONS_PER_ADDRESS_PER_DAY; tried += 1) {
      expectError(await adminBrowser.post('/api/admin/clients', { email, name: 'Claire Refusée', accountIds: [foreignAccount] }), 400, 'validation_failed');
    }

    expect((await adminBrowser.post('/api/admin/clients', { email, name: 'Claire Refusée', accountIds: [] })).status).toBe(201);
  });
});
