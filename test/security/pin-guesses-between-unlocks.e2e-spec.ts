import { expectError } from '../support/api-error';
import { queryRunDatabase } from '../support/databases';
import { activeMember, Company, createCompany } from '../support/factories';
import { MobileApp } from '../support/mobile-app';
import { anotherMachineAddress } from '../support/portal-client';

const PIN = '3579';

/**
 * Someone copied what Claire's app keeps (its device secret: a backup, a
 * rooted phone), but not her PIN. Five wrong PINs in a row revoke the
 * device, and her own right PIN ends the run: four guesses, then wait for
 * her next unlock, then four more, with no end. Wrong PINs are also counted
 * over 30 days, which her right PIN does not reset: ten revoke the device.
 */
describe('Wrong PINs sent between her own unlocks', () => {
  let firm: Company;

  /** Her app, and a copy of it on another machine. */
  const claireAndCopy = async (name: string) => {
    const claires = new MobileApp(undefined, { sourceAddress: anotherMachineAddress() });
    await claires.signIn(await activeMember(firm, { name }), PIN);
    const copy = new MobileApp(undefined, { sourceAddress: anotherMachineAddress() });
    copy.device = { ...claires.device! };
    return { claires, copy };
  };

  /** Four wrong PINs from the copy, stopping short of the run's fifth, then Claire's right one. */
  const roundOfGuesses = async (claires: MobileApp, copy: MobileApp, first: number) => {
    for (let guess = first; guess < first + 4; guess += 1) {
      expectError(await copy.unlockWithPin(String(guess).padStart(4, '0')), 401, 'invalid_pin');
    }
    expect((await claires.unlockWithPin(PIN)).status).toBe(200);
  };

  beforeAll(async () => {
    firm = await createCompany({ name: 'Cabinet Prunier' });
  });

  test('after two rounds of four guesses, the copy is told one attempt is left, and its tenth wrong PIN revokes her device', async () => {
    const { claires, copy } = await claireAndCopy('Claire Prunier');
    await roundOfGuesses(claires, copy, 0);
    await roundOfGuesses(claires, copy, 4);

    const ninth = await copy.unlockWithPin('0008');
    expectError(ninth, 401, 'invalid_pin');
    expect(ninth.body.attemptsLeft).toBe(1);

    expectError(await copy.unlockWithPin('0009'), 401, 'device_revoked');
    expectError(await claires.unlockWithPin(PIN), 401, 'device_revoked');
  });

  test('wrong PINs older than 30 days count no more: her typos of last month do not revoke her device', async () => {
    const { claires, copy } = await claireAndCopy('Paul Prunier');
    await roundOfGuesses(claires, copy, 0);
    await roundOfGuesses(claires, copy, 4);
    await queryRunDatabase(`update identity.devices set recent_wrong_pins_since = now() - interval '31 days' where id = ?`, [claires.deviceId]);

    const typo = await claires.unlockWithPin('0008');

    expectError(typo, 401, 'invalid_pin');
    expect(typo.body.attemptsLeft).toBe(4);
    expect((await claires.unlockWithPin(PIN)).status).toBe(200);
  });
});
