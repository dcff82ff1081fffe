import { expectError } from '../support/api-error';
import { activeMember, Company, createAccount, createCompany, Member, signedInClient } from '../support/factories';
import { queryDatabase } from '../support/outage-checks';
import { PortalClient } from '../support/portal-client';
import { currentRun } from '../support/run-context';

interface Entry {
  id: string;
  action: string;
  target: { id: string } | null;
}

/** One page of the trail: what GET /api/admin/audit answers at once. */
const PAGE = 200;

/**
 * An admin grants a firm's client accounts to an accomplice, then makes
 * changes until the grant is past the latest entries the trail showed: the
 * firm's other admins never saw it. The trail now pages back to its start.
 */
describe("The company's audit trail is read to its start", () => {
  let firm: Company;
  let admin: Member;
  let otherAdminBrowser: PortalClient;
  let accompliceId: string;

  beforeAll(async () => {
    firm = await createCompany({ name: 'Cabinet Mémoire' });
    const account = await createAccount(firm, 'Comptes de la SCI Cachée');
    admin = await activeMember(firm, { role: 'admin', name: 'Paul Prêteur' });
    otherAdminBrowser = await signedInClient(firm, await activeMember(firm, { role: 'admin', name: 'Odile Veille' }));
    const accomplice = await activeMember(firm, { name: 'Marc Complice' });
    accompliceId = accomplice.userId;
    const adminBrowser = await signedInClient(firm, admin);
    expect((await adminBrowser.request('PUT', `/api/admin/clients/${accompliceId}/accounts`, { json: { accountIds: [account.id] } })).status).toBe(204);
    // A stream of later changes of the portal, each a real entry, written here at once rather than by 205 requests.
    await queryDatabase(
      currentRun().databaseUrl,
      `insert into tenancy.audit_entries (id, company_id, at, actor_user_id, action, target_user_id, reason)
         select gen_random_uuid(), '${firm.id}', now() + make_interval(secs => n), '${admin.userId}', 'company.branding_changed', null, 'accentColor: #123456'
         from generate_series(1, ${PAGE + 5}) as n`,
    );
  });

  const page = async (before?: string): Promise<Entry[]> => {
    const answer = await otherAdminBrowser.get(before ? `/api/admin/audit?before=${before}` : '/api/admin/audit');
    expect(answer.status).toBe(200);
    return answer.body as Entry[];
  };

  test('the first page is the latest entries; the next, after its last entry, holds the grant', async () => {
    const first = await page();
    expect(first).toHaveLength(PAGE);
    expect(first.some((entry) => entry.target?.id === accompliceId)).toBe(false);

    const second = await page(first.at(-1)!.id);

    expect(second.some((entry) => entry.action === 'member.accounts_changed' && entry.target?.id === accompliceId)).toBe(true);
    expect(second.filter((entry) => first.some((seen) => seen.id === entry.id))).toEqual([]);
    // Past the oldest entry: nothing more.
    expect(await page(second.at(-1)!.id)).toEqual([]);
  });

  test("another firm's entry, or no entry at all, is no place to start from: 400, and nothing of that firm's trail", async () => {
    const otherFirm = await createCompany({ name: 'Cabinet Voisin' });
    const otherAdmin = await signedInClient(otherFirm, await activeMember(otherFirm, { role: 'admin' }));
    expect((await otherAdmin.request('PATCH', '/api/admin/security', { json: { trustedBrowserDays: 7 } })).status).toBe(200);
    const theirs = ((await otherAdmin.get('/api/admin/audit')).body as Entry[])[0].id;

    expectError(await otherAdminBrowser.get(`/api/admin/audit?before=${theirs}`), 400, 'validation_failed');
    expectError(await otherAdminBrowser.get('/api/admin/audit?before=not-an-id'), 400, 'validation_failed');
  });
});
