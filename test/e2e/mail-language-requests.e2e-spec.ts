import {
  activate,
  activeMember,
  addMember,
  browserOn,
  Company,
  createCompany,
  credentialsOf,
  inLanguage,
  Language,
  operatorClient,
  strongPassword,
  uniqueEmail,
} from '../support/factories';
import { expectWrittenIn, Mailbox } from '../support/mailbox';
import { PortalClient } from '../support/portal-client';

/** Invitations and reset links come in the language of the request that asked for them (Accept-Language, French by default). */
describe('Mails in the language of the request', () => {
  const mailbox = new Mailbox();
  let firm: Company;
  let otherFirm: Company;

  const frenchInvitation = (company: Company) => `Votre accès au portail client de ${company.name}`;
  const englishInvitation = (company: Company) => `Your access to the ${company.name} client portal`;
  const invitationTo = (email: string, company: Company) => mailbox.waitFor({ to: email, containing: `${company.host}:` });

  beforeAll(async () => {
    firm = await createCompany({ name: 'Lefèvre Conseil' });
    otherFirm = await createCompany({ name: 'Garnier Associés' });
  });

  test.each([
    ['English', 'en', 'en'],
    ['English first', 'en-GB,en;q=0.9,fr;q=0.5', 'en'],
    ['French', 'fr-FR', 'fr'],
    ['neither French nor English', 'de-DE,es;q=0.8', 'fr'],
  ] as const)("the operator's invitation asked in %s (%s) is written in %s", async (_, acceptLanguage, language) => {
    const email = uniqueEmail('invited');
    const body = { email, name: 'Inès Garnier', role: 'client' };

    const invited = await operatorClient().post(`/api/operator/companies/${firm.id}/members`, body, {
      headers: { 'accept-language': acceptLanguage },
    });

    expect(invited.status).toBe(201);
    const subject = language === 'fr' ? frenchInvitation(firm) : englishInvitation(firm);
    expectWrittenIn(await invitationTo(email, firm), language, subject);
  });

  test('an invitation asked in no language is in French', async () => {
    const { email } = await addMember(firm);

    expectWrittenIn(await invitationTo(email, firm), 'fr', frenchInvitation(firm));
  });

  test.each(['fr', 'en'] as const)("an admin's invitation of a client is in the admin's language (%s)", async (language) => {
    const admin = await activeMember(firm, { role: 'admin' });
    const adminBrowser = browserOn(firm.host);
    expect((await adminBrowser.post('/api/auth/login', credentialsOf(admin))).body).toMatchObject({ next: 'done' });
    const email = uniqueEmail('client');

    const invited = await adminBrowser.post('/api/admin/clients', { email, name: 'Hugo Lefèvre', accountIds: [] }, inLanguage(language));

    expect(invited.status).toBe(201);
    const subject = language === 'fr' ? frenchInvitation(firm) : englishInvitation(firm);
    expectWrittenIn(await invitationTo(email, firm), language, subject);
  });

  test("a new user keeps the first inviter's language until activation, then the language activated in", async () => {
    const { email, token } = await addMember(firm, { language: 'en' });
    await invitationTo(email, firm);

    await addMember(otherFirm, { email, language: 'fr' });
    expectWrittenIn(await invitationTo(email, otherFirm), 'en', englishInvitation(otherFirm));

    await activate(browserOn(firm.host), token!, strongPassword(), 'fr');
    // Activating through the first firm's link joined that firm: the other asks again, now in her language.
    const askedAgain = await invitationTo(email, otherFirm);
    expectWrittenIn(askedAgain, 'fr', frenchInvitation(otherFirm));
    expect(askedAgain.text).toContain(`${otherFirm.name} vous invite sur son portail client, avec le compte que vous avez déjà.`);
    await addMember(otherFirm, { email, language: 'en' });
    await addMember(otherFirm, { email, language: 'en' });
    await invitationTo(email, otherFirm);
    const access = await invitationTo(email, otherFirm);
    expectWrittenIn(access, 'fr', frenchInvitation(otherFirm));
    expect(access.text).toContain(`${otherFirm.name} vous a donné accès à son portail client.`);
  });

  describe('a reset link', () => {
    let englishSpeaker: { email: string };
    let browser: PortalClient;
    const resetTo = (email: string) => mailbox.waitFor({ to: email, containing: '/reset-password/' });
    const forgot = (email: string, language?: Language) => browser.post('/api/auth/password/forgot', { email }, inLanguage(language));

    beforeAll(async () => {
      englishSpeaker = await activeMember(firm, { language: 'en' });
      browser = browserOn(firm.host);
    });

    test("asked in French comes in French, whatever the user's language", async () => {
      expect((await forgot(englishSpeaker.email, 'fr')).status).toBe(202);

      const mail = await resetTo(englishSpeaker.email);

      expectWrittenIn(mail, 'fr', 'Réinitialisation de votre mot de passe');
      expect(mail.text).toContain('Pour choisir un nouveau mot de passe, ouvrez ce lien dans l’heure :');
    });

    test('asked in English comes in English', async () => {
      expect((await forgot(englishSpeaker.email, 'en')).status).toBe(202);

      const mail = await resetTo(englishSpeaker.email);

      expectWrittenIn(mail, 'en', 'Reset your password');
      expect(mail.text).toContain('To choose a new password, open this link within the hour:');
    });

    test('asked in no language comes in French', async () => {
      expect((await forgot(englishSpeaker.email)).status).toBe(202);

      expectWrittenIn(await resetTo(englishSpeaker.email), 'fr', 'Réinitialisation de votre mot de passe');
    });
  });
});
