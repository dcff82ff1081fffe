import { MfaPatterns } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { connect } from 'nats';
import { expectError } from '../support/api-error';
import { infrastructure } from '../support/infrastructure';
import { currentRun } from '../support/run-context';
import { codeForStep, currentStepWithMargin } from '../support/totp';
import { addMember, browserOn, Company, createCompany, credentialsOf, memberWithTotp, signedInOnEasyAccessWithRecoveryCode, TotpMember } from '../support/factories';

/**
 * Firm A serves its own host: it reads the session cookie of a client who
 * signed in there with her code, or with her passkey of that host, and the
 * password she typed. Her code is one for all her firms. With that session,
 * A asked new recovery codes, or turned the code off and set up its own, and
 * got past her second step at firm B, which requires it. New recovery codes
 * and turning the code off are now for the easy access host only.
 */
describe("A firm's host does not change the account's code", () => {
  let firmA: Company;
  let firmB: Company;
  let claire: TotpMember;
  /** Her session on A's host, after her code: what firm A holds. */
  let heldByA: ReturnType<typeof browserOn>;

  beforeAll(async () => {
    firmA = await createCompany({ name: 'Cabinet Curieux' });
    firmB = await createCompany({ name: 'Cabinet Strict', requireTotp: true });
    claire = await memberWithTotp(firmA, { name: 'Claire Double' });
    await addMember(firmB, { email: claire.email, name: claire.name });
    heldByA = browserOn(firmA.host);
    expect((await heldByA.post('/api/auth/login', credentialsOf(claire))).body.next).toBe('totp');
    expect((await heldByA.post('/api/auth/totp', { recoveryCode: claire.recoveryCodes.shift() })).body.next).toBe('done');
  });

  test('new recovery codes: 403 forbidden on a firm host', async () => {
    expectError(await heldByA.post('/api/me/totp/recovery-codes'), 403, 'forbidden');
  });

  test('turning the code off, with the password: 403 forbidden on a firm host, and the code stays', async () => {
    expectError(await heldByA.delete('/api/me/totp', { json: { password: claire.password } }), 403, 'forbidden');

    expect((await heldByA.get('/api/me')).body.user.totpEnabled).toBe(true);
  });

  test('a set-up that reached mfa after her code was on (a view read just before) is never confirmed: 409, and hers stays', async () => {
    const pia = await memberWithTotp(firmA, { name: 'Pia Course' });
    // As a gateway would ask it from a view that still said she had no code.
    const nats = await connect({ servers: infrastructure.natsUrl });
    const mfa = new RpcClient(nats, currentRun().natsSubjectPrefix, 2000);
    const { secret } = await mfa.request(MfaPatterns.beginEnrolment, { userId: pia.userId, issuer: firmA.name, label: pia.email });
    await nats.close();

    expectError(await pia.browser.post('/api/me/totp/confirm', { code: codeForStep(secret, await currentStepWithMargin()) }), 409, 'conflict');

    expect((await pia.browser.get('/api/me')).body.user.totpEnabled).toBe(true);
  });

  test('on the easy access host she does both', async () => {
    const easy = await signedInOnEasyAccessWithRecoveryCode(firmB, claire);

    expect((await easy.post('/api/me/totp/recovery-codes')).status).toBe(200);
    expect((await easy.delete('/api/me/totp', { json: { password: claire.password } })).status).toBe(204);
    expect((await easy.post('/api/me/totp/setup')).status).toBe(200);
  });
});
