import {
  activeMember,
  askedForHelp,
  confirmedHelp,
  browserOn,
  Company,
  createCompany,
  credentialsOf,
  inLanguage,
  Language,
  Member,
  memberWithTotp,
  TotpMember,
} from '../support/factories';
import { expectWrittenIn, Mailbox } from '../support/mailbox';
import { PortalClient } from '../support/portal-client';
import { wrongCode } from '../support/totp';

/**
 * Mails to an existing user come in that user's stored language (the one they
 * activated in), whatever the language of the request that caused them.
 */
describe("Notices in the user's own language", () => {
  const mailbox = new Mailbox();
  let firm: Company;
  let frenchAdmin: Member;
  let englishAdmin: Member;
  let adminBrowser: PortalClient;
  const clients = {} as Record<Language, TotpMember>;

  /** Signed in with requests in `language`. */
  const signedInIn = async (member: Member, language: Language): Promise<PortalClient> => {
    const browser = browserOn(firm.host, firm.gateway, inLanguage(language));
    expect((await browser.post('/api/auth/login', credentialsOf(member))).body).toMatchObject({ next: 'done' });
    return browser;
  };

  /** Each request in the opposite language of the user's, so that only the stored one can explain the mail. */
  const otherThan = (language: Language): Language => (language === 'fr' ? 'en' : 'fr');

  const atCodeStep = async (member: TotpMember, language: Language): Promise<PortalClient> => {
    const browser = browserOn(firm.host, firm.gateway, inLanguage(language));
    expect((await browser.post('/api/auth/login', credentialsOf(member))).body).toEqual({ next: 'totp', methods: ['totp', 'passkey'], trustBrowserDays: 30 });
    return browser;
  };

  beforeAll(async () => {
    firm = await createCompany({ name: 'Roux Gestion' });
    frenchAdmin = await activeMember(firm, { role: 'admin', name: 'Amélie Roux', language: 'fr' });
    englishAdmin = await activeMember(firm, { role: 'admin', name: 'Andrew Roux', language: 'en' });
    clients.fr = await memberWithTotp(firm, { name: 'Chloé Martin', language: 'fr' });
    clients.en = await memberWithTotp(firm, { name: 'Charles Martin', language: 'en' });
    adminBrowser = await signedInIn(frenchAdmin, 'en');
  });

  test.each(['fr', 'en'] as const)('ten wrong codes lock 2FA, and the notice is in the user’s language (%s)', async (language) => {
    const client = clients[language];
    for (let signIn = 0; signIn < 2; signIn += 1) {
      const browser = await atCodeStep(client, otherThan(language));
      for (let attempt = 0; attempt < 5; attempt += 1) await browser.post('/api/auth/totp', { code: wrongCode(client.secret) });
    }

    const notice = await mailbox.waitFor({ to: client.email, subject: /bloquée|locked/ });

    if (language === 'fr') {
      expectWrittenIn(notice, 'fr', 'Authentification à deux facteurs bloquée');
      expect(notice.text).toContain("l'authentification à deux facteurs");
    } else {
      expectWrittenIn(notice, 'en', 'Two-factor authentication locked');
      expect(notice.text).toContain('two-factor authentication of your account');
    }
  });

  test("a client's help request reaches each admin in the admin's language", async () => {
    const client = clients.en;
    const signingIn = await atCodeStep(client, 'en');
    // The lock of the previous test does not stop the request: it is what a locked-out client needs.
    expect((await signingIn.post('/api/auth/totp/help', { message: 'Téléphone perdu' })).status).toBe(202);
    await confirmedHelp(client);

    const [toFrench, toEnglish] = await Promise.all([
      mailbox.waitFor({ to: frenchAdmin.email, containing: client.email }),
      mailbox.waitFor({ to: englishAdmin.email, containing: client.email }),
    ]);

    expectWrittenIn(toFrench, 'fr', `Demande d'aide à la connexion : ${client.name}`);
    expect(toFrench.text).toContain('Pour désactiver son authentification à deux facteurs, ouvrez la page des demandes de votre portail');
    expectWrittenIn(toEnglish, 'en', `Sign-in help request: ${client.name}`);
    expect(toEnglish.text).toContain('To turn off their two-factor authentication, open the requests page of your portal');
  });

  test.each(['fr', 'en'] as const)("the admin's 2FA disable is told in the member's language (%s)", async (language) => {
    const client = clients[language];
    // The English client asked in the test above; a request stands until an admin acts on it.
    if (language === 'fr') await askedForHelp(firm, client);

    const disabled = await adminBrowser.post(`/api/admin/users/${client.userId}/mfa/disable`, { reason: 'Called back' });

    expect(disabled.status).toBe(204);
    const notice = await mailbox.waitFor({ to: client.email, subject: /désactivée|turned off/ });
    if (language === 'fr') {
      expectWrittenIn(notice, 'fr', 'Authentification à deux facteurs désactivée');
      expect(notice.text).toContain(`${frenchAdmin.name}, administrateur de ${firm.name}, a désactivé l'authentification à deux facteurs`);
    } else {
      expectWrittenIn(notice, 'en', 'Two-factor authentication turned off');
      expect(notice.text).toContain(`${frenchAdmin.name}, an admin of ${firm.name}, turned off two-factor authentication`);
    }
  });
});
