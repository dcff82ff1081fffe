import { expectError } from '../support/api-error';
import { activeMember, Company, createCompany, Member, signedInClient, signedInOnEasyAccess, strongPassword } from '../support/factories';
import { MobileApp } from '../support/mobile-app';

/** What ends a device: wrong PINs, a new password, or the user forgetting it. */
describe('A mobile device stops opening the app', () => {
  const pin = '2749';
  let firm: Company;

  beforeAll(async () => {
    firm = await createCompany({ name: 'Gauthier Conseil' });
  });

  const appOf = async (member: Member): Promise<MobileApp> => {
    const app = new MobileApp();
    await app.signIn(member, pin);
    return app;
  };

  test('after 5 wrong PINs in a row: attempts left 4, 3, 2, 1, then device_revoked, even for the right PIN or Face ID', async () => {
    const app = await appOf(await activeMember(firm));
    expect((await app.enableFaceId()).status).toBe(204);

    const answers = [];
    for (const wrongPin of ['0000', '1111', '2222', '3333', '4444']) answers.push(await app.unlockWithPin(wrongPin));

    for (const answer of answers.slice(0, 4)) expectError(answer, 401, 'invalid_pin');
    expect(answers.slice(0, 4).map((answer) => answer.body.attemptsLeft)).toEqual([4, 3, 2, 1]);
    expectError(answers[4], 401, 'device_revoked');
    expectError(await app.unlockWithPin(pin), 401, 'device_revoked');
    expectError(await app.unlockWithFaceId(), 401, 'device_revoked');
  });

  test('the access token the device still held ends with it', async () => {
    const app = await appOf(await activeMember(firm));
    expect((await app.get('/api/me/sessions')).status).toBe(200);

    for (const wrongPin of ['0000', '1111', '2222', '3333', '4444']) await app.unlockWithPin(wrongPin);

    expectError(await app.get('/api/me/sessions'), 401, 'unauthenticated');
  });

  test('the access token ends also when the wrong PINs name the device in capitals, and so does its forget', async () => {
    const thief = await appOf(await activeMember(firm));
    const shouted = thief.deviceId.toUpperCase();

    for (const wrongPin of ['0000', '1111', '2222', '3333', '4444']) await thief.unlockWithPin(wrongPin, { ...thief.device!, deviceId: shouted });

    expectError(await thief.get('/api/me/sessions'), 401, 'unauthenticated');
    const owner = await appOf(await activeMember(firm));
    expect((await owner.delete(`/api/mobile/devices/${owner.deviceId.toUpperCase()}`)).status).toBe(204);
    expectError(await owner.get('/api/me/sessions'), 401, 'unauthenticated');
  });

  test('a right PIN ends a run of wrong ones', async () => {
    const app = await appOf(await activeMember(firm));
    for (const wrongPin of ['0000', '1111', '2222', '3333']) await app.unlockWithPin(wrongPin);
    expect((await app.unlockWithPin(pin)).status).toBe(200);

    const wrong = await app.unlockWithPin('0000');

    expectError(wrong, 401, 'invalid_pin');
    expect(wrong.body.attemptsLeft).toBe(4);
  });

  test('Face ID opens the app without ending a run of wrong PINs: the fifth wrong one still revokes', async () => {
    const app = await appOf(await activeMember(firm));
    expect((await app.enableFaceId()).status).toBe(204);
    for (const wrongPin of ['0000', '1111', '2222', '3333']) await app.unlockWithPin(wrongPin);

    expect((await app.unlockWithFaceId()).status).toBe(200);

    expectError(await app.unlockWithPin('4444'), 401, 'device_revoked');
  });

  test('five wrong PINs sent at once are counted one after another: the device is revoked, each answer a different count', async () => {
    const app = await appOf(await activeMember(firm));

    const answers = await Promise.all(['0000', '1111', '2222', '3333', '4444'].map((wrongPin) => app.unlockWithPin(wrongPin)));

    const outcomes = answers.map((answer) => (answer.body.error === 'invalid_pin' ? answer.body.attemptsLeft : answer.body.error));
    expect(outcomes.sort()).toEqual([1, 2, 3, 4, 'device_revoked']);
    expectError(await app.unlockWithPin(pin), 401, 'device_revoked');
  });

  describe('a password change from the web', () => {
    let member: Member;
    let app: MobileApp;
    let othersApp: MobileApp;
    const newPassword = strongPassword();

    beforeAll(async () => {
      member = await activeMember(firm);
      app = await appOf(member);
      expect((await app.enableFaceId()).status).toBe(204);
      othersApp = await appOf(await activeMember(firm));
      const web = await signedInClient(firm, member);
      expect((await web.post('/api/me/password', { currentPassword: member.password, newPassword })).status).toBe(204);
    });

    test('makes the device answer credentials_changed, by PIN or Face ID', async () => {
      expectError(await app.unlockWithPin(pin), 401, 'credentials_changed');
      expectError(await app.unlockWithFaceId(), 401, 'credentials_changed');
    });

    test("ends the device's access token", async () => {
      expectError(await app.get('/api/me'), 401, 'unauthenticated');
    });

    test("leaves another user's device working", async () => {
      const unlocked = await othersApp.unlockWithPin(pin);

      expect(unlocked.status).toBe(200);
      expect((await othersApp.get('/api/me')).status).toBe(200);
    });

    test('the new password sets the app up again', async () => {
      const again = new MobileApp();

      await again.signIn({ email: member.email, password: newPassword }, pin);

      expect((await again.unlockWithPin(pin)).status).toBe(200);
    });
  });

  test('the app forgets its device: 204, then it cannot unlock and its access token ends', async () => {
    const app = await appOf(await activeMember(firm));

    const forgotten = await app.delete(`/api/mobile/devices/${app.deviceId}`);

    expect(forgotten.status).toBe(204);
    expectError(await app.get('/api/me'), 401, 'unauthenticated');
    expectError(await app.unlockWithPin(pin), 401);
  });

  test('the user forgets the device from the web, on the easy access host: it leaves the list and cannot unlock', async () => {
    const member = await activeMember(firm);
    const app = await appOf(member);
    // A firm's host lists it but may not forget it: the app serves all her firms (devices-listed-per-firm.e2e-spec.ts).
    const web = await signedInOnEasyAccess(firm, member);
    const listed = await web.get('/api/me/sessions');
    const listedDevice = expect.objectContaining({ id: app.deviceId, kind: 'mobile', current: false });
    expect(listed.body).toEqual(expect.arrayContaining([listedDevice]));

    const forgotten = await web.delete(`/api/me/sessions/${app.deviceId}`);

    expect(forgotten.status).toBe(204);
    expectError(await app.unlockWithPin(pin), 401);
    expectError(await app.get('/api/me'), 401, 'unauthenticated');
    expect((await web.get('/api/me/sessions')).body.map((session: { id: string }) => session.id)).not.toContain(app.deviceId);
  });

  test("another user's device cannot be forgotten: 404, and it still unlocks", async () => {
    const app = await appOf(await activeMember(firm));
    const stranger = await appOf(await activeMember(firm));

    expectError(await stranger.delete(`/api/mobile/devices/${app.deviceId}`), 404, 'not_found');
    expectError(await stranger.delete(`/api/me/sessions/${app.deviceId}`), 404, 'not_found');

    expect((await app.unlockWithPin(pin)).status).toBe(200);
  });
});
