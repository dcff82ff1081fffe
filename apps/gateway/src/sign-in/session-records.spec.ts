import { ACCESS_TOKEN_SECONDS, mobileRecord, webRecord } from './session-records';

const lifetimes = { SESSION_ABSOLUTE_HOURS: 12, SESSION_IDLE_MINUTES: 30, SIGN_IN_MINUTES: 10 };
const signer = { userId: 'u1', credentialVersion: 3, factors: ['password' as const] };
const now = 1_000_000;

describe(webRecord.name, () => {
  it('gives a sign-in half-way SIGN_IN_MINUTES, without sliding', () => {
    const sut = webRecord(signer, 'totp', 'c1', lifetimes, now);
    expect(sut).toMatchObject({ stage: 'totp', companyId: 'c1', kind: 'web', absoluteExpiresAt: now + 600_000, idleMs: 600_000 });
  });

  it('gives a signed-in session its absolute and idle limits, a fresh banner and no account', () => {
    const sut = webRecord(signer, 'done', 'c1', lifetimes, now);
    expect(sut).toEqual({
      ...signer,
      stage: 'done',
      companyId: 'c1',
      accountId: null,
      bannerDismissed: false,
      kind: 'web',
      createdAt: now,
      lastSeenAt: now,
      absoluteExpiresAt: now + 12 * 3_600_000,
      idleMs: 30 * 60_000,
      deviceId: null,
      // The sign-in that issues it is a proof made now.
      provedAt: now,
      passkeys: [],
    });
  });

  it('keeps the passkeys that proved the signer, so that removing one ends the session', () => {
    expect(webRecord({ ...signer, passkeys: ['p1'] }, 'done', 'c1', lifetimes, now).passkeys).toEqual(['p1']);
  });
});

describe(mobileRecord.name, () => {
  it('issues a short access token of the device, on no host, with a fixed lifetime', () => {
    const sut = mobileRecord({ ...signer, deviceId: 'd1' }, null, now);
    expect(sut).toMatchObject({ stage: 'done', kind: 'mobile', deviceId: 'd1', hostTag: null, idleMs: 0, companyId: null });
    expect(sut.absoluteExpiresAt).toBe(now + ACCESS_TOKEN_SECONDS * 1000);
  });
});
