import { setTimeout as sleep } from 'node:timers/promises';
import { expectError } from '../support/api-error';
import { activeMember, browserOn, Company, createCompany, credentialsOf, Member, signedInClient, signedInOnEasyAccess } from '../support/factories';
import { MobileApp } from '../support/mobile-app';
import { PortalClient } from '../support/portal-client';
import { ageProofs } from '../support/session-clock';

/** Long enough for identity's announcement of the change to reach the gateway and be applied. */
const ANNOUNCED_MS = 2000;

/**
 * ASVS 5.0 7.4.3: after a password change the user chooses whether their
 * other sessions end. Ending them stays the API's default; keeping them
 * answers their list, so that the user ends those they do not know.
 */
describe('A password change and the other sessions', () => {
  let firm: Company;

  beforeAll(async () => {
    firm = await createCompany({ name: 'Perrin Expertise' });
  });

  const change = (browser: PortalClient, member: Member, newPassword: string, endOtherSessions?: unknown) =>
    browser.post('/api/me/password', { currentPassword: member.password, newPassword, ...(endOtherSessions === undefined ? {} : { endOtherSessions }) });

  test('by default every other session and device ends, as before (204)', async () => {
    const claire = await activeMember(firm);
    const here = await signedInClient(firm, claire);
    const other = await signedInClient(firm, claire);

    const answer = await change(here, claire, `${claire.password}-2`);

    expect(answer.status).toBe(204);
    expectError(await other.get('/api/me'), 401, 'unauthenticated');
  });

  test('kept, the other signed-in web sessions stay and are listed; devices end; the old password opens nothing', async () => {
    const claire = await activeMember(firm);
    const here = await signedInClient(firm, claire);
    const laptop = await signedInClient(firm, claire);
    const phone = new MobileApp();
    await phone.signIn(credentialsOf(claire), '4821');
    const newPassword = `${claire.password}-2`;

    const answer = await change(here, claire, newPassword, false);

    expect(answer.status).toBe(200);
    const listed = answer.body.otherSessions as { id: string; kind: string; current: boolean }[];
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ kind: 'web', current: false });
    await sleep(ANNOUNCED_MS);
    expect((await laptop.get('/api/me')).status).toBe(200);
    expect((await here.get('/api/me')).status).toBe(200);
    expectError(await phone.get('/api/me'), 401);
    expectError(await browserOn(firm.host).post('/api/auth/login', credentialsOf(claire)), 401, 'invalid_credentials');
    expect((await browserOn(firm.host).post('/api/auth/login', { email: claire.email, password: newPassword })).status).toBe(200);
  });

  test("kept on a firm's host, the sessions it cannot list end: an intruder signed in on the easy access host does not stay out of her sight", async () => {
    const claire = await activeMember(firm);
    const here = await signedInClient(firm, claire);
    const laptop = await signedInClient(firm, claire);
    const intruder = await signedInOnEasyAccess(firm, claire);

    const answer = await change(here, claire, `${claire.password}-2`, false);

    expect(answer.status).toBe(200);
    expect(answer.body.otherSessions).toHaveLength(1);
    await sleep(ANNOUNCED_MS);
    expectError(await intruder.get('/api/me'), 401, 'unauthenticated');
    expect((await laptop.get('/api/me')).status).toBe(200);
  });

  test('the change proves the password: a kept session is then ended without another proof', async () => {
    const claire = await activeMember(firm);
    const here = await signedInClient(firm, claire);
    const stranger = await signedInClient(firm, claire);
    expect(await ageProofs(claire.userId, 6)).toBeGreaterThan(0);

    const { otherSessions } = (await change(here, claire, `${claire.password}-2`, false)).body as { otherSessions: { id: string }[] };
    expect((await here.delete(`/api/me/sessions/${otherSessions[0].id}`)).status).toBe(204);

    expectError(await stranger.get('/api/me'), 401, 'unauthenticated');
  });

  test('a choice that is not true or false is bad input, and nothing changes', async () => {
    const claire = await activeMember(firm);
    const here = await signedInClient(firm, claire);

    expectError(await change(here, claire, `${claire.password}-2`, 'no'), 400, 'validation_failed');
    expect((await browserOn(firm.host).post('/api/auth/login', credentialsOf(claire))).status).toBe(200);
  });
});
