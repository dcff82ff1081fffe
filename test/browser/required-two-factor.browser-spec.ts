import { Browser, Page } from 'playwright-core';
import { activeMember, Company, createCompany, Member } from '../support/factories';
import { launchChromium, openPortal } from '../support/browser-portal';
import { checkScreen } from '../support/browser-screens';
import { Authenticator } from '../support/browser-totp';

/**
 * A company that requires two-factor authentication: the first sign-in sets it
 * up (QR code, setup key, recovery codes), the next ones ask for the code.
 */
describe('Two-factor authentication required by the company', () => {
  let browser: Browser;
  let page: Page;
  let firm: Company;
  let client: Member;
  let app: Authenticator;
  let recoveryCodes: string[];

  async function signIn(): Promise<void> {
    await page.goto('/sign-in');
    await page.getByLabel('Adresse e-mail').fill(client.email);
    await page.getByLabel('Mot de passe').fill(client.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
  }

  async function signOut(): Promise<void> {
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('heading', { name: 'Se connecter' }).waitFor();
  }

  const dashboard = () => page.getByRole('heading', { name: 'Bonjour, Hugo Leroy' });
  const codePrompt = () => page.getByRole('heading', { name: "Code d'authentification" });

  beforeAll(async () => {
    browser = await launchChromium();
    firm = await createCompany({ name: 'Fiduciaire Leroy', requireTotp: true });
    client = await activeMember(firm, { name: 'Hugo Leroy' });
    page = await openPortal(browser, firm.host);
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('the first sign-in sets it up with the QR code, then shows the recovery codes to save', async () => {
    await signIn();
    await page.getByRole('heading', { name: "Configurer l'authentification à deux facteurs" }).waitFor();
    await page.getByRole('img', { name: "QR code à scanner avec votre application d'authentification" }).waitFor();
    await checkScreen(page, 'two-factor-setup');
    app = new Authenticator(await page.getByLabel('Clé de configuration').inputValue());
    await page.getByLabel('Code à 6 chiffres').fill(await app.code());
    await page.getByRole('button', { name: 'Activer' }).click();

    await page.getByRole('heading', { name: 'Enregistrez vos codes de récupération' }).waitFor();
    recoveryCodes = await page.locator('.recovery-codes code').allInnerTexts();
    expect(recoveryCodes).toHaveLength(10);
    await checkScreen(page, 'recovery-codes');
    const proceed = page.getByRole('button', { name: 'Continuer' });
    expect(await proceed.isDisabled()).toBe(true);
    await page.getByLabel("J'ai enregistré ces codes").check();
    await proceed.click();
    await dashboard().waitFor();
  });

  test('the next sign-in asks for the code, also after a reload; a wrong one is told in a sentence, with the attempts left', async () => {
    await signOut();
    await signIn();
    await codePrompt().waitFor();
    await page.reload();
    await codePrompt().waitFor();
    await checkScreen(page, 'code-prompt');

    await page.getByLabel('Code à 6 chiffres').fill(app.wrongCode());
    await page.getByRole('button', { name: 'Vérifier' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/^Ce code n'a pas été accepté\. Saisissez le nouveau code affiché dans l'application\. Il vous reste \d+ essais\.$/);

    await page.getByLabel('Code à 6 chiffres').fill(await app.code());
    await page.getByRole('button', { name: 'Vérifier' }).click();
    await dashboard().waitFor();
  });

  test('a recovery code stands in for the phone', async () => {
    await signOut();
    await signIn();
    await codePrompt().waitFor();
    await page.getByRole('button', { name: 'Utiliser plutôt un code de récupération' }).click();
    await page.getByLabel('Code de récupération').waitFor();
    await checkScreen(page, 'code-prompt-recovery');
    await page.getByLabel('Code de récupération').fill(recoveryCodes[0]);
    await page.getByRole('button', { name: 'Vérifier' }).click();

    await dashboard().waitFor();
  });
});
