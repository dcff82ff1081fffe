import { activeMember, browserOn, Company, createCompany, credentialsOf, memberWithTotp, signedInClient, signedInOnEasyAccess } from '../support/factories';
import { anotherMachineAddress } from '../support/portal-client';
import { sharedGateway } from '../support/run-context';

/** The per-user passkey limits: 20 a minute. */
const PER_MINUTE = 20;

/**
 * The attacker is firm A. Its host receives Claire's session cookie there
 * (and, if it caught it, her password). Her passkey ceremonies were limited
 * per user across every host: A spending the budget on its own host refused
 * her passkeys everywhere else for a minute, again and again. Each host now
 * has a budget of its own.
 */
describe('A firm spending a user\'s passkey limits on its own host leaves them whole on every other host', () => {
  let firm: Company;

  beforeAll(async () => {
    firm = await createCompany({ name: 'Aubry Conseil' });
  });

  test.each([
    ['the fresh proof before removing a passkey', '/api/me/passkeys/proof-options'],
    ['making a passkey', '/api/me/passkeys/registration-options'],
  ])('%s', async (_, path) => {
    const claire = await activeMember(firm);
    const onFirmHost = await signedInClient(firm, claire);
    const onEasyAccess = await signedInOnEasyAccess(firm, claire);

    for (let asked = 0; asked < PER_MINUTE; asked++) expect((await onFirmHost.post(path)).status).toBe(200);
    expect((await onFirmHost.post(path)).status).toBe(429);

    // Before the change: 429 here too.
    expect((await onEasyAccess.post(path)).status).toBe(200);
  });

  test('the passkey at the second step of a sign-in: whoever holds her password spends his own address\'s budget, not hers, on any host', async () => {
    const claire = await memberWithTotp(firm);
    const attacker = browserOn(firm.host, sharedGateway(), { sourceAddress: anotherMachineAddress() });
    expect((await attacker.post('/api/auth/login', credentialsOf(claire))).body.next).toBe('totp');
    let spent = 0;
    while ((await attacker.post('/api/auth/totp/passkey-options')).status === 200) spent++;
    expect(spent).toBeGreaterThanOrEqual(PER_MINUTE);

    const hers = browserOn(firm.host, sharedGateway(), { sourceAddress: anotherMachineAddress() });
    expect((await hers.post('/api/auth/login', credentialsOf(claire))).body.next).toBe('totp');

    // Before the change: 429, her own budget spent on this host (and, before that, on every host).
    expect((await hers.post('/api/auth/totp/passkey-options')).status).toBe(200);
  });
});
