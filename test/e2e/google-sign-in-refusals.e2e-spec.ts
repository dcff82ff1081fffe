import Redis from 'ioredis';
import { createHash, randomBytes } from 'node:crypto';
import { expectError } from '../support/api-error';
import { activeMember, Company, createCompany, easyAccessBrowser, Member, signedInClient, uniqueEmail } from '../support/factories';
import { infrastructure } from '../support/infrastructure';
import { RedirectingBrowser } from '../support/oidc-browser';
import { GoogleStack, startGoogleStack } from '../support/oidc-stack';

/** Short, so that a hung Google costs the spec little; far above what a local exchange takes. */
const GOOGLE_TIMEOUT_MS = 1500;

/** What must never sign anyone in, nor link a Google account: each ends on the front end's home with an error. */
describe('Google sign-in on the web refuses', () => {
  let google: GoogleStack;
  let redis: Redis;
  let firm: Company;
  let port: number;
  let easyAccessHost: string;
  const newSub = () => `google-${randomBytes(6).toString('hex')}`;
  const browser = () => new RedirectingBrowser(google.gateway, google.provider.url);
  const startOn = (host: string) => `http://${host}:${port}/api/auth/google`;
  const toCallback = (next: URL) => next.pathname === '/api/auth/google/callback';
  const homeWith = (host: string, error: string) => `http://${host}:${port}/?error=${error}`;

  /** The member's Google link, seen from a password sign-in. */
  const linkedToGoogle = async (member: Member) => (await (await signedInClient(firm, member)).get('/api/me')).body.user.google as boolean;

  /** Polls until `condition` holds, for what the gateway does after it has answered. */
  const eventually = async (condition: () => Promise<boolean>, what: string) => {
    for (const deadline = Date.now() + 5000; !(await condition()); ) {
      if (Date.now() > deadline) throw new Error(`Still not the case after 5 s: ${what}.`);
      await new Promise((done) => setTimeout(done, 50));
    }
  };

  beforeAll(async () => {
    google = await startGoogleStack('google-refusals', { GOOGLE_TIMEOUT_MS: String(GOOGLE_TIMEOUT_MS) });
    ({ port, easyAccessHost } = google.gateway);
    firm = await createCompany({ name: 'Bonnet Gestion' }, google.gateway);
    redis = new Redis(infrastructure.redisUrl);
  });

  afterAll(async () => {
    redis?.disconnect();
    await google.provider?.failTokenEndpoint(null);
    await google?.dispose();
  });

  test('a Google account no user has: no_account, on the host where the sign-in began', async () => {
    await google.provider.signIn({ sub: newSub(), email: uniqueEmail('stranger'), email_verified: true });

    const { next } = await browser().follow(startOn(firm.host));

    expect(next).toBe(homeWith(firm.host, 'no_account'));
  });

  test('a user who is no member of this company: no_account, and no session', async () => {
    const elsewhere = await createCompany({ name: 'Perrin Compta' }, google.gateway);
    const member = await activeMember(elsewhere);
    await google.provider.signIn({ sub: newSub(), email: member.email, email_verified: true });
    const mia = browser();

    const { next } = await mia.follow(startOn(firm.host));

    expect(next).toBe(homeWith(firm.host, 'no_account'));
    expect((await mia.on(firm.host).get('/api/auth/state')).status).toBe(401);
  });

  test("the firm's host cannot tell another firm's client from a stranger: both come back to it through its handoff", async () => {
    const elsewhere = await createCompany({ name: 'Perrin Associés' }, google.gateway);
    const othersClient = await activeMember(elsewhere);
    /** The requests the firm's own host receives (it may be the firm's server), and where the browser lands. */
    const seenByTheFirm = async (email: string) => {
      await google.provider.signIn({ sub: newSub(), email, email_verified: true });
      const { hops, next } = await browser().follow(startOn(firm.host));
      return { paths: hops.map((hop) => new URL(hop.url)).filter((url) => url.hostname === firm.host).map((url) => url.pathname), next };
    };

    const stranger = await seenByTheFirm(uniqueEmail('stranger'));

    expect(stranger).toEqual({ paths: ['/api/auth/google', '/api/auth/handoff'], next: homeWith(firm.host, 'no_account') });
    expect(await seenByTheFirm(othersClient.email)).toEqual(stranger);
  });

  test('an email Google has not verified never links to the user who has it', async () => {
    const member = await activeMember(firm);
    await google.provider.signIn({ sub: newSub(), email: member.email, email_verified: false });

    const { next } = await browser().follow(startOn(firm.host));

    expect(next).toBe(homeWith(firm.host, 'no_account'));
    expect(await linkedToGoogle(member)).toBe(false);
  });

  describe('a callback with a state', () => {
    let member: Member;
    let victim: RedirectingBrowser;
    let callbackUrl: URL;

    beforeEach(async () => {
      member = await activeMember(firm);
      await google.provider.signIn({ sub: newSub(), email: member.email, email_verified: true });
      victim = browser();
      callbackUrl = new URL((await victim.follow(startOn(firm.host), toCallback)).next);
    });

    test('tampered with: google_state, nothing linked', async () => {
      callbackUrl.searchParams.set('state', `${callbackUrl.searchParams.get('state')!.slice(0, -2)}AA`);

      expect((await victim.follow(callbackUrl.toString())).next).toBe(homeWith(easyAccessHost, 'google_state'));
      expect(await linkedToGoogle(member)).toBe(false);
    });

    test('missing: google_state', async () => {
      callbackUrl.searchParams.delete('state');

      expect((await victim.follow(callbackUrl.toString())).next).toBe(homeWith(easyAccessHost, 'google_state'));
    });

    test('replayed after a sign-in: google_state', async () => {
      expect((await victim.follow(callbackUrl.toString())).next).toBe(`http://${firm.host}:${port}/`);

      expect((await victim.follow(callbackUrl.toString())).next).toBe(homeWith(easyAccessHost, 'google_state'));
    });

    test('without the binding cookie (the link followed in another browser): google_state, nothing linked', async () => {
      const other = browser();

      expect((await other.follow(callbackUrl.toString())).next).toBe(homeWith(easyAccessHost, 'google_state'));
      expect(await linkedToGoogle(member)).toBe(false);
      // Consumed on sight: not even its own browser can use it afterwards.
      expect((await victim.follow(callbackUrl.toString())).next).toBe(homeWith(easyAccessHost, 'google_state'));
    });

    test('with another browser’s binding cookie (login CSRF): google_state', async () => {
      const attacker = browser();
      await attacker.follow(startOn(easyAccessHost), toCallback);
      const attackerCookie = attacker.on(easyAccessHost).cookies.all()[0];
      victim.on(easyAccessHost).cookies.set(attackerCookie.name, attackerCookie.value);

      expect((await victim.follow(callbackUrl.toString())).next).toBe(homeWith(easyAccessHost, 'google_state'));
    });

    test('and Google’s error: the person cancelled, back where the sign-in began', async () => {
      const cancelled = new URL(callbackUrl.pathname, callbackUrl);
      cancelled.searchParams.set('error', 'access_denied');
      cancelled.searchParams.set('state', callbackUrl.searchParams.get('state')!);

      expect((await victim.follow(cancelled.toString())).next).toBe(homeWith(firm.host, 'google_cancelled'));
      expect(await linkedToGoogle(member)).toBe(false);
    });

    test('when Google’s token endpoint fails: google_failed, back where the sign-in began, nothing linked', async () => {
      await google.provider.failTokenEndpoint(500);
      try {
        expect((await victim.follow(callbackUrl.toString())).next).toBe(homeWith(firm.host, 'google_failed'));
      } finally {
        await google.provider.failTokenEndpoint(null);
      }
      expect(await linkedToGoogle(member)).toBe(false);
    });

    test('when Google’s token endpoint hangs: google_failed after GOOGLE_TIMEOUT_MS, and its late answer links nothing', async () => {
      const before = (await google.provider.seen()).length;
      await google.provider.hangTokenEndpoint();
      let held = 0;
      const started = Date.now();
      const { next } = await victim.follow(callbackUrl.toString()).finally(async () => {
        held = await google.provider.releaseTokenEndpoint();
      });
      const waited = Date.now() - started;

      expect(held).toBe(1);
      expect(next).toBe(homeWith(firm.host, 'google_failed'));
      expect(waited).toBeGreaterThanOrEqual(GOOGLE_TIMEOUT_MS - 50);
      expect(waited).toBeLessThan(GOOGLE_TIMEOUT_MS + 5000);
      // Released, the exchange goes on inside the gateway as far as the person; no handoff may come of it.
      const latePerson = async () => (await google.provider.seen()).slice(before).some((request) => request.path === '/userinfo');
      await eventually(latePerson, 'the gateway read the person with the late access token');
      expect(await linkedToGoogle(member)).toBe(false);
      expect((await victim.on(firm.host).get('/api/auth/state')).status).toBe(401);
    });

    describe('whose PKCE verifier on the server', () => {
      /** The state kept in Redis under the `state` Google sends back (hashed, with the stack's prefix). */
      const stateKey = () => {
        const handle = callbackUrl.searchParams.get('state')!;
        return `${google.settings.redisKeyPrefix}google-state:${createHash('sha256').update(handle).digest('base64url')}`;
      };
      const rewriteState = async (change: (state: Record<string, unknown>) => void) => {
        const stored = await redis.get(stateKey());
        expect(stored).toEqual(expect.stringContaining('"verifier"'));
        const state = JSON.parse(stored!) as Record<string, unknown>;
        change(state);
        expect(await redis.set(stateKey(), JSON.stringify(state), 'KEEPTTL')).toBe('OK');
      };

      // passport-oauth2 would exchange the code without a code_verifier, and this provider would let it through.
      test.each([
        ['is missing', (state: Record<string, unknown>) => delete state.verifier],
        ['is no verifier at all', (state: Record<string, unknown>) => (state.verifier = 1234)],
      ])('%s: google_state, the code never reaches Google, nothing linked', async (_case, spoil) => {
        await rewriteState(spoil);
        const before = (await google.provider.seen()).length;

        expect((await victim.follow(callbackUrl.toString())).next).toBe(homeWith(firm.host, 'google_state'));
        expect((await google.provider.seen()).slice(before)).toEqual([]);
        expect(await linkedToGoogle(member)).toBe(false);
        expect((await victim.on(firm.host).get('/api/auth/state')).status).toBe(401);
      });

      test('is another one: Google refuses the code, google_failed, nothing linked', async () => {
        const otherVerifier = randomBytes(32).toString('base64url');
        await rewriteState((state) => (state.verifier = otherVerifier));
        const before = (await google.provider.seen()).length;

        expect((await victim.follow(callbackUrl.toString())).next).toBe(homeWith(firm.host, 'google_failed'));
        const requests = (await google.provider.seen()).slice(before);
        expect(requests).toEqual([expect.objectContaining({ path: '/token', status: 400, body: expect.objectContaining({ code_verifier: otherVerifier }) })]);
        expect(await linkedToGoogle(member)).toBe(false);
        expect((await victim.on(firm.host).get('/api/auth/state')).status).toBe(401);
      });
    });
  });

  test('a stale or forged ticket from a company’s host: google_expired', async () => {
    const { next } = await browser().follow(`${startOn(easyAccessHost)}?from=${randomBytes(32).toString('base64url')}`);

    expect(next).toBe(homeWith(easyAccessHost, 'google_expired'));
  });

  test('a handoff token that was never issued: handoff_expired', async () => {
    const hop = await browser().open(`http://${firm.host}:${port}/api/auth/handoff?token=${randomBytes(32).toString('base64url')}`);

    expect(hop).toMatchObject({ status: 302, location: homeWith(firm.host, 'handoff_expired') });
  });

  test('where Google sign-in is not configured, its routes answer 404 not_found', async () => {
    // The shared stack runs without GOOGLE_CLIENT_ID.
    const client = easyAccessBrowser();

    for (const path of ['/api/auth/google', '/api/auth/google/callback?code=x&state=y', '/api/auth/handoff?token=z']) {
      expectError(await client.get(path), 404, 'not_found');
    }
  });
});
