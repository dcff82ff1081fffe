import { expectError } from '../support/api-error';
import { activeMember, addMember, Company, createCompany, credentialsOf, easyAccessBrowser, Member, signedInClient } from '../support/factories';
import { PortalClient } from '../support/portal-client';

/**
 * Firm A runs its portal on its own domain, whose DNS it controls: whatever
 * its host receives, firm A may read, a session cookie included. Claire is a
 * client of firms A and B. On A's host, her session must neither name B nor
 * act in B: switching portals belongs to the easy access host.
 */
describe("A session on one firm's host neither names nor enters the client's other firms", () => {
  let firmA: Company;
  let firmB: Company;
  let claire: Member;
  let onA: PortalClient;

  beforeAll(async () => {
    firmA = await createCompany({ name: 'Cabinet Aubert' });
    firmB = await createCompany({ name: 'Cabinet Bonnet' });
    claire = await activeMember(firmA, { name: 'Claire Deux' });
    await addMember(firmB, { email: claire.email, name: claire.name });
    onA = await signedInClient(firmA, claire);
  });

  test("on A's host, GET /api/me lists A alone", async () => {
    const me = await onA.get('/api/me');

    expect(me.status).toBe(200);
    expect((me.body.portals as { id: string }[]).map((portal) => portal.id)).toEqual([firmA.id]);
    expect(me.text).not.toContain(firmB.id);
    expect(me.text).not.toContain('Bonnet');
  });

  test("on A's host, switching to B: 403 forbidden, and the session stays in A", async () => {
    expectError(await onA.post('/api/me/portal', { portalId: firmB.id }), 403, 'forbidden');

    expect((await onA.get('/api/me')).body.portal).toMatchObject({ id: firmA.id });
  });

  test('on the easy access host, where she chose, she sees both and switches', async () => {
    const easy = easyAccessBrowser();
    expect((await easy.post('/api/auth/login', credentialsOf(claire))).body).toMatchObject({ next: 'select_portal' });
    expect((await easy.post('/api/auth/portal', { portalId: firmA.id })).body).toMatchObject({ next: 'done' });

    const switched = await easy.post('/api/me/portal', { portalId: firmB.id });

    expect(switched.status).toBe(200);
    expect(switched.body.portal).toMatchObject({ id: firmB.id });
    expect((switched.body.portals as { id: string }[]).map((portal) => portal.id).sort()).toEqual([firmA.id, firmB.id].sort());
  });
});
