import { DomainError, ErrorCode, PasskeyCredential, PasskeyPatterns, RequestContract } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { SoftwareAuthenticator } from '../../../../test/support/software-authenticator';
import { RateLimiter } from '../rate-limit/rate-limiter';
import { PasskeyAuthentication } from './passkey-authentication.service';
import { Ceremony, PasskeyChallenges, PendingCeremony } from './passkey-challenges';
import { PasskeyKey, PasskeyKeys } from './passkey-keys';
import { PasskeyRegistration } from './passkey-registration.service';
import { relyingPartyFor } from './relying-party';
import { TrustedBrowserStore } from '../trusted-browsers/trusted-browser.store';

const TEMPLATE = 'https://{host}';
const HOST = 'dupont.example.com';
const CONFIG = { PORTAL_ORIGIN_TEMPLATE: TEMPLATE, EASY_ACCESS_HOST: 'access.example.com', MOBILE_ANDROID_CERT_SHA256: [] };
const RP = relyingPartyFor(HOST, CONFIG);
const CLAIRE = '6f1c1d5e-3c1a-4d8e-9a51-0c3c3b7d2a10';
const origin = (host: string) => `https://${host}`;

/** Identity's passkey table, in memory, with the same refusals. */
class FakeIdentity {
  readonly passkeys: PasskeyCredential[] = [];
  /** What else happens once a use is recorded, before the gateway hears the answer. */
  afterUse = async (): Promise<void> => undefined;

  async request<C extends RequestContract>(contract: C, payload: Record<string, unknown>): Promise<unknown> {
    const byCredential = this.passkeys.find((passkey) => passkey.credentialId === payload.credentialId && passkey.rpId === payload.rpId);
    switch (contract.pattern) {
      case PasskeyPatterns.list.pattern:
        return this.passkeys.filter((passkey) => passkey.userId === payload.userId && passkey.rpId === payload.rpId);
      case PasskeyPatterns.register.pattern: {
        const passkey = { ...(payload as unknown as PasskeyCredential), id: `${this.passkeys.length + 1}`, createdAt: '', lastUsedAt: null };
        this.passkeys.push(passkey);
        return passkey;
      }
      case PasskeyPatterns.find.pattern:
        if (!byCredential) throw new DomainError(ErrorCode.NotFound, 'No such passkey.');
        return byCredential;
      case PasskeyPatterns.recordUse.pattern: {
        const passkey = this.passkeys.find((candidate) => candidate.id === payload.passkeyId);
        if (!passkey) throw new DomainError(ErrorCode.NotFound, 'No such passkey.');
        const counter = payload.counter as number;
        if (!(counter > passkey.counter || (counter === 0 && passkey.counter === 0))) throw new DomainError(ErrorCode.InvalidPasskey, 'went back');
        passkey.counter = counter;
        await this.afterUse();
        return { owner: { id: passkey.userId } };
      }
      default:
        throw new Error(`unexpected ${contract.pattern}`);
    }
  }
}

class FakeChallenges {
  readonly pending = new Map<string, PendingCeremony>();

  async remember(ceremony: Ceremony, challenge: string, pending: PendingCeremony): Promise<void> {
    this.pending.set(`${ceremony}:${challenge}`, pending);
  }

  async take(ceremony: Ceremony, challenge: string): Promise<PendingCeremony | null> {
    const pending = this.pending.get(`${ceremony}:${challenge}`) ?? null;
    this.pending.delete(`${ceremony}:${challenge}`);
    return pending;
  }
}

class FakeKeys {
  readonly kept = new Map<string, PasskeyKey>();

  async get(rpId: string, credentialId: string): Promise<PasskeyKey | null> {
    return this.kept.get(`${rpId} ${credentialId}`) ?? null;
  }

  async remember(rpId: string, key: PasskeyKey): Promise<void> {
    this.kept.set(`${rpId} ${key.credentialId}`, key);
  }

  async forget(rpId: string, credentialId: string): Promise<void> {
    this.kept.delete(`${rpId} ${credentialId}`);
  }
}

const codeOf = (promise: Promise<unknown>) => promise.then(() => 'accepted', (error: DomainError) => error.code);

