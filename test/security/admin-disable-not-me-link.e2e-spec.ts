import { expectError } from '../support/api-error';
import { activeMember, addMember, askedForHelp, browserOn, Company, createCompany, credentialsOf, enrolTotp, Member, memberWithTotp, signedInClient, TotpMember } from '../support/factories';
import { Mailbox, tokenOf } from '../support/mailbox';
import { sharedGateway } from '../support/run-context';

/**
 * Paul works with two firms. He asks firm A for help; A's admin turns his
 * 2FA off, and the mail tells him so with a "this wasn't me" link. Were that
 * link on A's host, A would receive its token when he opens it, or could
 * simply read it in its own logs: after Paul turns 2FA on again at firm B,
 * A's "this wasn't me" would remove his new factor there and end his
 * sessions, and with the password it holds A would enrol its own code.
 */
describe("The admin's 2FA disable mails its \"this wasn't me\" link on the easy access host, which no firm serves", () => {
  const mailbox = new Mailbox();
  let firmA: Company;
  let firmB: Company;
  let adminA: Member;
  let paul: TotpMember;
  let notMeLink: URL;

  beforeAll(async () => {
    firmA = await createCompany({ name: 'Cabinet Arnaud' });
    firmB = await createCompany({ name: 'Cabinet Blanc' });
    adminA = await activeMember(firmA, { role: 'admin', name: 'Anne Arnaud' });
    paul = await memberWithTotp(firmB, { name: 'Paul Partage' });
    await addMember(firmA, { email: paul.email, name: paul.name });
    await askedForHelp(firmA, paul);
    const adminBrowser = await signedInClient(firmA, adminA);
    expect((await adminBrowser.post(`/api/admin/users/${paul.userId}/mfa/disable`, { reason: 'Téléphone perdu' })).status).toBe(204);
    const mail = await mailbox.waitFor({ to: paul.email, subject: 'Authentification à deux facteurs désactivée' });
    notMeLink = new URL(mailbox.linkIn(mail, '/not-me/'));
  });

  test("the link's host is the easy access host, never firm A's", async () => {
    expect(notMeLink.hostname).not.toBe(firmA.host);
    expect(notMeLink.hostname).toBe(sharedGateway().easyAccessHost);
  });

  test('the link still does what it says: followed from the easy access host, the sessions since end and the factor made since goes', async () => {
    const atFirmB = browserOn(firmB.host);
    expect((await atFirmB.post('/api/auth/login', credentialsOf(paul))).body.next).toBe('done');
    await enrolTotp(atFirmB);

    const page = browserOn(notMeLink.hostname);
    expect((await page.post('/api/auth/not-me', { token: tokenOf(notMeLink.href) })).status).toBe(204);

    expectError(await atFirmB.get('/api/me'), 401, 'unauthenticated');
    // The report withdrew his password: he chooses another from the link mailed, and no code is asked.
    const reset = await mailbox.waitFor({ to: paul.email, subject: 'Réinitialisation de votre mot de passe', containing: '/reset-password/' });
    const password = `${paul.password}-new`;
    expect((await browserOn(firmB.host).post('/api/auth/password/reset', { token: tokenOf(mailbox.linkIn(reset, '/reset-password/')), password })).status).toBe(204);
    expect((await browserOn(firmB.host).post('/api/auth/login', { email: paul.email, password })).body.next).toBe('done');
  });
});
