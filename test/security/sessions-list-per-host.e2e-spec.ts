import { expectError } from '../support/api-error';
import { activeMember, addMember, Company, createCompany, credentialsOf, easyAccessBrowser, Member, signedInClient } from '../support/factories';
import { MobileApp } from '../support/mobile-app';
import { PortalClient } from '../support/portal-client';

interface Listed {
  id: string;
  kind: string;
  current: boolean;
}

/**
 * Firm A serves its own host and may read what it answers. Claire, a client
 * of firms A and B, is signed in on A's host, on B's host, on the easy access
 * host and in the app. On A's host her sessions list must name only A's
 * host's web sessions (and her phone, which names no firm), not when and
 * from where she signs in at B; nor may A's host end those.
 */
describe("A firm's host lists and ends the client's sessions of that host alone", () => {
  let firmA: Company;
  let firmB: Company;
  let claire: Member;
  let onA: PortalClient;
  let onB: PortalClient;
  let easy: PortalClient;
  let phone: MobileApp;

  const idsOf = (list: Listed[]) => list.map((entry) => entry.id);
  const listOn = async (client: PortalClient) => {
    const answer = await client.get('/api/me/sessions');
    expect(answer.status).toBe(200);
    return answer.body as Listed[];
  };

  beforeAll(async () => {
    firmA = await createCompany({ name: 'Cabinet Aubert' });
    firmB = await createCompany({ name: 'Cabinet Bonnet' });
    claire = await activeMember(firmA, { name: 'Claire Deux' });
    phone = new MobileApp();
    await phone.signIn(credentialsOf(claire), '4826');
    await addMember(firmB, { email: claire.email, name: claire.name });
    onA = await signedInClient(firmA, claire);
    onB = await signedInClient(firmB, claire);
    easy = easyAccessBrowser();
    expect((await easy.post('/api/auth/login', credentialsOf(claire))).body).toMatchObject({ next: 'select_portal' });
    expect((await easy.post('/api/auth/portal', { portalId: firmA.id })).body).toMatchObject({ next: 'done' });
  });

  test("on A's host, the list holds A's host's web session alone, beside her phone: no session of B's host or the easy access host", async () => {
    const listed = await listOn(onA);

    expect(listed.filter((entry) => entry.kind === 'web')).toEqual([expect.objectContaining({ current: true })]);
    expect(idsOf(listed.filter((entry) => entry.kind === 'mobile'))).toEqual([phone.deviceId]);
  });

  test("on A's host, ending B's host's session answers 404, and it goes on", async () => {
    const everything = await listOn(easy);
    const current = idsOf(await listOn(onA))[0];
    const ofB = (await listOn(onB)).find((entry) => entry.current)!.id;
    expect(idsOf(everything)).toEqual(expect.arrayContaining([current, ofB, phone.deviceId]));
    expect((await onA.post('/api/me/reauthenticate', { password: claire.password })).status).toBe(204);

    expectError(await onA.delete(`/api/me/sessions/${ofB}`), 404, 'not_found');

    expect((await onB.get('/api/me')).status).toBe(200);
  });

  test("on A's host, signing out the other sessions ends A's host's others alone: B's host and the easy access host stay signed in", async () => {
    const againOnA = await signedInClient(firmA, claire);
    expect((await onA.post('/api/me/reauthenticate', { password: claire.password })).status).toBe(204);

    expect((await onA.post('/api/me/sessions/sign-out-others')).status).toBe(204);

    expectError(await againOnA.get('/api/me'), 401, 'unauthenticated');
    expect((await onA.get('/api/me')).status).toBe(200);
    expect((await onB.get('/api/me')).status).toBe(200);
    expect((await easy.get('/api/me')).status).toBe(200);
  });

  test('on the easy access host, where she sees all her portals, she lists and ends them all', async () => {
    const listed = await listOn(easy);
    const ofB = (await listOn(onB)).find((entry) => entry.current)!.id;
    expect(listed.filter((entry) => entry.kind === 'web')).toHaveLength(3);
    expect((await easy.post('/api/me/reauthenticate', { password: claire.password })).status).toBe(204);

    expect((await easy.delete(`/api/me/sessions/${ofB}`)).status).toBe(204);

    expectError(await onB.get('/api/me'), 401);
  });
});
