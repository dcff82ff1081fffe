import { Browser, Page } from 'playwright-core';
import { activeMember, browserOn, Company, confirmedHelp, createCompany, credentialsOf, Member, memberWithTotp, operatorClient } from '../support/factories';
import { launchChromium, openPortal, PHONE, PortalLanguage } from '../support/browser-portal';
import { checkScreen } from '../support/browser-screens';

/** A 96×32 teal logo with white bars. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAGAAAAAgCAIAAABiouoDAAAAUklEQVR42u3XsQ0AIAhFQTZwU0vXlw0MjYmGI6+muO7HWFOHAgEgQIAAAQIECJCuAu3C/fgHECBAgAABAgQIECBAgF4GMlYBCRAgQIAAAQLUqgQeLdWzqxCMUQAAAABJRU5ErkJggg==',
  'base64',
);

const wording = {
  fr: {
    signIn: 'Se connecter',
    email: 'Adresse e-mail',
    password: 'Mot de passe',
    hello: 'Bonjour, Hélène Roux',
    oneWaiting: 'Une demande vous attend.',
    noneWaiting: 'Aucune demande en attente.',
    seeRequests: 'Voir les demandes',
    requestsTitle: "Demandes d'aide",
    adminNoAccount: 'Vous administrez ce portail ; aucun compte client ne vous est ouvert.',
    appearance: 'Apparence du portail',
    color: "Couleur d'accent",
    logo: 'Logo',
    save: 'Enregistrer',
    saved: 'Enregistré : votre portail l’affiche dès maintenant.',
    refused: 'Non enregistré : la couleur doit être assez foncée pour y écrire en blanc',
    currentLogo: 'Logo actuel',
    audit: "Journal d'audit",
    auditRow: ['Hélène Roux', "A modifié l'apparence du portail", 'Le portail', 'accentColor: #7c2d12; logo: image/png, 139 B'],
    operatorRow: ["L'opérateur du service", "A modifié l'apparence du portail", 'Le portail', 'accentColor: #0f766e; logo: image/png, 139 B'],
  },
  en: {
    signIn: 'Sign in',
    email: 'Email address',
    password: 'Password',
    hello: 'Hello, Hélène Roux',
    oneWaiting: 'One request is waiting for you.',
    noneWaiting: 'No request is waiting.',
    seeRequests: 'See the requests',
    requestsTitle: 'Requests for help',
    adminNoAccount: 'You administer this portal; no client account is open to you.',
    appearance: 'Portal appearance',
    color: 'Accent colour',
    logo: 'Logo',
    save: 'Save',
    saved: 'Saved: your portal shows it now.',
    refused: 'Not saved: the colour must be dark enough for white text on it',
    currentLogo: 'Current logo',
    audit: 'Audit trail',
    auditRow: ['Hélène Roux', "Changed the portal's appearance", 'The portal', 'accentColor: #7c2d12; logo: image/png, 139 B'],
    operatorRow: ['The service operator', "Changed the portal's appearance", 'The portal', 'accentColor: #0f766e; logo: image/png, 139 B'],
  },
} as const;

/** The computed background of the button named `name` once it is `rgb` (the look arrives after the first paint), or as it stays. */
async function buttonColour(page: Page, name: string, rgb: string): Promise<string> {
  const button = page.getByRole('button', { name, exact: true });
  const colour = () => button.evaluate((element) => getComputedStyle(element).backgroundColor);
  for (let tries = 0; tries < 50 && (await colour()) !== rgb; tries++) await page.waitForTimeout(100);
  return colour();
}

/** Whether the header's logo was loaded and drawn (the portal's Content-Security-Policy allows it, the gateway serves it). */
async function logoShown(page: Page): Promise<boolean> {
  const image = page.locator('.brand img');
  await image.waitFor();
  return image.evaluate((element: HTMLImageElement) => element.decode().then(() => element.naturalWidth > 0, () => false));
}

/**
 * A firm's clients see the firm from the first screen: its name, its logo and
 * its colour, which its admin sets from the portal; and the admin's first
 * screen says when clients are waiting for help.
 */
