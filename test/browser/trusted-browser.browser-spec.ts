import { Browser, Page } from 'playwright-core';
import { DESKTOP, launchChromium, openPortal } from '../support/browser-portal';
import { checkScreen } from '../support/browser-screens';
import { activeMember, Company, createCompany, Member, memberWithTotp, TotpMember } from '../support/factories';

/**
 * "Ne plus demander sur ce navigateur": Claire ticks it at the code step, and
 * her next sign-in on this browser goes straight to her dashboard; her
 * sessions page names the browser, and "forget all" asks for the code again.
 * Her firm's admin sets the number of days.
 */
describe('A trusted browser, in the portal', () => {
  let browser: Browser;
  let firm: Company;
  let claire: TotpMember;
  let admin: Member;

  const signIn = async (page: Page, member: Member): Promise<void> => {
    await page.goto('/sign-in');
    await page.getByLabel('Adresse e-mail').fill(member.email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(member.password);
    await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
  };

  const signOut = async (page: Page): Promise<void> => {
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL((url) => url.pathname === '/' || url.pathname.startsWith('/sign-in'));
  };

  beforeAll(async () => {
    browser = await launchChromium();
    firm = await createCompany({ name: 'Fontaine Expertise' });
    claire = await memberWithTotp(firm, { name: 'Claire Fontaine' });
    admin = await activeMember(firm, { role: 'admin', name: 'Paul Fontaine' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('ticked at the code step, the next sign-in on this browser asks no code; "forget all" asks a second factor, then the code again', async () => {
    const page = await openPortal(browser, firm.host, { language: 'fr' });
    await page.setViewportSize(DESKTOP);
    await signIn(page, claire);
    await page.getByRole('heading', { name: "Code d'authentification" }).waitFor();
    await page.getByRole('button', { name: 'Utiliser plutôt un code de récupération' }).click();
    await page.getByLabel('Code de récupération').fill(claire.recoveryCodes[0]);
    const trust = page.getByRole('checkbox', { name: 'Ne plus demander sur ce navigateur pendant 30 jours' });
    expect(await trust.isChecked()).toBe(false);
    await trust.check();
    await checkScreen(page, 'code-trust-browser');
    await page.getByRole('button', { name: 'Vérifier' }).click();
    await page.getByRole('heading', { name: 'Bonjour, Claire Fontaine' }).waitFor();

    await signOut(page);
    await signIn(page, claire);
    await page.getByRole('heading', { name: 'Bonjour, Claire Fontaine' }).waitFor();

    await page.goto('/settings/sessions');
    await page.getByRole('heading', { name: 'Navigateurs de confiance' }).waitFor();
    await page.getByText('Ouverte avec : Mot de passe + navigateur de confiance').first().waitFor();
    // Spared the code, this session proves nothing sensitive until a second factor is given: the password is not offered.
    await page.getByRole('button', { name: 'Oublier tous les navigateurs' }).click();
    const dialog = page.getByRole('dialog', { name: "Confirmez que c'est bien vous" });
    await dialog.getByText('Ce navigateur ne vous a pas demandé votre code à la connexion').waitFor();
    expect(await dialog.getByLabel('Votre mot de passe').count()).toBe(0);
    expect(await dialog.getByRole('button', { name: 'Utiliser plutôt mon mot de passe' }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Utiliser plutôt un code de récupération' }).click();
    await dialog.getByLabel('Code de récupération').fill(claire.recoveryCodes[1]);
    await checkScreen(page, 'reauthentication-second-factor');
    await dialog.getByRole('button', { name: 'Confirmer' }).click();
    await page.getByText('Tous vos navigateurs vous demanderont de nouveau le code.').waitFor();
    await page.getByText('Aucun navigateur de confiance.').waitFor();
    await checkScreen(page, 'trusted-browsers-forgotten');

    await signOut(page);
    await signIn(page, claire);
    await page.getByRole('heading', { name: "Code d'authentification" }).waitFor();
  });

  test("the admin sets the firm's number of days, and 0 takes the choice away", async () => {
    const page = await openPortal(browser, firm.host, { language: 'fr' });
    await signIn(page, admin);
    await page.getByRole('heading', { name: 'Bonjour, Paul Fontaine' }).waitFor();
    await page.goto('/admin/security');
    const days = page.getByLabel('Navigateurs de confiance : jours sans code (0 à 30)');
    expect(await days.inputValue()).toBe('30');
    await days.fill('0');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Enregistré.').waitFor();
    await checkScreen(page, 'admin-security');

    const claireAgain = await openPortal(browser, firm.host, { language: 'fr' });
    await signIn(claireAgain, claire);
    await claireAgain.getByRole('heading', { name: "Code d'authentification" }).waitFor();
    expect(await claireAgain.getByRole('checkbox').count()).toBe(0);
  });
});
