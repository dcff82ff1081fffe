import { expectError } from '../support/api-error';
import {
  activeMember,
  browserOn,
  Company,
  createCompany,
  credentialsOf,
  easyAccessBrowser,
  memberWithTotp,
  signedInClient,
  signedInOnEasyAccess,
  TotpMember,
} from '../support/factories';
import { PortalClient } from '../support/portal-client';
import { codeForStep, currentStepWithMargin } from '../support/totp';

type Body = [label: string, body: unknown];

const badCodes: Body[] = [
  ['a code of 5 digits', { code: '12345' }],
  ['a code of 7 digits', { code: '1234567' }],
  ['a code with letters', { code: '12a456' }],
  ['a code with spaces', { code: '123 456' }],
  ['a code as a number', { code: 123456 }],
  ['a code as null', { code: null }],
  ['a code in a list', { code: ['123456'] }],
  ['neither a code nor a recovery code', {}],
  ['another field only', { otp: '123456' }],
];
const badSecondFactors: Body[] = [
  ...badCodes,
  ['a recovery code as a number', { recoveryCode: 1234567890 }],
  ['an empty recovery code', { recoveryCode: '' }],
  ['a recovery code as an object', { recoveryCode: { code: 'abcde-fghjk' } }],
];

/** Whatever the body, these routes answer 400 with an error code: never a 500, never a counted attempt. */
describe('Bad input to the two-factor routes', () => {
  let firm: Company;
  let member: TotpMember;
  let atCodeStep: PortalClient;
  let settings: PortalClient;
  let adminBrowser: PortalClient;
  let mobileLoginToken: string;

  beforeAll(async () => {
    firm = await createCompany({ name: 'Roussel Audit' });
    member = await memberWithTotp(firm);
    atCodeStep = browserOn(firm.host);
    expect((await atCodeStep.post('/api/auth/login', credentialsOf(member))).body).toEqual({ next: 'totp', methods: ['totp', 'passkey'], trustBrowserDays: 30 });
    // On the easy access host, where the account's code changes (a firm's host refuses turning it off before reading the body).
    settings = await signedInOnEasyAccess(firm, await activeMember(firm));
    expect((await settings.post('/api/me/totp/setup')).status).toBe(200);
    adminBrowser = await signedInClient(firm, await activeMember(firm, { role: 'admin' }));
    const mobileLogin = await easyAccessBrowser().post('/api/mobile/login', credentialsOf(member));
    expect(mobileLogin.body).toMatchObject({ next: 'totp' });
    mobileLoginToken = mobileLogin.body.loginToken;
  });

  test.each(badSecondFactors)('POST /api/auth/totp with %s: 400', async (_label, body) => {
    expectError(await atCodeStep.post('/api/auth/totp', body), 400, 'validation_failed');
  });

  test.each(badSecondFactors)('POST /api/mobile/login/totp with %s: 400', async (_label, body) => {
    const answer = await easyAccessBrowser().post('/api/mobile/login/totp', {
      loginToken: mobileLoginToken,
      ...(body as object),
    });

    expectError(answer, 400, 'validation_failed');
  });

  test.each(badCodes)('POST /api/me/totp/confirm with %s: 400', async (_label, body) => {
    expectError(await settings.post('/api/me/totp/confirm', body), 400, 'validation_failed');
  });

  test.each<Body>([
    ['no password', {}],
    ['a password as a number', { password: 1234567890 }],
    ['a password as null', { password: null }],
  ])('DELETE /api/me/totp with %s: 400', async (_label, body) => {
    expectError(await settings.delete('/api/me/totp', { json: body }), 400, 'validation_failed');
  });

  test.each<Body>([
    ['a message as a number', { message: 42 }],
    ['a message as a list', { message: ['help'] }],
    ['a message of 10,000 characters', { message: 'x'.repeat(10_000) }],
  ])('POST /api/auth/totp/help with %s: 400', async (_label, body) => {
    expectError(await atCodeStep.post('/api/auth/totp/help', body), 400, 'validation_failed');
  });

  test.each<Body>([
    ['a reason as a number', { reason: 42 }],
    ['a reason as an object', { reason: { text: 'why' } }],
  ])('POST /api/admin/users/:userId/mfa/disable with %s: 400', async (_label, body) => {
    expectError(await adminBrowser.post(`/api/admin/users/${member.userId}/mfa/disable`, body), 400, 'validation_failed');
  });

  test('malformed JSON: 400', async () => {
    const raw = '{"code": "123456",';

    expectError(await atCodeStep.post('/api/auth/totp', undefined, { raw }), 400);
    expectError(await settings.post('/api/me/totp/confirm', undefined, { raw }), 400);
  });

  test('a user id that is no id names no member: 404', async () => {
    expectError(await adminBrowser.post('/api/admin/users/not-a-user/mfa/disable', {}), 404, 'not_found');
  });

  test('none of it counted: the sign-in still waits for the code, and the right one signs in', async () => {
    expect((await atCodeStep.get('/api/auth/state')).body).toEqual({ next: 'totp', methods: ['totp', 'passkey'], trustBrowserDays: 30 });
    expect((await settings.get('/api/me')).body.user.totpEnabled).toBe(false);

    const verified = await atCodeStep.post('/api/auth/totp', { code: codeForStep(member.secret, await currentStepWithMargin()) });

    expect(verified.body).toMatchObject({ next: 'done' });
  });
});
