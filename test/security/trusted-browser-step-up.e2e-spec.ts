import { expectError } from '../support/api-error';
import { addMember, browserOn, Company, createCompany, credentialsOf, memberWithTotp, TotpMember } from '../support/factories';
import { registeredPasskey } from '../support/passkeys';
import { anotherMachineAddress, PortalClient } from '../support/portal-client';
import { SoftwareAuthenticator } from '../support/software-authenticator';

const TRUST_COOKIE = 'portal_trust';
const browserAt = (host: string): PortalClient => browserOn(host, undefined, { sourceAddress: anotherMachineAddress() });

/**
 * A trusted browser spares the code at sign-in on its portal, and vouches for
 * nothing more. Mallory has Claire's password and a copy of the trust cookie
 * of the office computer where Claire ticked "don't ask again" on a firm that
 * does not require 2FA; Claire is also the client of a firm that does. The
 * session Mallory opens there without a code must not mint the second factors
 * (recovery codes, a passkey) that would open the strict firm's portal, nor
 * turn 2FA off, nor change the password, nor remove or rename a passkey:
 * those need a code, a recovery code or a passkey given in it.
 */
describe('A session a trusted browser spared the code', () => {
  let lax: Company;
  let strict: Company;

  /** Claire, client of both firms, with 2FA on: a new one for each spec, whose recovery codes no other spec spends. */
  const clientOfBoth = async (): Promise<TotpMember> => {
    const claire = await memberWithTotp(lax);
    await addMember(strict, { email: claire.email, name: claire.name });
    return claire;
  };

  /** Mallory's browser on the lax firm's host, signed in with Claire's password and the copied trust cookie: no code asked. */
  const malloryWithTrust = async (claire: TotpMember): Promise<PortalClient> => {
    const office = browserAt(lax.host);
    expect((await office.post('/api/auth/login', credentialsOf(claire))).body.next).toBe('totp');
    const trusted = await office.post('/api/auth/totp', { recoveryCode: claire.recoveryCodes.pop(), trustBrowser: true });
    expect(trusted.body.next).toBe('done');
    const mallory = browserAt(lax.host);
    mallory.cookies.store([`${TRUST_COOKIE}=${office.cookies.get(TRUST_COOKIE)!.value}; Path=/; HttpOnly`]);
    expect((await mallory.post('/api/auth/login', credentialsOf(claire))).body.next).toBe('done');
    return mallory;
  };

  beforeAll(async () => {
    lax = await createCompany({ name: 'Lemaire Conseil' });
    strict = await createCompany({ name: 'Garnier Avocats', requireTotp: true });
  });

  test('cannot make new recovery codes: refused on a firm host, whatever the session proved', async () => {
    const claire = await clientOfBoth();
    const mallory = await malloryWithTrust(claire);

    expectError(await mallory.post('/api/me/totp/recovery-codes'), 403, 'forbidden');
  });

  test('cannot add a passkey', async () => {
    const claire = await clientOfBoth();
    const mallory = await malloryWithTrust(claire);

    expectError(await mallory.post('/api/me/passkeys/registration-options'), 403, 'reauthentication_required');
  });

  test('cannot turn 2FA off with the password alone: it stays on', async () => {
    const claire = await clientOfBoth();
    const mallory = await malloryWithTrust(claire);

    // Refused on a firm's host whatever the session proved (the code changes on the easy access host).
    expectError(await mallory.delete('/api/me/totp', { json: { password: claire.password } }), 403, 'forbidden');
    expect((await browserAt(strict.host).post('/api/auth/login', credentialsOf(claire))).body.next).toBe('totp');
  });

  test("cannot change the password, which would end Claire's sessions and devices and lock her out of it: her session stays", async () => {
    const claire = await clientOfBoth();
    const mallory = await malloryWithTrust(claire);

    const changed = await mallory.post('/api/me/password', { currentPassword: claire.password, newPassword: 'Mallory-owns-this-now-42' });
    expectError(changed, 403, 'reauthentication_required');
    expect((await claire.browser.get('/api/me')).status).toBe(200);
  });

  test("cannot remove or rename Claire's passkey with the password: a removed passkey would let Mallory set up her own code", async () => {
    const claire = await clientOfBoth();
    const card = await registeredPasskey(claire.browser, new SoftwareAuthenticator(), 'Téléphone de Claire');
    const mallory = await malloryWithTrust(claire);

    expectError(await mallory.delete(`/api/me/passkeys/${card.id}`, { json: { password: claire.password } }), 403, 'reauthentication_required');
    expectError(await mallory.request('PATCH', `/api/me/passkeys/${card.id}`, { json: { name: 'Ancienne clé, à supprimer' } }), 403, 'reauthentication_required');
    expect(((await claire.browser.get('/api/me/passkeys')).body as { id: string; name: string }[]).map(({ id, name }) => ({ id, name }))).toEqual([
      { id: card.id, name: 'Téléphone de Claire' },
    ]);
  });

  test('the password proves again who is there, not the factor the trust spared', async () => {
    const claire = await clientOfBoth();
    const mallory = await malloryWithTrust(claire);

    const withPassword = await mallory.post('/api/me/reauthenticate', { password: claire.password });
    expectError(withPassword, 403, 'reauthentication_required');
    expect(withPassword.body.needs).toBe('second_factor');
    expectError(await mallory.post('/api/me/passkeys/registration-options'), 403, 'reauthentication_required');
  });

  test('Claire, on her trusted browser, gives a recovery code, and may then make a passkey (new codes are made on the easy access host)', async () => {
    const claire = await clientOfBoth();
    const office = await malloryWithTrust(claire);

    expect((await office.post('/api/me/reauthenticate', { recoveryCode: claire.recoveryCodes.pop() })).status).toBe(204);
    expect((await office.post('/api/me/passkeys/registration-options')).status).toBe(200);
    expectError(await office.post('/api/me/totp/recovery-codes'), 403, 'forbidden');
  });
});
