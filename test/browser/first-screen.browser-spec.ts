import { Browser, Page } from 'playwright-core';
import { activeMember, Company, createCompany, Member } from '../support/factories';
import { launchChromium, openPortal, PHONE, PortalLanguage } from '../support/browser-portal';
import { checkScreen } from '../support/browser-screens';

const wording = {
  fr: {
    signIn: 'Se connecter',
    google: 'Connexion avec Google',
    deadLink: 'Ce lien ne fonctionne plus',
    newLink: 'Recevoir un nouveau lien',
    back: 'Retour à la connexion',
    forgot: 'Mot de passe oublié ?',
    errorTitle: 'Une erreur est survenue',
  },
  en: {
    signIn: 'Sign in',
    google: 'Sign in with Google',
    deadLink: 'This link no longer works',
    newLink: 'Send me a new link',
    back: 'Back to sign-in',
    forgot: 'Forgot your password?',
    errorTitle: 'Something went wrong',
  },
} as const;

/** The first screens a firm's client meets: the firm named, no Google button that leads nowhere, no dead-end link. */
describe.each(['fr', 'en'] as PortalLanguage[])('The first screens, in %s', (language) => {
  const words = wording[language];
  let browser: Browser;
  let firm: Company;
  let lucie: Member;

  const open = async (viewport?: typeof PHONE): Promise<Page> => {
    const page = await openPortal(browser, firm.host, { language });
    if (viewport) await page.setViewportSize(viewport);
    return page;
  };

  beforeAll(async () => {
    browser = await launchChromium();
    firm = await createCompany({ name: `Cabinet Girard ${language}` });
    lucie = await activeMember(firm, { name: 'Lucie Girard', language });
  });

  afterAll(async () => {
    await browser?.close();
  });

  test.each([['desktop'], ['phone']])('the sign-in page names the firm and offers no Google where Google is not set up (%s)', async (size) => {
    const page = await open(size === 'phone' ? PHONE : undefined);
    await page.goto('/sign-in');
    await page.getByRole('heading', { name: words.signIn }).waitFor();

    await page.getByText(firm.name, { exact: true }).waitFor();
    expect(await page.getByRole('link', { name: words.google }).count()).toBe(0);
    if (size === 'desktop') await checkScreen(page, `sign-in-named-${language}`);
  });

  test('Google reached by its address anyway is a page in the portal’s language, with the way back', async () => {
    const page = await open();
    const answer = await page.goto('/api/auth/google');

    expect(answer?.status()).toBe(404);
    await page.getByRole('heading', { name: words.errorTitle }).waitFor();
    await checkScreen(page, `error-page-${language}`);
    await page.getByRole('link', { name: words.back }).click();
    await page.getByRole('heading', { name: words.signIn }).waitFor();
  });

  test('a used activation link says so at once, and leads to a new link', async () => {
    const page = await open();
    await page.goto(`/activate/${lucie.token}`);

    await page.getByRole('heading', { name: words.deadLink }).waitFor();
    expect(await page.getByLabel(/mot de passe|password/i).count()).toBe(0);
    await checkScreen(page, `activation-link-used-${language}`);
    await page.getByRole('link', { name: words.newLink }).click();
    await page.getByRole('heading', { name: words.forgot }).waitFor();
  });

  test('an unknown or expired reset link says so at once, with the way back to sign-in', async () => {
    const page = await open(PHONE);
    await page.goto('/reset-password/no-longer-valid');

    await page.getByRole('heading', { name: words.deadLink }).waitFor();
    await checkScreen(page, `reset-link-dead-${language}`);
    await page.getByRole('link', { name: words.back }).click();
    await page.getByRole('heading', { name: words.signIn }).waitFor();
  });
});
