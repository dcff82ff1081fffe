import { expectError } from '../support/api-error';
import {
  activate,
  addMember,
  browserOn,
  Company,
  createCompany,
  enrolTotp,
  signedInClient,
  signedInOnEasyAccess,
  strongPassword,
  uniqueEmail,
} from '../support/factories';
import { MobileApp } from '../support/mobile-app';
import { PortalClient } from '../support/portal-client';
import { codeForStep, currentStepWithMargin } from '../support/totp';

/** A client of a lax firm and of a firm that requires 2FA, not yet enrolled. */
async function clientOfBoth(lax: Company, strict: Company): Promise<{ email: string; password: string }> {
  const client = { email: uniqueEmail('claire'), password: strongPassword() };
  const invitation = await addMember(lax, { email: client.email, name: 'Claire Fabre' });
  await activate(browserOn(lax.host), invitation.token!, client.password);
  await addMember(strict, { email: client.email, name: 'Claire Fabre' });
  return client;
}

/**
 * "Require 2FA" asks that the session or device that enters passed a second
 * factor, not that the user has one: the attacker holds a session or device
 * opened with the password alone, before the user enrolled.
 */
describe('A portal that requires 2FA admits only what passed a second factor', () => {
  const pin = '7391';
  let lax: Company;
  let strict: Company;

  beforeAll(async () => {
    lax = await createCompany({ name: 'Fabre Comptable' });
    strict = await createCompany({ name: 'Fabre Gestion', requireTotp: true });
  });

  describe('on the web', () => {
    let client: { email: string; password: string };
    let passwordOnly: PortalClient;
    let enrolling: PortalClient;

    beforeAll(async () => {
      client = await clientOfBoth(lax, strict);
      // On the easy access host, where a session may switch portals.
      passwordOnly = await signedInOnEasyAccess(lax, client);
      enrolling = await signedInOnEasyAccess(lax, client);
    });

    test('before the user enrols, the password-only session is refused with totp_required', async () => {
      expectError(await passwordOnly.post('/api/me/portal', { portalId: strict.id }), 403, 'totp_required');
    });

    test('once the user enrolled elsewhere, the password-only session does not enter either: it has ended', async () => {
      await enrolTotp(enrolling);

      expectError(await passwordOnly.post('/api/me/portal', { portalId: strict.id }), 401, 'unauthenticated');
      expectError(await passwordOnly.get('/api/me'), 401, 'unauthenticated');
    });

    test('the session that confirmed the enrolment passed the code: it stays and enters', async () => {
      const switched = await enrolling.post('/api/me/portal', { portalId: strict.id });

      expect(switched.status).toBe(200);
      expect(switched.body.portal.id).toBe(strict.id);
    });
  });

  describe('on the mobile app', () => {
    let client: { email: string; password: string };
    const registeredBefore = new MobileApp();
    const registeredAfter = new MobileApp();
    let secret: string;

    beforeAll(async () => {
      client = await clientOfBoth(lax, strict);
      await registeredBefore.signIn(client, pin);
    });

    test('a device registered with the password alone cannot choose the portal that requires 2FA', async () => {
      expectError(await registeredBefore.post('/api/me/portal', { portalId: strict.id }), 403, 'totp_required');
    });

    test('once the user enrolled on the web, that device opens nothing: it has ended', async () => {
      ({ secret } = await enrolTotp(await signedInClient(lax, client)));

      expectError(await registeredBefore.post('/api/me/portal', { portalId: strict.id }), 401, 'unauthenticated');
      const unlocked = await registeredBefore.unlockWithPin(pin);
      expect(unlocked.status).toBe(401);
      expect(unlocked.body.error).toMatch(/^(credentials_changed|device_revoked)$/);
    });

    test('a device whose sign-in passed the code enters the portal that requires 2FA, and unlocks into it', async () => {
      const code = codeForStep(secret, await currentStepWithMargin());
      await registeredAfter.signInWithSecondFactor(client, { code }, pin);

      expect((await registeredAfter.post('/api/me/portal', { portalId: strict.id })).status).toBe(200);
      const unlocked = await registeredAfter.unlockWithPin(pin);
      expect(unlocked.body).toMatchObject({ next: 'done' });
      expect((await registeredAfter.get('/api/me')).body.portal.id).toBe(strict.id);
    });

    test('a device whose own session turned 2FA on passed the code: it stays, and enters', async () => {
      const phone = new MobileApp();
      await phone.signIn(await clientOfBoth(lax, strict), pin);
      expect((await phone.post('/api/me/portal', { portalId: lax.id })).status).toBe(200);
      const { secret: phoneSecret } = (await phone.post('/api/me/totp/setup')).body as { secret: string };
      const step = await currentStepWithMargin();
      expect((await phone.post('/api/me/totp/confirm', { code: codeForStep(phoneSecret, step - 1) })).status).toBe(200);

      expect((await phone.post('/api/me/portal', { portalId: strict.id })).status).toBe(200);
      expect((await phone.unlockWithPin(pin)).body).toMatchObject({ next: 'done' });
      expect((await phone.get('/api/me')).body.portal.id).toBe(strict.id);
    });
  });
});