describe(PasskeyAuthentication.name, () => {
  let identity: FakeIdentity;
  let keys: FakeKeys;
  let sut: PasskeyAuthentication;
  let phone: SoftwareAuthenticator;

  beforeEach(async () => {
    identity = new FakeIdentity();
    const challenges = new FakeChallenges() as unknown as PasskeyChallenges;
    const rpc = identity as unknown as RpcClient;
    const limiter = { hit: async () => undefined } as unknown as RateLimiter;
    keys = new FakeKeys();
    sut = new PasskeyAuthentication(rpc, challenges, keys as unknown as PasskeyKeys);
    phone = new SoftwareAuthenticator();
    const trustedBrowsers = { removeAll: async () => undefined } as unknown as TrustedBrowserStore;
    const registration = new PasskeyRegistration(rpc, challenges, limiter, trustedBrowsers);
    const rp = relyingPartyFor(HOST, CONFIG, 'Cabinet Dupont');
    const options = await registration.options(rp, { id: CLAIRE, email: 'claire@example.com', name: 'Claire' });
    await registration.verify(rp, CLAIRE, phone.create(options, origin(HOST)), { fallback: 'Passkey' });
  });

  test('usernameless: options name no credential, and the assertion tells whose passkey it was', async () => {
    const options = await sut.options(HOST);

    expect(options).toMatchObject({ rpId: HOST, userVerification: 'required', allowCredentials: [] });
    await expect(sut.verifyAuthentication(RP, phone.assert(options, origin(HOST)))).resolves.toEqual({
      userId: CLAIRE,
      user: { id: CLAIRE },
      credentialId: phone.newestFor(HOST).credentialId,
      passkeyId: '1',
    });
  });

  test('the key is kept after a sign-in; once the passkey is removed, the kept key signs in no more and is forgotten', async () => {
    await sut.verifyAuthentication(RP, phone.assert(await sut.options(HOST), origin(HOST)));
    expect(keys.kept.size).toBe(1);

    identity.passkeys.length = 0;

    expect(await codeOf(sut.verifyAuthentication(RP, phone.assert(await sut.options(HOST), origin(HOST))))).toBe('invalid_passkey');
    expect(keys.kept.size).toBe(0);
  });

  test('a removal announced while the first sign-in records its use leaves no key kept behind it', async () => {
    identity.afterUse = async () => {
      identity.passkeys.length = 0;
      await keys.forget(HOST, phone.newestFor(HOST).credentialId);
    };

    expect(await codeOf(sut.verifyAuthentication(RP, phone.assert(await sut.options(HOST), origin(HOST))))).toBe('accepted');
    expect(keys.kept.size).toBe(0);
  });

  test("for a known user (second factor), the options list that user's passkeys on this host", async () => {
    const options = await sut.options(HOST, CLAIRE);

    expect(options.allowCredentials).toEqual([expect.objectContaining({ id: phone.newestFor(HOST).credentialId })]);
    await expect(sut.verifyAuthentication(RP, phone.assert(options, origin(HOST)))).resolves.toMatchObject({ userId: CLAIRE });
  });

  test('a challenge issued for another user refuses this passkey', async () => {
    const options = await sut.options(HOST, '0b8e8a43-7a8f-4f0e-bb5d-2f7a9f0c1e22');

    expect(await codeOf(sut.verifyAuthentication(RP, phone.assert(options, origin(HOST))))).toBe('invalid_passkey');
  });

  test('answered once only, and only on the host that issued it', async () => {
    const options = await sut.options(HOST);
    const assertion = phone.assert(options, origin(HOST));

    expect(await codeOf(sut.verifyAuthentication(relyingPartyFor('martin.example.com', CONFIG), assertion))).toBe('passkey_challenge_expired');
    const again = phone.assert(await sut.options(HOST), origin(HOST));
    expect(await codeOf(sut.verifyAuthentication(RP, again))).toBe('accepted');
    expect(await codeOf(sut.verifyAuthentication(RP, again))).toBe('passkey_challenge_expired');
  });

  test.each([
    ['another origin', { origin: 'https://evil.example' }],
    ['another RP ID', { rpId: 'evil.example' }],
    ['no user verification', { userVerified: false }],
    ['a counter that went back', { counter: 0 }],
  ])('%s: invalid_passkey', async (_case, tampering) => {
    const assertion = phone.assert(await sut.options(HOST), origin(HOST), tampering);

    expect(await codeOf(sut.verifyAuthentication(RP, assertion))).toBe('invalid_passkey');
  });

  test('a user handle naming someone else: invalid_passkey', async () => {
    const assertion = phone.assert(await sut.options(HOST), origin(HOST));
    assertion.response.userHandle = Buffer.from('someone-else').toString('base64url');

    expect(await codeOf(sut.verifyAuthentication(RP, assertion))).toBe('invalid_passkey');
  });
});
