import { setTimeout as sleep } from 'node:timers/promises';
import { expectError } from '../support/api-error';
import { activeMember, addMember, Company, createCompany, credentialsOf, easyAccessBrowser, Member, signedInClient } from '../support/factories';
import { MobileApp } from '../support/mobile-app';
import { PortalClient } from '../support/portal-client';

interface Listed {
  id: string;
  kind: string;
}

/**
 * Firm A serves its own host and may read what it answers. Bea, a client of
 * firm B who uses the app, joins A. On A's host, a phone she registered
 * before she joined A would tell A that she had an account before, so a
 * client of another firm: a newcomer cannot have one. A's host lists her
 * devices registered since she joined A, and the easy access host all of them.
 */
describe("A firm's host lists the client's devices registered since she joined that firm", () => {
  let firmA: Company;
  let firmB: Company;
  let bea: Member;
  let olderPhone: MobileApp;
  let onA: PortalClient;

  const mobileIdsOn = async (client: PortalClient) => {
    const answer = await client.get('/api/me/sessions');
    expect(answer.status).toBe(200);
    return (answer.body as Listed[]).filter((entry) => entry.kind === 'mobile').map((entry) => entry.id);
  };

  beforeAll(async () => {
    firmA = await createCompany({ name: 'Cabinet Arnaud' });
    firmB = await createCompany({ name: 'Cabinet Blanc' });
    bea = await activeMember(firmB, { name: 'Bea Blanc' });
    olderPhone = new MobileApp();
    await olderPhone.signIn(credentialsOf(bea), '2741');
    // Times are kept to the millisecond: the phone's registration comes strictly before the membership.
    await sleep(5);
    await addMember(firmA, { email: bea.email, name: 'Bea Blanc' });
    onA = await signedInClient(firmA, bea);
  });

  test("on A's host, the phone she registered before joining A is not listed; on the easy access host it is", async () => {
    expect(await mobileIdsOn(onA)).toEqual([]);

    const easy = easyAccessBrowser();
    expect((await easy.post('/api/auth/login', credentialsOf(bea))).status).toBe(200);
    expect((await easy.post('/api/auth/portal', { portalId: firmA.id })).body).toMatchObject({ next: 'done' });
    expect(await mobileIdsOn(easy)).toEqual([olderPhone.deviceId]);
  });

  test("on A's host, forgetting that phone answers 404, as for any session not listed there", async () => {
    expect((await onA.post('/api/me/reauthenticate', { password: bea.password })).status).toBe(204);

    expectError(await onA.delete(`/api/me/sessions/${olderPhone.deviceId}`), 404, 'not_found');
  });

  test("a phone registered after she joined A is listed on A's host, but forgotten from the easy access host or the app only: it serves her other firms too", async () => {
    const newerPhone = new MobileApp();
    const login = await newerPhone.login(credentialsOf(bea));
    expect(login.body).toMatchObject({ next: 'create_pin' });
    expect((await newerPhone.register(login.body.loginToken, '8362')).status).toBe(201);
    const listedOnA = ((await onA.get('/api/me/sessions')).body as (Listed & { endableHere: boolean })[]).filter((entry) => entry.kind === 'mobile');
    expect(listedOnA.map(({ id, endableHere }) => ({ id, endableHere }))).toEqual([{ id: newerPhone.deviceId, endableHere: false }]);
    // Her cookie, which A's server reads on its host, just signed in: a recent proof.
    expect((await onA.post('/api/me/reauthenticate', { password: bea.password })).status).toBe(204);

    expectError(await onA.delete(`/api/me/sessions/${newerPhone.deviceId}`), 403, 'forbidden');

    expect((await newerPhone.unlockWithPin('8362')).status).toBe(200);
    const easy = easyAccessBrowser();
    expect((await easy.post('/api/auth/login', credentialsOf(bea))).status).toBe(200);
    expect((await easy.post('/api/auth/portal', { portalId: firmA.id })).body).toMatchObject({ next: 'done' });
    expect((await easy.delete(`/api/me/sessions/${newerPhone.deviceId}`)).status).toBe(204);
  });
});
