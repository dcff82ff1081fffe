import { randomBytes } from 'node:crypto';
import { Browser, Page } from 'playwright-core';
import { activeMember, Company, createCompany, inviteMember, Member, uniqueEmail } from '../support/factories';
import { launchChromium, openPortal } from '../support/browser-portal';
import { checkScreen } from '../support/browser-screens';
import { GoogleStack, startGoogleStack } from '../support/oidc-stack';

/** "Connexion avec Google" clicked in Chromium, against the local OpenID Connect server standing in for Google. */
describe('Connexion avec Google in the browser', () => {
  let google: GoogleStack;
  let browser: Browser;
  let firm: Company;
  let sophie: Member;

  const clickGoogle = async (page: Page) => {
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Connexion avec Google' }).click();
  };

  beforeAll(async () => {
    [google, browser] = await Promise.all([startGoogleStack('portal-web-google'), launchChromium()]);
    firm = await createCompany({ name: 'Roche Gestion' }, google.gateway);
    sophie = await activeMember(firm, { name: 'Sophie Roche' });
  });

  afterAll(async () => {
    await browser?.close();
    await google?.dispose();
  });

  test('from the company’s URL, Google brings her back signed in, on her dashboard', async () => {
    await google.provider.signIn({ sub: `google-${randomBytes(6).toString('hex')}`, email: sophie.email, email_verified: true });
    const page = await openPortal(browser, firm.host, { gateway: google.gateway });

    await clickGoogle(page);

    await page.getByRole('heading', { name: 'Bonjour, Sophie Roche' }).waitFor();
    expect(new URL(page.url()).host).toBe(`${firm.host}:${google.gateway.port}`);
  });

  test('a newcomer the company invited joins its portal by her click on the easy access host, then is on her dashboard', async () => {
    const lina = await inviteMember(firm, { email: uniqueEmail('lina'), name: 'Lina Roche' });
    await google.provider.signIn({ sub: `google-${randomBytes(6).toString('hex')}`, email: lina.email, email_verified: true });
    const page = await openPortal(browser, firm.host, { gateway: google.gateway });

    await clickGoogle(page);

    await page.getByText(`Roche Gestion invite ${lina.email} sur son portail client.`, { exact: false }).waitFor();
    expect(new URL(page.url()).host).toBe(`${google.gateway.easyAccessHost}:${google.gateway.port}`);
    await checkScreen(page, 'join-portal-fr');
    await page.getByRole('button', { name: 'Rejoindre Roche Gestion' }).click();
    await page.getByRole('heading', { name: 'Bonjour, Lina Roche' }).waitFor();
    expect(new URL(page.url()).host).toBe(`${firm.host}:${google.gateway.port}`);
  });

  test('in English, declining brings her back to the sign-in page of the company, which says the invitation still stands', async () => {
    const max = await inviteMember(firm, { email: uniqueEmail('max'), name: 'Max Roche', language: 'en' });
    await google.provider.signIn({ sub: `google-${randomBytes(6).toString('hex')}`, email: max.email, email_verified: true });
    const page = await openPortal(browser, firm.host, { gateway: google.gateway, language: 'en' });
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Sign in with Google' }).click();
    await page.getByText(`Roche Gestion invites ${max.email} to its client portal.`, { exact: false }).waitFor();
    await checkScreen(page, 'join-portal-en');

    await page.getByRole('button', { name: 'Not now' }).click();

    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toBe('You did not join this client portal. Its invitation still stands: you may accept it later.');
    expect(new URL(page.url()).host).toBe(`${firm.host}:${google.gateway.port}`);
  });

  test('a Google account that matches no client ends on the sign-in page with a sentence', async () => {
    await google.provider.signIn({ sub: `google-${randomBytes(6).toString('hex')}`, email: 'stranger@example.com', email_verified: true });
    const page = await openPortal(browser, firm.host, { gateway: google.gateway });

    await clickGoogle(page);

    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toBe(
      'Aucun compte du portail client ne correspond à ce compte Google. Connectez-vous par courriel, ou demandez à votre entreprise de vous inviter.',
    );
  });
});
