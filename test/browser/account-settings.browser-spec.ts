import { Browser, Page } from 'playwright-core';
import { activeMember, Company, createCompany, Member, signedInClient, strongPassword } from '../support/factories';
import { launchChromium, openPortal } from '../support/browser-portal';
import { checkScreen } from '../support/browser-screens';
import { Mailbox } from '../support/mailbox';

/** A forgotten password reset from the mail, the sessions and devices, and a change of password. */
describe('A client looks after her password and sessions', () => {
  const mailbox = new Mailbox();
  let browser: Browser;
  let page: Page;
  let firm: Company;
  let emma: Member;

  const alert = () => page.getByRole('alert');
  const status = (text: string) => page.getByRole('status').filter({ hasText: text });

  beforeAll(async () => {
    browser = await launchChromium();
    firm = await createCompany({ name: 'Petit & Associés' });
    emma = await activeMember(firm, { name: 'Emma Petit' });
    page = await openPortal(browser, firm.host);
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('"Mot de passe oublié ?" mails a link whose page sets a new password', async () => {
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    await page.getByLabel('Adresse e-mail').fill(emma.email);
    await checkScreen(page, 'forgot-password');
    await page.getByRole('button', { name: 'Envoyer le lien' }).click();
    await status('Si un compte utilise cette adresse').waitFor();

    const mail = await mailbox.waitFor({ to: emma.email, containing: '/reset-password/' });
    await page.goto(mailbox.linkIn(mail, '/reset-password/'));
    await page.getByRole('heading', { name: 'Choisissez un nouveau mot de passe' }).waitFor();
    await checkScreen(page, 'reset-password');
    emma = { ...emma, password: strongPassword() };
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(emma.password);
    await page.getByLabel('Confirmez le nouveau mot de passe').fill(emma.password);
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await status('Votre mot de passe a été changé.').waitFor();

    await page.getByRole('link', { name: 'Se connecter' }).click();
    await page.getByLabel('Adresse e-mail').fill(emma.email);
    await page.getByLabel('Mot de passe').fill(emma.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: 'Bonjour, Emma Petit' }).waitFor();
  });

  test('her sessions list another browser, which she signs out', async () => {
    const elsewhere = await signedInClient(firm, emma);

    await page.getByRole('link', { name: 'Sessions et appareils' }).click();
    const signOutButtons = page.getByRole('button', { name: /^Déconnecter : Navigateur web, connecté le / });
    await signOutButtons.first().waitFor();
    expect(await page.getByText('ce navigateur', { exact: true }).count()).toBe(1);
    await checkScreen(page, 'sessions');
    await signOutButtons.first().click();

    await status('Cette session a été fermée.').waitFor();
    expect((await elsewhere.get('/api/me')).status).toBe(401);
  });

  test('changing her password says what went wrong, then that it worked', async () => {
    const next = strongPassword();
    await page.getByRole('link', { name: 'Mot de passe', exact: true }).click();
    await page.getByLabel('Mot de passe actuel').fill('not-her-password');
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(next);
    await page.getByLabel('Confirmez le nouveau mot de passe').fill(`${next}-typo`);
    await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
    expect(await alert().innerText()).toBe('Les deux mots de passe ne sont pas identiques.');

    await page.getByLabel('Confirmez le nouveau mot de passe').fill(next);
    await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await alert().filter({ hasText: 'Le mot de passe actuel est incorrect.' }).waitFor();
    await checkScreen(page, 'change-password');

    await page.getByLabel('Mot de passe actuel').fill(emma.password);
    await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await status('Votre mot de passe a été changé. Vos autres sessions et appareils ont été déconnectés.').waitFor();
    emma = { ...emma, password: next };
  });

  test('keeping her other web sessions, she sees them listed and signs out the one she does not know', async () => {
    const unknown = await signedInClient(firm, emma);
    const next = strongPassword();
    await page.getByRole('link', { name: 'Mot de passe', exact: true }).click();
    await page.getByLabel('Mot de passe actuel').fill(emma.password);
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(next);
    await page.getByLabel('Confirmez le nouveau mot de passe').fill(next);
    const endOthers = page.getByRole('checkbox', { name: 'Déconnecter aussi mes autres sessions web' });
    expect(await endOthers.isChecked()).toBe(true);
    await endOthers.uncheck();
    await page.getByRole('button', { name: 'Changer le mot de passe' }).click();

    await status('Vos autres sessions web restent ouvertes').waitFor();
    expect((await unknown.get('/api/me')).status).toBe(200);
    await checkScreen(page, 'change-password-kept');
    await page.getByRole('button', { name: /^Déconnecter : / }).click();
    await page.getByRole('button', { name: /^Déconnecter : / }).waitFor({ state: 'detached' });
    expect((await unknown.get('/api/me')).status).toBe(401);
    emma = { ...emma, password: next };
  });

  test('an address that leads nowhere says so', async () => {
    await page.goto('/nulle-part');

    await page.getByRole('heading', { name: 'Page introuvable' }).waitFor();
    await checkScreen(page, 'not-found');
  });
});
