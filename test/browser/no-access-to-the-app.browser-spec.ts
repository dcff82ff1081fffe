import { Browser, Page } from 'playwright-core';
import { activeMember, Company, createCompany, Member } from '../support/factories';
import { launchChromium, openPortal } from '../support/browser-portal';
import { checkScreen } from '../support/browser-screens';
import { Authenticator } from '../support/browser-totp';
import { Mailbox } from '../support/mailbox';

/**
 * "Pas d'accès à l'application": a client who turned 2FA on from her settings
 * loses her phone, asks for help from the code prompt, and an admin of her
 * company turns 2FA off from the admin pages, giving a reason the audit trail keeps.
 */
describe('No access to the app: the admin turns the client’s 2FA off', () => {
  const mailbox = new Mailbox();
  let browser: Browser;
  let client: Page;
  let admin: Page;
  let firm: Company;
  let lucie: Member;
  let paul: Member;

  async function signIn(page: Page, member: Member): Promise<void> {
    await page.goto('/sign-in');
    await page.getByLabel('Adresse e-mail').fill(member.email);
    await page.getByLabel('Mot de passe').fill(member.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
  }

  beforeAll(async () => {
    browser = await launchChromium();
    firm = await createCompany({ name: 'Bernard Expertise' });
    [lucie, paul] = await Promise.all([
      activeMember(firm, { name: 'Lucie Martin' }),
      activeMember(firm, { name: 'Paul Bernard', role: 'admin' }),
    ]);
    [client, admin] = await Promise.all([openPortal(browser, firm.host), openPortal(browser, firm.host)]);
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('from her settings, the client turns two-factor authentication on', async () => {
    await signIn(client, lucie);
    await client.getByRole('heading', { name: 'Bonjour, Lucie Martin' }).waitFor();
    await client.getByRole('navigation').getByRole('link', { name: 'Authentification à deux facteurs' }).click();
    await client.getByText('Désactivée : votre mot de passe suffit pour vous connecter.').waitFor();
    await client.getByRole('link', { name: "Configurer l'authentification à deux facteurs" }).click();
    await client.getByRole('heading', { name: "Configurer l'authentification à deux facteurs" }).waitFor();
    await client.getByRole('img', { name: "QR code à scanner avec votre application d'authentification" }).waitFor();
    await checkScreen(client, 'two-factor-settings-setup');
    const app = new Authenticator(await client.getByLabel('Clé de configuration').inputValue());
    await client.getByLabel('Code à 6 chiffres').fill(await app.code());
    await client.getByRole('button', { name: 'Activer' }).click();
    await client.getByLabel("J'ai enregistré ces codes").check();
    await client.getByRole('button', { name: 'Continuer' }).click();

    await client.getByText("Activée : chaque connexion demande un code de votre application d'authentification.").waitFor();
    await checkScreen(client, 'two-factor-settings');
  });

  test('without her phone, she asks her company for help from the code prompt', async () => {
    await client.getByRole('button', { name: 'Se déconnecter' }).click();
    await signIn(client, lucie);
    await client.getByRole('link', { name: "Pas d'accès à l'application" }).click();
    await client.getByRole('heading', { name: "Pas d'accès à l'application" }).waitFor();
    await client.reload();
    await client.getByLabel('Message pour Bernard Expertise (facultatif)').fill("J'ai perdu mon téléphone.");
    await checkScreen(client, 'no-access');
    await client.getByRole('button', { name: 'Envoyer la demande' }).click();

    await client.getByRole('status').filter({ hasText: 'Consultez votre messagerie' }).waitFor();
    await checkScreen(client, 'no-access-sent');
  });

  test('from the link mailed to her, she confirms the request: only then does it reach the admins', async () => {
    const mail = await mailbox.waitFor({ to: lucie.email, subject: 'Confirmez votre demande d’aide' });
    expect(mailbox.matching({ to: paul.email, subject: "Demande d'aide à la connexion : Lucie Martin" })).toEqual([]);
    await client.goto(new URL(mailbox.linkIn(mail, '/help-request/')).pathname);
    await client.getByRole('heading', { name: 'Confirmez votre demande d’aide' }).waitFor();
    await checkScreen(client, 'help-confirm');
    await client.getByRole('button', { name: 'Confirmer ma demande' }).click();

    await client.getByRole('status').filter({ hasText: "C'est confirmé : les administrateurs de Bernard Expertise ont reçu votre demande." }).waitFor();
    await mailbox.waitFor({ to: paul.email, subject: "Demande d'aide à la connexion : Lucie Martin" });
  });

  test('the admin sees the request and turns her 2FA off, giving a reason', async () => {
    await signIn(admin, paul);
    await admin.getByRole('link', { name: "Demandes d'aide" }).click();
    const request = admin.getByRole('listitem').filter({ has: admin.getByRole('heading', { name: 'Lucie Martin' }) });
    await request.getByText("J'ai perdu mon téléphone.").waitFor();
    await request.getByRole('button', { name: "Désactiver l'authentification à deux facteurs" }).click();
    await request.getByLabel('Motif').fill('Identité vérifiée par téléphone.');
    await checkScreen(admin, 'help-requests');
    await request.getByRole('button', { name: 'La désactiver pour Lucie Martin' }).click();

    await admin.getByRole('status').filter({ hasText: "L'authentification à deux facteurs de Lucie Martin est désactivée" }).waitFor();
    await admin.getByText('Aucune demande en cours.').waitFor();
  });

  test('the audit trail shows who did it, for whom and why', async () => {
    await admin.getByRole('link', { name: "Journal d'audit" }).click();
    const row = admin.getByRole('row').filter({ hasText: 'Lucie Martin' });
    await row.waitFor();

    const cells = await row.getByRole('cell').allInnerTexts();
    expect(cells.slice(1)).toEqual(['Paul Bernard', "A désactivé l'authentification à deux facteurs", 'Lucie Martin', 'Identité vérifiée par téléphone.']);
    await checkScreen(admin, 'audit');
  });

  test('her next sign-in needs her password alone', async () => {
    await client.getByRole('link', { name: 'Retour à la connexion' }).click();
    await signIn(client, lucie);

    await client.getByRole('heading', { name: 'Bonjour, Lucie Martin' }).waitFor();
    await client.getByText("L'authentification à deux facteurs est désactivée.").waitFor();
  });
});
