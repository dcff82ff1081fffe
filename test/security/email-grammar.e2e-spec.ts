import { expectError } from '../support/api-error';
import { activeMember, browserOn, Company, createCompany, Member, operatorClient, signedInClient, uniqueEmail } from '../support/factories';
import { Mailbox } from '../support/mailbox';
import { PortalClient } from '../support/portal-client';

/**
 * An attacker who may type an address (an admin inviting, anyone asking for a
 * reset link) writes one that a mail server reads as another recipient, or as
 * two: the mail, and its link, would reach the attacker's mailbox.
 */
const smuggling = [
  '<x@example.com>',
  'a,b@example.com',
  '"a b"@example.com',
  'a@example.com, b@example.com',
  'Name <x@example.com>',
  'a@example.com\nBcc: b@example.com',
];

describe('One strict address grammar at every entry', () => {
  const mailbox = new Mailbox();
  let firm: Company;
  let admin: Member;
  let adminBrowser: PortalClient;

  beforeAll(async () => {
    firm = await createCompany({ name: 'Lambert Gestion' });
    admin = await activeMember(firm, { role: 'admin' });
    adminBrowser = await signedInClient(firm, admin);
  });

  test.each(smuggling)('the operator cannot add %j as a member: 400 validation_failed', async (email) => {
    const added = await operatorClient().post(`/api/operator/companies/${firm.id}/members`, { email, name: 'Eve', role: 'client' });

    expectError(added, 400, 'validation_failed');
  });

  test.each(smuggling)('an admin cannot invite %j: 400 validation_failed', async (email) => {
    const invited = await adminBrowser.post('/api/admin/clients', { email, name: 'Eve', accountIds: [] });

    expectError(invited, 400, 'validation_failed');
  });

  test.each(smuggling)('forgot-password refuses %j: 400 validation_failed', async (email) => {
    const asked = await browserOn(firm.host).post('/api/auth/password/forgot', { email });

    expectError(asked, 400, 'validation_failed');
  });

  test.each(smuggling)('sign-in refuses %j: 400 validation_failed', async (email) => {
    const login = await browserOn(firm.host).post('/api/auth/login', { email, password: 'whatever-password' });

    expectError(login, 400, 'validation_failed');
  });

  test.each(['élise.%s@exemple.fr', 'user.%s@bücher.de'])('an internationalised address (%s) is invited and mailed', async (pattern) => {
    const email = pattern.replace('%s', uniqueEmail('x').split('@')[0].split('.')[1]);

    const added = await operatorClient().post(`/api/operator/companies/${firm.id}/members`, { email, name: 'Élise', role: 'client' });

    expect(added.status).toBe(201);
    await mailbox.waitFor({ to: email, containing: '/activate/' });
  });
});
