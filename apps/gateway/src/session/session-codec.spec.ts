import { decodeSession, encodeSession } from './session-codec';

describe('session codec', () => {
  test('factors and host read back as written, in a few bytes', () => {
    const fields = encodeSession({ factors: ['password', 'totp'], hostTag: 'Xq3_9aZk' });

    expect(fields).toEqual({ f: 'pt', h: 'Xq3_9aZk' });
    expect(decodeSession(fields)).toMatchObject({ factors: ['password', 'totp'], hostTag: 'Xq3_9aZk' });
  });

  test('a session stored before factors and hosts were recorded proved nothing and works on no host', () => {
    expect(decodeSession({ uid: 'u', stage: 'done' })).toMatchObject({ factors: [], hostTag: null });
  });

  test('the passkeys that proved the user read back as written; a session of before, or without one, has none', () => {
    const fields = encodeSession({ passkeys: ['p1', 'p2'] });

    expect(fields).toEqual({ pk: 'p1,p2' });
    expect(decodeSession(fields).passkeys).toEqual(['p1', 'p2']);
    expect(decodeSession({ uid: 'u', stage: 'done' }).passkeys).toEqual([]);
  });

  test('a mobile access token has no host', () => {
    expect(encodeSession({ hostTag: null })).toEqual({ h: '' });
  });
});
