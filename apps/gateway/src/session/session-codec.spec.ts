import { decodeSession, encodeSession } from './session-codec';

describe('session codec', () => {
  test('factors and host read back as written, in a few bytes', () => {
    const fields = encodeSession({ factors: ['password', 'totp'], host: 'acme.example.com' });

    expect(fields).toEqual({ f: 'pt', h: 'acme.example.com' });
    expect(decodeSession(fields)).toMatchObject({ factors: ['password', 'totp'], host: 'acme.example.com' });
  });

  test('a session stored before factors and hosts were recorded proved nothing and works on no host', () => {
    expect(decodeSession({ uid: 'u', stage: 'done' })).toMatchObject({ factors: [], host: null });
  });

  test('a mobile access token has no host', () => {
    expect(encodeSession({ host: null })).toEqual({ h: '' });
  });
});
