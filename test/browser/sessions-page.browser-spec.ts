import { Browser, Page } from 'playwright-core';
import { activeMember, browserOn, Company, createCompany, Member } from '../support/factories';
import { DESKTOP, launchChromium, openPortal, PHONE, PortalLanguage } from '../support/browser-portal';
import { checkScreen } from '../support/browser-screens';
import { PortalClient } from '../support/portal-client';

const FIREFOX_ON_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';

const wording = {
  fr: { email: 'Adresse e-mail', password: 'Mot de passe', signIn: 'Se connecter', title: 'Sessions et appareils', current: 'ce navigateur', endOthers: 'Déconnecter les autres sessions de la liste', endedOthers: 'Les autres sessions de la liste ont été fermées.', openedWith: 'Ouverte avec : Mot de passe' },
  en: { email: 'Email address', password: 'Password', signIn: 'Sign in', title: 'Sessions and devices', current: 'this browser', endOthers: 'Sign out the other sessions listed', endedOthers: 'The other sessions listed were ended.', openedWith: 'Opened with: Password' },
} as const;

/** Sessions a person can recognise (browser, system, address, last use, what opened it) and sign out together. */
describe.each(['fr', 'en'] as PortalLanguage[])('The sessions page, in %s', (language) => {
  const words = wording[language];
  let browser: Browser;
  let firm: Company;
  let nadia: Member;

  const signInOn = async (viewport: typeof DESKTOP): Promise<Page> => {
    const page = await openPortal(browser, firm.host, { language });
    await page.setViewportSize(viewport);
    await page.goto('/sign-in');
    await page.getByLabel(words.email).fill(nadia.email);
    await page.getByLabel(words.password, { exact: true }).fill(nadia.password);
    await page.getByRole('button', { name: words.signIn }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    return page;
  };

  const firefoxElsewhere = async (): Promise<PortalClient> => {
    const firefox = browserOn(firm.host, firm.gateway, { headers: { 'user-agent': FIREFOX_ON_WINDOWS } });
    await firefox.post('/api/auth/login', { email: nadia.email, password: nadia.password });
    expect((await firefox.get('/api/me')).status).toBe(200);
    return firefox;
  };

  beforeAll(async () => {
    browser = await launchChromium();
    firm = await createCompany({ name: `Moreau Patrimoine ${language}` });
    nadia = await activeMember(firm, { name: 'Nadia Moreau', language });
  });

  afterAll(async () => {
    await browser?.close();
  });

  test.each([['desktop', DESKTOP], ['phone', PHONE]] as const)('names each browser and system, marks this one, and signs the others out (%s)', async (size, viewport) => {
    const firefox = await firefoxElsewhere();
    const page = await signInOn(viewport);

    await page.goto('/settings/sessions');
    await page.getByRole('heading', { name: words.title }).waitFor();
    await page.getByText('Firefox · Windows', { exact: true }).waitFor();
    expect(await page.getByText(words.current, { exact: true }).count()).toBe(1);
    expect(await page.getByText(/127\.0\.0\.\d+/).count()).toBeGreaterThan(0);
    // Every one was opened with the password alone, and says so.
    const listed = await page.locator('li.session').count();
    expect(listed).toBeGreaterThanOrEqual(2);
    expect(await page.getByText(words.openedWith, { exact: true }).count()).toBe(listed);
    if (size === 'desktop') await checkScreen(page, `sessions-recognisable-${language}`);

    await page.getByRole('button', { name: words.endOthers }).click();

    await page.getByRole('status').filter({ hasText: words.endedOthers }).waitFor();
    expect((await firefox.get('/api/me')).status).toBe(401);
    await page.getByRole('button', { name: words.endOthers }).waitFor({ state: 'detached' });
    await page.context().close();
  });
});
