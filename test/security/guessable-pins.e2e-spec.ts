import { expectError } from '../support/api-error';
import { expectStatus } from '../support/expect-status';
import { activeMember, Company, createCompany } from '../support/factories';
import { MobileApp } from '../support/mobile-app';

/**
 * The attacker found Claire's phone: the app gives him five PINs before it
 * forgets the device, and he tries the ones people choose most. In the
 * DataGenetics study of 3.4 million 4-digit PINs, 1234, 1111, 0000, 1212 and
 * 7777 alone are one in five. A PIN he would try first is refused when she
 * chooses it; any other 4 digits are taken as before.
 */
describe('A PIN a thief would try first is refused when it is chosen', () => {
  let firm: Company;

  /** Claire's app, signed in and waiting for her to choose a PIN. */
  const waitingForPin = async () => {
    const app = new MobileApp();
    const login = expectStatus(await app.login(await activeMember(firm)), 200, 'mobile login');
    expect(login.body.next).toBe('create_pin');
    return { app, loginToken: login.body.loginToken as string };
  };

  beforeAll(async () => {
    firm = await createCompany({ name: 'Cabinet Serrure' });
  });

  test.each(['1234', '1111', '0000', '1212', '7777', '4321', '6789', '2001', '1004'])('%s: 422 guessable_pin, and the sign-in waits for another', async (pin) => {
    const { app, loginToken } = await waitingForPin();

    expectError(await app.register(loginToken, pin), 422, 'guessable_pin');
    expect((await app.register(loginToken, '8362')).status).toBe(201);
  });

  test('a PIN of no such pattern is taken', async () => {
    const { app, loginToken } = await waitingForPin();

    expect((await app.register(loginToken, '5820')).status).toBe(201);
  });
});
