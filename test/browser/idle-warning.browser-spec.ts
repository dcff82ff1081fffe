import { Browser } from 'playwright-core';
import { launchChromium, openPortal } from '../support/browser-portal';
import { checkScreen } from '../support/browser-screens';
import { activeMember, Company, createCompany, Member, operatorClient } from '../support/factories';

/**
 * Rigaud Audit signs its clients out after 10 minutes without activity: a
 * minute before, the portal asks whether they are still there, and staying
 * keeps the session. The page's clock is moved forward; the gateway's is not.
 */
describe('The idle warning', () => {
  let browser: Browser;
  let firm: Company;
  let claire: Member;

  beforeAll(async () => {
    browser = await launchChromium();
    firm = await createCompany({ name: 'Rigaud Audit' });
    const set = await operatorClient().request('PATCH', `/api/operator/companies/${firm.id}/security`, { json: { sessionIdleMinutes: 10 } });
    expect(set.status).toBe(200);
    claire = await activeMember(firm, { name: 'Claire Rigaud' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('a minute before the end it offers to stay signed in, and staying keeps the session', async () => {
    const page = await openPortal(browser, firm.host, { language: 'fr' });
    await page.clock.install();
    await page.goto('/sign-in');
    await page.getByLabel('Adresse e-mail').fill(claire.email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(claire.password);
    await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
    await page.getByRole('heading', { name: 'Bonjour, Claire Rigaud' }).waitFor();
    const warning = page.getByRole('dialog', { name: 'Toujours là ?' });

    await page.clock.fastForward('08:30');
    expect(await warning.isVisible()).toBe(false);
    await page.clock.fastForward('00:35');
    await warning.waitFor();
    await checkScreen(page, 'idle-warning');
    await page.getByRole('button', { name: 'Rester connecté' }).click();
    await warning.waitFor({ state: 'hidden' });

    await page.clock.fastForward('08:30');
    expect(await warning.isVisible()).toBe(false);
    await page.getByRole('heading', { name: 'Bonjour, Claire Rigaud' }).waitFor();
  });
});