describe.each(['fr', 'en'] as PortalLanguage[])("The firm's look and the admin's first screen, in %s", (language) => {
  const words = wording[language];
  let browser: Browser;
  let firm: Company;
  let admin: Member;
  let adminPage: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    firm = await createCompany({ name: `Roux Conseil ${language}` });
    admin = await activeMember(firm, { name: 'Hélène Roux', role: 'admin', language });
    const set = await operatorClient().request('PATCH', `/api/operator/companies/${firm.id}/branding`, {
      json: { accentColor: '#0f766e', logo: { contentType: 'image/png', data: PNG.toString('base64') } },
    });
    expect(set.status).toBe(200);
  });

  afterAll(async () => {
    await browser?.close();
  });

  test.each([['desktop'], ['phone']])('the sign-in page shows the firm’s logo and colour (%s)', async (size) => {
    const page = await openPortal(browser, firm.host, { language });
    if (size === 'phone') await page.setViewportSize(PHONE);
    await page.goto('/sign-in');
    await page.getByText(firm.name, { exact: true }).waitFor();

    expect(await buttonColour(page, words.signIn, 'rgb(15, 118, 110)')).toBe('rgb(15, 118, 110)');
    expect(await logoShown(page)).toBe(true);
    if (size === 'desktop') await checkScreen(page, `sign-in-branded-${language}`);
  });

  test('the admin’s first screen says a client waits for help, and leads to the request', async () => {
    const client = await memberWithTotp(firm, { name: 'Marc Petit' });
    const signingIn = browserOn(firm.host);
    expect((await signingIn.post('/api/auth/login', credentialsOf(client))).body.next).toBe('totp');
    expect((await signingIn.post('/api/auth/totp/help', { message: 'Téléphone perdu.' })).status).toBe(202);
    await confirmedHelp(client);

    adminPage = await openPortal(browser, firm.host, { language });
    await adminPage.goto('/sign-in');
    await adminPage.getByLabel(words.email).fill(admin.email);
    await adminPage.getByLabel(words.password).fill(admin.password);
    await adminPage.getByRole('button', { name: words.signIn }).click();
    await adminPage.getByRole('heading', { name: words.hello }).waitFor();

    const tile = adminPage.getByRole('region', { name: words.requestsTitle });
    await tile.getByText(words.oneWaiting).waitFor();
    await adminPage.getByText(words.adminNoAccount).waitFor();
    expect(await logoShown(adminPage)).toBe(true);
    await checkScreen(adminPage, `admin-dashboard-${language}`);
    await tile.getByRole('link', { name: words.seeRequests }).click();
    await adminPage.getByRole('heading', { name: words.requestsTitle }).waitFor();
    await adminPage.getByRole('heading', { name: 'Marc Petit' }).waitFor();
  });

  test('the admin changes the colour from the portal; one too light is refused in words', async () => {
    await adminPage.getByRole('navigation').getByRole('link', { name: words.appearance }).click();
    await adminPage.getByRole('heading', { name: words.appearance }).waitFor();
    await adminPage.getByRole('img', { name: words.currentLogo }).waitFor();

    await adminPage.getByLabel(words.color).fill('#fde68a');
    await adminPage.getByRole('button', { name: words.save }).click();
    await adminPage.getByRole('alert').filter({ hasText: words.refused }).waitFor();

    await adminPage.getByLabel(words.color).fill('#7c2d12');
    await adminPage.getByLabel(words.logo).setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
    await adminPage.getByRole('button', { name: words.save }).click();
    await adminPage.getByRole('status').filter({ hasText: words.saved }).waitFor();
    expect(await buttonColour(adminPage, words.save, 'rgb(124, 45, 18)')).toBe('rgb(124, 45, 18)');
    await checkScreen(adminPage, `admin-branding-${language}`);

    expect((await browserOn(firm.host).get('/api/portal')).body.accentColor).toBe('#7c2d12');
  });

  test('the audit trail says who changed the look, the operator included, and what was set', async () => {
    await adminPage.getByRole('navigation').getByRole('link', { name: words.audit }).click();
    const rows = adminPage.getByRole('row').filter({ hasText: words.auditRow[1] });
    await rows.first().waitFor();

    const cells = await Promise.all((await rows.all()).map((row) => row.getByRole('cell').allInnerTexts()));
    expect(cells.map((row) => row.slice(1))).toEqual([words.auditRow, words.operatorRow]);
  });
});
