import { Browser, Page } from 'playwright-core';
import { activeMember, addMember, Company, createCompany, Member } from '../support/factories';
import { launchChromium, openPortal } from '../support/browser-portal';
import { Mailbox } from '../support/mailbox';

/** Signed in, the language switch also chooses the language of the user's mails; before sign-in it only changes the screens. */
describe('The language switch and the mails', () => {
  const mailbox = new Mailbox();
  let browser: Browser;
  let page: Page;
  let firm: Company;
  let nadia: Member;
  const languageCalls: string[] = [];

  /** Another company gives Nadia access: the mail is written in her stored language. */
  const accessMailSubject = async (): Promise<string> => {
    const company = await createCompany({ name: 'Fabre Patrimoine' });
    await addMember(company, { email: nadia.email, name: nadia.name, language: 'fr' });
    return (await mailbox.waitFor({ to: nadia.email, containing: `${company.host}:` })).subject;
  };

  const switchTo = async (button: string, heading: string): Promise<void> => {
    const stored = page.waitForResponse((response) => response.url().endsWith('/api/me/language'));
    await page.getByRole('button', { name: button }).click();
    await page.getByRole('heading', { name: heading }).waitFor();
    expect((await stored).status()).toBe(204);
  };

  beforeAll(async () => {
    browser = await launchChromium();
    firm = await createCompany({ name: 'Fabre Conseil' });
    nadia = await activeMember(firm, { name: 'Nadia Fabre', language: 'fr' });
    page = await openPortal(browser, firm.host, { language: 'fr' });
    page.on('request', (request) => {
      if (request.url().endsWith('/api/me/language')) languageCalls.push(request.postData() ?? '');
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('before sign-in the switch changes the screens and calls nothing', async () => {
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { name: 'Se connecter' }).waitFor();

    expect(languageCalls).toEqual([]);
  });

  test('signed in, switching to English makes her mails English', async () => {
    await page.getByLabel('Adresse e-mail').fill(nadia.email);
    await page.getByLabel('Mot de passe').fill(nadia.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: 'Bonjour, Nadia Fabre' }).waitFor();

    await switchTo('English', 'Hello, Nadia Fabre');

    expect(languageCalls).toEqual([JSON.stringify({ language: 'en' })]);
    expect(await accessMailSubject()).toBe('Your access to the Fabre Patrimoine client portal');
  });

  test('switching back to French makes them French again', async () => {
    await switchTo('Français', 'Bonjour, Nadia Fabre');

    expect(languageCalls.at(-1)).toBe(JSON.stringify({ language: 'fr' }));
    expect(await accessMailSubject()).toBe('Votre accès au portail client de Fabre Patrimoine');
  });
});
