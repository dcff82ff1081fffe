import { Browser, Page } from 'playwright-core';
import { DESKTOP, launchChromium, openPortal, PortalLanguage } from '../support/browser-portal';
import { checkScreen } from '../support/browser-screens';
import { activeMember, browserOn, Company, createCompany, Member } from '../support/factories';
import { ageProofs } from '../support/session-clock';

const wording = {
  fr: {
    email: 'Adresse e-mail',
    password: 'Mot de passe',
    signIn: 'Se connecter',
    endOthers: 'Déconnecter les autres sessions de la liste',
    endedOthers: 'Les autres sessions de la liste ont été fermées.',
    title: "Confirmez que c'est bien vous",
    yourPassword: 'Votre mot de passe',
    confirm: 'Confirmer',
    cancel: 'Annuler',
    wrong: "Ce mot de passe n'est pas le bon.",
    refused: "Cette modification demande de confirmer que c'est bien vous",
  },
  en: {
    email: 'Email address',
    password: 'Password',
    signIn: 'Sign in',
    endOthers: 'Sign out the other sessions listed',
    endedOthers: 'The other sessions listed were ended.',
    title: 'Confirm it is you',
    yourPassword: 'Your password',
    confirm: 'Confirm',
    cancel: 'Cancel',
    wrong: 'This password is not the right one.',
    refused: 'This change needs you to confirm it is you',
  },
} as const;

/**
 * A sensitive change on a session that proved nothing for more than 5
 * minutes: the portal asks, in a dialog over the screen, for the password,
 * and the change goes through once it is given, without starting over.
 */
describe.each(['fr', 'en'] as PortalLanguage[])('Confirming it is you before a sensitive change, in %s', (language) => {
  const words = wording[language];
  let browser: Browser;
  let firm: Company;
  let louise: Member;

  const sessionsPageAfterAWhile = async (): Promise<Page> => {
    const page = await openPortal(browser, firm.host, { language });
    await page.setViewportSize(DESKTOP);
    await page.goto('/sign-in');
    await page.getByLabel(words.email).fill(louise.email);
    await page.getByLabel(words.password, { exact: true }).fill(louise.password);
    await page.getByRole('button', { name: words.signIn }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await page.goto('/settings/sessions');
    await ageProofs(louise.userId, 6);
    return page;
  };

  beforeAll(async () => {
    browser = await launchChromium();
    firm = await createCompany({ name: `Girard Expertise ${language}` });
    louise = await activeMember(firm, { name: 'Louise Girard', language });
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('the password, asked inline, lets the change through; a wrong one is said so', async () => {
    const elsewhere = browserOn(firm.host);
    await elsewhere.post('/api/auth/login', { email: louise.email, password: louise.password });
    const page = await sessionsPageAfterAWhile();

    await page.getByRole('button', { name: words.endOthers }).click();
    const dialog = page.getByRole('dialog', { name: words.title });
    await dialog.waitFor();
    await dialog.getByLabel(words.yourPassword).fill('not-the-password-42');
    await dialog.getByRole('button', { name: words.confirm }).click();
    await dialog.getByRole('alert').filter({ hasText: words.wrong }).waitFor();
    await dialog.getByLabel(words.yourPassword).fill(louise.password);
    await checkScreen(page, `reauthentication-${language}`);
    await dialog.getByRole('button', { name: words.confirm }).click();

    await page.getByRole('status').filter({ hasText: words.endedOthers }).waitFor();
    expect(await dialog.isVisible()).toBe(false);
    expect((await elsewhere.get('/api/me')).status).toBe(401);
    await page.context().close();
  });

  test('cancelling changes nothing, and says why', async () => {
    const elsewhere = browserOn(firm.host);
    await elsewhere.post('/api/auth/login', { email: louise.email, password: louise.password });
    const page = await sessionsPageAfterAWhile();

    await page.getByRole('button', { name: words.endOthers }).click();
    const dialog = page.getByRole('dialog', { name: words.title });
    await dialog.getByRole('button', { name: words.cancel }).click();

    await page.getByRole('alert').filter({ hasText: words.refused }).waitFor();
    expect((await elsewhere.get('/api/me')).status).toBe(200);
    await page.context().close();
  });
});
