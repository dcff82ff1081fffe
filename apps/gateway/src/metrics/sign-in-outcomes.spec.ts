import { signInVerdict } from './sign-in-outcomes';

describe('signInVerdict', () => {
  test.each([
    ['/api/auth/login', 200, { step: 'password', outcome: 'success' }],
    ['/api/auth/login', 401, { step: 'password', outcome: 'wrong_password' }],
    ['/api/mobile/login', 401, { step: 'password', outcome: 'wrong_password' }],
    ['/api/auth/totp', 200, { step: 'code', outcome: 'success' }],
    ['/api/auth/totp', 401, { step: 'code', outcome: 'wrong_code' }],
    ['/api/mobile/login/totp', 429, { step: 'code', outcome: 'lockout' }],
    ['/api/auth/totp', 403, { step: 'code', outcome: 'lockout' }],
  ])('POST %s answered %i is %o', (route, status, verdict) => {
    expect(signInVerdict('POST', route, status, {})).toEqual(verdict);
  });

  test('answers that judge nothing the user typed are no outcome', () => {
    expect(signInVerdict('POST', '/api/auth/login', 400, {})).toBeNull();
    expect(signInVerdict('POST', '/api/auth/totp', 409, {})).toBeNull();
    expect(signInVerdict('GET', '/api/auth/state', 200, undefined)).toBeNull();
    expect(signInVerdict('POST', 'unmatched', 200, undefined)).toBeNull();
  });

  test('a 429 on a password step is no outcome: the per-address limit and the lockout of the email answer alike', () => {
    expect(signInVerdict('POST', '/api/auth/login', 429, { email: 'claire.durand@example.com', password: 'x' })).toBeNull();
    expect(signInVerdict('POST', '/api/mobile/login', 429, { email: 'claire.durand@example.com', password: 'x' })).toBeNull();
  });

  test('a mobile sign-in with a Google ID token is the google step', () => {
    const sut = signInVerdict('POST', '/api/mobile/login', 200, { googleIdToken: 'header.payload.signature' });

    expect(sut).toEqual({ step: 'google', outcome: 'success' });
  });
});
