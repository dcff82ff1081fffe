import { Browser, Page } from 'playwright-core';
import { activeMember, Company, createCompany, Member, operatorClient } from '../support/factories';
import { launchChromium, openPortal } from '../support/browser-portal';
import { queryDatabase } from '../support/outage-checks';
import { currentRun } from '../support/run-context';

/** Entries written after the one the admin looks for: more than one page. */
const LATER_ENTRIES = 205;

/** The admin reads the trail back to its first entry, a page at a time, in the portal. */
describe('The audit trail in the portal, page after page', () => {
  let browser: Browser;
  let firm: Company;
  let admin: Member;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    firm = await createCompany({ name: 'Cabinet Archives' });
    admin = await activeMember(firm, { name: 'Hélène Roux', role: 'admin', language: 'fr' });
    // The first entry: the operator sets the portal's colour.
    expect((await operatorClient().request('PATCH', `/api/operator/companies/${firm.id}/branding`, { json: { accentColor: '#0f766e' } })).status).toBe(200);
    await queryDatabase(
      currentRun().databaseUrl,
      `insert into tenancy.audit_entries (id, company_id, at, actor_user_id, action, target_user_id, reason)
         select gen_random_uuid(), '${firm.id}', now() + make_interval(secs => n), '${admin.userId}', 'company.security_changed', null, 'trustedBrowserDays: 7'
         from generate_series(1, ${LATER_ENTRIES}) as n`,
    );
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('"Afficher les entrées plus anciennes" shows the next page, down to the first entry, and is then gone', async () => {
    page = await openPortal(browser, firm.host, { language: 'fr' });
    await page.goto('/sign-in');
    await page.getByLabel('Adresse e-mail').fill(admin.email);
    await page.getByLabel('Mot de passe').fill(admin.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: 'Bonjour, Hélène Roux' }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: "Journal d'audit" }).click();
    const older = page.getByRole('button', { name: 'Afficher les entrées plus anciennes' });
    await older.waitFor();
    const first = page.getByRole('row').filter({ hasText: "L'opérateur du service" });
    expect(await first.count()).toBe(0);

    await older.click();

    await first.waitFor();
    expect(await page.getByRole('row').count()).toBe(LATER_ENTRIES + 1 + 1); // with the header row
    expect(await older.count()).toBe(0);
  });
});
