import { expectError } from '../support/api-error';
import { activeMember, Company, createCompany } from '../support/factories';
import { MobileApp, newFaceIdKeys, signChallenge, spkiOf } from '../support/mobile-app';
import { anotherMachineAddress } from '../support/portal-client';

const PIN = '2468';

/**
 * Someone copied what Claire's app keeps (its device secret and a live
 * access token: a backup, a rooted phone), but not her PIN. With "enable
 * Face ID" alone they would put a key of their own on her device, then open
 * her app whenever they like, never knowing the PIN. Setting the key takes
 * the PIN, counted with the unlocks' wrong ones.
 */
describe('Putting a Face ID key on a device takes its PIN', () => {
  let firm: Company;
  let claires: MobileApp;
  /** The copy: the same device and access token, on another machine. */
  let copy: MobileApp;
  const intruderKeys = newFaceIdKeys();

  const setKey = (app: MobileApp, body: Record<string, unknown>) => app.post(`/api/mobile/devices/${app.deviceId}/biometrics`, body);

  beforeAll(async () => {
    firm = await createCompany({ name: 'Clef Conseil' });
    claires = new MobileApp(undefined, { sourceAddress: anotherMachineAddress() });
    await claires.signIn(await activeMember(firm, { name: 'Claire Clef' }), PIN);
    expect((await claires.enableFaceId(PIN)).status).toBe(204);
    copy = new MobileApp(undefined, { sourceAddress: anotherMachineAddress() });
    copy.device = { ...claires.device! };
    copy.accessToken = claires.accessToken;
  });

  test('without the PIN, the copy cannot put its own key: 400 validation_failed, and its signatures open nothing', async () => {
    expectError(await setKey(copy, { publicKey: spkiOf(intruderKeys) }), 400, 'validation_failed');

    expectError(await copy.unlockWithFaceId(intruderKeys), 401, 'invalid_signature');
  });

  test('with a wrong PIN: 401 invalid_pin, counted as an unlock\'s wrong PIN', async () => {
    const answer = await setKey(copy, { publicKey: spkiOf(intruderKeys), deviceSecret: copy.device!.deviceSecret, pin: '0000' });

    expectError(answer, 401, 'invalid_pin');
    expect(answer.body.attemptsLeft).toBe(4);
    const next = await claires.unlockWithPin('1111');
    expectError(next, 401, 'invalid_pin');
    expect(next.body.attemptsLeft).toBe(3);
  });

  test('Claire\'s own Face ID still opens her app, and her PIN ends the run of wrong ones', async () => {
    expect((await claires.unlockWithFaceId()).status).toBe(200);
    expect((await claires.unlockWithPin(PIN)).status).toBe(200);
  });

  test('a new key with the right PIN replaces hers, as when she enrols her face again', async () => {
    const challenge = await claires.challenge();
    const newKeys = newFaceIdKeys();
    expect((await setKey(claires, { publicKey: spkiOf(newKeys), deviceSecret: claires.device!.deviceSecret, pin: PIN })).status).toBe(204);

    expectError(await claires.unlock({ ...claires.device, challenge, signature: signChallenge(claires.keys, challenge) }), 401, 'invalid_signature');
    expect((await claires.unlockWithFaceId(newKeys)).status).toBe(200);
  });
});
