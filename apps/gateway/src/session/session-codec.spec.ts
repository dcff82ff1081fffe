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

  test('a mobile access token has no host', () => {
    expect(encodeSession({ hostTag: null })).toEqual({ h: '' });
  });
});
