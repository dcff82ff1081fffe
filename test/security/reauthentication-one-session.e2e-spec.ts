import { expectError } from '../support/api-error';
import { activeMember, Company, createCompany, credentialsOf, Member, signedInClient, signedInOnEasyAccess } from '../support/factories';
import { MobileApp } from '../support/mobile-app';
import { PortalClient } from '../support/portal-client';
import { ageProofs } from '../support/session-clock';

interface Listed {
  id: string;
  kind: 'web' | 'mobile';
  current: boolean;
}

/**
 * The thief of a session cookie (or of an unlocked phone) that proved nothing
 * for a while ends Claire's own sessions one by one, so that she cannot see
 * or stop what they do: the route that ends one session or forgets one
 * device is as sensitive as "sign out all other sessions", which already
 * asks for a recent proof. Ending the session one holds is signing out, and
 * never asks for one.
 */
describe('Ending one of the user\'s other sessions or devices needs a recent proof', () => {
  let firm: Company;
  let claire: Member;
  let claireBrowser: PortalClient;
  let claireApp: MobileApp;
  let stolen: PortalClient;
  let stolenPhone: MobileApp;

  const listedBy = async (client: PortalClient | MobileApp): Promise<Listed[]> => (await client.get('/api/me/sessions')).body as Listed[];
  const currentOf = async (client: PortalClient | MobileApp): Promise<Listed> => (await listedBy(client)).find((entry) => entry.current)!;

  beforeAll(async () => {
    firm = await createCompany({ name: 'Morel Audit' });
    claire = await activeMember(firm);
    claireBrowser = await signedInClient(firm, claire);
    claireApp = new MobileApp();
    await claireApp.signIn(credentialsOf(claire), '4821');
    stolen = await signedInClient(firm, claire);
    stolenPhone = new MobileApp();
    await stolenPhone.signIn(credentialsOf(claire), '7390');
    expect(await ageProofs(claire.userId, 6)).toBeGreaterThan(0);
  });

  test("the stolen web session cannot end Claire's own web session", async () => {
    const hers = await currentOf(claireBrowser);

    expectError(await stolen.delete(`/api/me/sessions/${hers.id}`), 403, 'reauthentication_required');
    expect((await claireBrowser.get('/api/me')).status).toBe(200);
  });

  test("the stolen web session cannot forget Claire's phone", async () => {
    expectError(await stolen.delete(`/api/me/sessions/${claireApp.deviceId}`), 403, 'reauthentication_required');
    expect((await claireApp.get('/api/me')).status).toBe(200);
  });

  test("the stolen phone cannot forget Claire's phone through the app's route", async () => {
    expectError(await stolenPhone.delete(`/api/mobile/devices/${claireApp.deviceId}`), 403, 'reauthentication_required');
    expect((await claireApp.get('/api/me')).status).toBe(200);
  });

  test('ending the session one holds is signing out: no proof asked, on the web and in the app', async () => {
    const holder = await signedInClient(firm, claire);
    const phone = new MobileApp();
    await phone.signIn(credentialsOf(claire), '5168');
    await ageProofs(claire.userId, 6);

    expect((await holder.delete(`/api/me/sessions/${(await currentOf(holder)).id}`)).status).toBe(204);
    expectError(await holder.get('/api/me'), 401, 'unauthenticated');
    expect((await phone.delete(`/api/mobile/devices/${phone.deviceId}`)).status).toBe(204);
    expectError(await phone.get('/api/me'), 401, 'unauthenticated');
  });

  test('with her password proved again, Claire ends the stolen session and, on the easy access host, forgets the stolen phone', async () => {
    const thief = await currentOf(stolen);
    expect((await claireBrowser.post('/api/me/reauthenticate', { password: claire.password })).status).toBe(204);
    // A firm's host may not forget a device, which serves all her firms: the easy access host may.
    const easy = await signedInOnEasyAccess(firm, claire);

    expect((await claireBrowser.delete(`/api/me/sessions/${thief.id}`)).status).toBe(204);
    expect((await easy.delete(`/api/me/sessions/${stolenPhone.deviceId}`)).status).toBe(204);
    expectError(await stolen.get('/api/me'), 401, 'unauthenticated');
    expectError(await stolenPhone.get('/api/me'), 401, 'unauthenticated');
  });
});
