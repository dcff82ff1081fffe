import { Browser, Page } from 'playwright-core';
import { addMember, Company, createAccount, createCompany, strongPassword, uniqueEmail } from '../support/factories';
import { launchChromium, openPortal } from '../support/browser-portal';
import { checkScreen } from '../support/browser-screens';
import { Mailbox } from '../support/mailbox';
import { sharedGateway } from '../support/run-context';

/**
 * The help page, in French, from the invitation mail to the dashboard: activation,
 * "Accès facile", the email sign-in with the choice of portal, "Changer de
 * compte", and the banner that its X closes until the next sign-in.
 */
describe('Claire signs in to her client portal for the first time', () => {
  const email = uniqueEmail('claire');
  const password = strongPassword();
  const mailbox = new Mailbox();
  let browser: Browser;
  let page: Page;
  let dupont: Company;
  let martin: Company;

  const banner = () => page.getByText(/^Vous êtes connecté au compte /);
  const accountArea = () => page.getByRole('contentinfo');

  async function signInOnEasyAccess(): Promise<void> {
    await page.goto('/sign-in');
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe').fill(password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: 'Choisissez votre portail client' }).waitFor();
  }

  async function choosePortal(name: string): Promise<void> {
    await page.getByRole('button', { name: new RegExp(name) }).click();
    await page.getByRole('heading', { name: 'Bonjour, Claire Durand' }).waitFor();
  }

  beforeAll(async () => {
    browser = await launchChromium();
    [dupont, martin] = await Promise.all([createCompany({ name: 'Cabinet Dupont' }), createCompany({ name: 'Martin Avocats' })]);
    const famille = await createAccount(dupont, 'Famille Durand');
    const sci = await createAccount(dupont, 'SCI Durand');
    await addMember(dupont, { email, name: 'Claire Durand', accountIds: [famille.id, sci.id] });
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('the link in the invitation mail opens the page where she chooses her password', async () => {
    const mail = await mailbox.waitFor({ to: email, containing: '/activate/' });
    page = await openPortal(browser, sharedGateway().easyAccessHost);

    await page.goto(mailbox.linkIn(mail, '/activate/'));
    await page.getByRole('heading', { name: 'Activez votre compte' }).waitFor();
    await checkScreen(page, 'activate');
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(password);
    await page.getByLabel('Confirmez le nouveau mot de passe').fill(password);
    await page.getByRole('button', { name: 'Activer mon compte' }).click();

    await expectText(page.getByRole('status'), 'Votre compte est activé. Vous pouvez maintenant vous connecter.');
  });

  test('on the easy access page she signs in with her email and chooses the portal', async () => {
    await addMember(martin, { email, name: 'Claire Durand' });

    await page.goto('/easy-access');
    await checkScreen(page, 'easy-access');
    await page.getByRole('link', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: 'Se connecter' }).waitFor();
    await checkScreen(page, 'sign-in');
    await signInOnEasyAccess();
    const portals = page.getByRole('list').getByRole('button');
    expect(await portals.allInnerTexts()).toEqual([expect.stringContaining('Cabinet Dupont'), expect.stringContaining('Martin Avocats')]);
    await checkScreen(page, 'portal-choice');
    await choosePortal('Cabinet Dupont');

    expect(page.url()).toMatch(/\/dashboard$/);
    const account = (await accountArea().locator('.account-name').innerText()).trim();
    expect(['Famille Durand', 'SCI Durand']).toContain(account);
    await expectText(banner(), `Vous êtes connecté au compte ${account}.`);
    await checkScreen(page, 'dashboard');
  });

  test('"Changer de compte" opens her other account, named at the top and at the bottom left', async () => {
    const before = (await accountArea().locator('.account-name').innerText()).trim();
    const other = before === 'Famille Durand' ? 'SCI Durand' : 'Famille Durand';

    await accountArea().getByRole('link', { name: 'Changer de compte' }).click();
    await page.getByRole('heading', { name: 'Changer de compte' }).waitFor();
    await checkScreen(page, 'switch-account');
    await page.getByRole('button', { name: other }).click();

    await expectText(page.getByRole('status'), `Vous êtes maintenant dans le compte ${other}.`);
    await expectText(accountArea().locator('.account-name'), other);
    await expectText(banner(), `Vous êtes connecté au compte ${other}.`);
  });

  test('the X closes the banner until her next sign-in', async () => {
    await page.getByRole('button', { name: "Fermer cette notification jusqu'à votre prochaine connexion" }).focus();
    await page.keyboard.press('Enter');
    await banner().waitFor({ state: 'detached' });
    await page.reload();
    await page.getByRole('heading', { name: 'Changer de compte' }).waitFor();
    expect(await banner().count()).toBe(0);

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('heading', { name: 'Se connecter' }).waitFor();
    await signInOnEasyAccess();
    await choosePortal('Cabinet Dupont');

    await banner().waitFor();
  });
});

async function expectText(locator: ReturnType<Page['locator']>, text: string): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor();
  expect((await locator.first().innerText()).trim()).toBe(text);
}
