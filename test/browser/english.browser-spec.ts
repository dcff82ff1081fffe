import { Browser, Page } from 'playwright-core';
import { activeMember, Company, createAccount, createCompany, Member } from '../support/factories';
import { launchChromium, openPortal } from '../support/browser-portal';
import { checkScreen } from '../support/browser-screens';

/** The portal in English for an English browser, and the switch to French that it remembers. */
describe('The portal in English', () => {
  let browser: Browser;
  let page: Page;
  let firm: Company;
  let james: Member;

  /** The Accept-Language of the next call to the API. */
  const nextApiLanguage = () => page.waitForRequest((request) => request.url().includes('/api/')).then((request) => request.headers()['accept-language']);

  beforeAll(async () => {
    browser = await launchChromium();
    firm = await createCompany({ name: 'Moreau Partners' });
    const accounts = await Promise.all([createAccount(firm, 'Moreau Holdings'), createAccount(firm, 'Moreau Family')]);
    james = await activeMember(firm, { name: 'James Moreau', accountIds: accounts.map((account) => account.id) });
    page = await openPortal(browser, firm.host, { language: 'en' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('a Google sign-in that found no account comes back as a sentence', async () => {
    await page.goto('/?error=no_account');

    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.getByRole('alert').innerText()).toBe(
      'No client portal account goes with this Google account. Sign in with your email, or ask your company to invite you.',
    );
  });

  test('a wrong password is told in English, never as a code', async () => {
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(james.email);
    await page.getByLabel('Password').fill('not-the-password');
    const language = nextApiLanguage();
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();

    await page.getByRole('alert').filter({ hasText: 'The email or password is incorrect.' }).waitFor();
    expect(await language).toBe('en');
    await checkScreen(page, 'sign-in-en');
  });

  test('signed in with the keyboard alone, where the focus always shows, the dashboard speaks English', async () => {
    const focused = () =>
      page.evaluate(() => ({ name: document.activeElement?.textContent, outline: getComputedStyle(document.activeElement!).outlineStyle }));
    await page.goto('/sign-in');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();

    // Google is not set up on this stack: its button is not offered, and the first stop is the email field (which also offers passkeys by autofill).
    await page.keyboard.press('Tab');
    expect(await focused()).toEqual({ name: '', outline: 'solid' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('autocomplete'))).toBe('username webauthn');
    await page.keyboard.type(james.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(james.password);
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: 'Hello, James Moreau' }).waitFor();
    await page.getByText(/^You are signed in to the account Moreau (Holdings|Family)\.$/).waitFor();
    await checkScreen(page, 'dashboard-en');
  });

  test('the switch to French applies at once, to the API calls too, and is remembered', async () => {
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { name: 'Bonjour, James Moreau' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');

    const language = nextApiLanguage();
    await page.reload();
    expect(await language).toBe('fr');
    await page.getByRole('heading', { name: 'Bonjour, James Moreau' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Hello, James Moreau' }).waitFor();
  });
});
