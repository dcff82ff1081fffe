import Redis from 'ioredis';
import { createHash, randomBytes } from 'node:crypto';
import { authenticator } from 'otplib';
import { activeMember, addMember, browserOn, Company, createCompany, signedInClient, uniqueEmail } from '../support/factories';
import { infrastructure } from '../support/infrastructure';
import { RedirectingBrowser } from '../support/oidc-browser';
import { GoogleStack, startGoogleStack } from '../support/oidc-stack';

/** "Connexion avec Google" on the web: the whole redirect dance, from either kind of host. */
describe('Signing in with Google on the web', () => {
  let google: GoogleStack;
  let firm: Company;
  let otherFirm: Company;
  let port: number;
  let easyAccessHost: string;
  const newSub = () => `google-${randomBytes(6).toString('hex')}`;
  const browser = () => new RedirectingBrowser(google.gateway, google.provider.url);
  const home = (host: string) => `http://${host}:${port}/`;

  beforeAll(async () => {
    google = await startGoogleStack('google');
    ({ port, easyAccessHost } = google.gateway);
    firm = await createCompany({ name: 'Lambert Conseil' }, google.gateway);
    otherFirm = await createCompany({ name: 'Roux Avocats' }, google.gateway);
  });

  afterAll(async () => {
    await google?.dispose();
  });

  test('from a company’s host: by the easy access host and Google, back signed in on the company’s host', async () => {
    const member = await activeMember(firm, { email: uniqueEmail('lea'), name: 'Léa Lambert' });
    const sub = newSub();
    await google.provider.signIn({ sub, email: member.email, email_verified: true, name: 'Léa Lambert' });
    const lea = browser();

    const { hops, next } = await lea.follow(`http://${firm.host}:${port}/api/auth/google`);

    expect(next).toBe(home(firm.host));
    const [toEasyAccess, toGoogle, toCallback, toHandoff] = hops.map((hop) => new URL(hop.location!));
    expect(`${toEasyAccess.host}${toEasyAccess.pathname}`).toBe(`${easyAccessHost}:${port}/api/auth/google`);
    expect(toEasyAccess.searchParams.get('from')).toEqual(expect.any(String));
    expect(toGoogle.origin).toBe(google.provider.url);
    expect(Object.fromEntries(toGoogle.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'portal-web.apps.test',
      redirect_uri: google.callbackUrl,
      scope: 'openid email profile',
      state: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      code_challenge_method: 'S256',
    });
    expect(toCallback.toString()).toMatch(new RegExp(`^${google.callbackUrl}\\?code=`));
    expect(`${toHandoff.host}${toHandoff.pathname}`).toBe(`${firm.host}:${port}/api/auth/handoff`);
    const me = await lea.on(firm.host).get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ user: { id: member.userId, email: member.email, google: true }, portal: { id: firm.id } });
    expect((await lea.on(firm.host).get('/api/auth/state')).body).toEqual({ next: 'done' });
    // The session lives on the company's host only.
    expect((await lea.on(easyAccessHost).get('/api/auth/state')).status).toBe(401);
  });

  test('the binding cookies are HttpOnly, SameSite=Lax and scoped to the sign-in routes', async () => {
    const member = await activeMember(firm);
    await google.provider.signIn({ sub: newSub(), email: member.email, email_verified: true });
    const paul = browser();

    await paul.follow(`http://${firm.host}:${port}/api/auth/google`, (next) => next.pathname === '/authorize');

    for (const host of [firm.host, easyAccessHost]) {
      expect(paul.on(host).cookies.all()).toEqual([expect.objectContaining({ httpOnly: true, sameSite: 'Lax', path: '/' })]);
    }
  });

  test('PKCE: the code is exchanged with its verifier, and the access token travels in a header', async () => {
    const member = await activeMember(firm);
    await google.provider.signIn({ sub: newSub(), email: member.email, email_verified: true });
    const before = (await google.provider.seen()).length;
    const hugo = browser();

    const { hops, next } = await hugo.follow(`http://${easyAccessHost}:${port}/api/auth/google`);

    expect(next).toBe(home(easyAccessHost));
    const challenge = new URL(hops[0].location!).searchParams.get('code_challenge');
    const [token, userinfo] = (await google.provider.seen()).slice(before);
    expect(token).toMatchObject({ path: '/token', body: { grant_type: 'authorization_code', redirect_uri: google.callbackUrl } });
    expect(createHash('sha256').update(token.body.code_verifier).digest('base64url')).toBe(challenge);
    expect(userinfo).toMatchObject({ path: '/userinfo', authorization: expect.stringMatching(/^Bearer /) });
  });

  test('from the easy access host with a single portal: signed in on the easy access host', async () => {
    const member = await activeMember(otherFirm);
    await google.provider.signIn({ sub: newSub(), email: member.email, email_verified: true });
    const ines = browser();

    const { next } = await ines.follow(`http://${easyAccessHost}:${port}/api/auth/google`);

    expect(next).toBe(home(easyAccessHost));
    const me = await ines.on(easyAccessHost).get('/api/me');
    expect(me.body).toMatchObject({ user: { id: member.userId }, portal: { id: otherFirm.id } });
  });

  test('from the easy access host with two portals: the portal is chosen next, as after a password', async () => {
    const member = await activeMember(firm);
    await addMember(otherFirm, { email: member.email, name: member.name });
    await google.provider.signIn({ sub: newSub(), email: member.email, email_verified: true });
    const marc = browser();

    const { next } = await marc.follow(`http://${easyAccessHost}:${port}/api/auth/google`);

    expect(next).toBe(home(easyAccessHost));
    const easyAccess = marc.on(easyAccessHost);
    const state = (await easyAccess.get('/api/auth/state')).body;
    expect(state).toEqual({ next: 'select_portal', portals: expect.any(Array) });
    expect(state.portals.map((portal: { id: string }) => portal.id).sort()).toEqual([firm.id, otherFirm.id].sort());
    const choice = await easyAccess.post('/api/auth/portal', { portalId: otherFirm.id });
    expect(choice.body).toMatchObject({ next: 'done', me: { portal: { id: otherFirm.id } } });
  });

  test('a user with 2FA on is asked for the code next', async () => {
    const member = await activeMember(firm);
    const signedIn = await signedInClient(firm, member);
    const { secret } = (await signedIn.post('/api/me/totp/setup')).body as { secret: string };
    expect((await signedIn.post('/api/me/totp/confirm', { code: authenticator.generate(secret) })).status).toBe(200);
    await google.provider.signIn({ sub: newSub(), email: member.email, email_verified: true });
    const nina = browser();

    const { next } = await nina.follow(`http://${firm.host}:${port}/api/auth/google`);

    expect(next).toBe(home(firm.host));
    expect((await nina.on(firm.host).get('/api/auth/state')).body).toEqual({ next: 'totp', methods: ['totp', 'passkey'], trustBrowserDays: 30 });
    expect((await nina.on(firm.host).get('/api/me')).status).toBe(401);
  });

  test('a Google account linked once signs in by its subject, even after its email changed at Google', async () => {
    const member = await activeMember(firm);
    const sub = newSub();
    await google.provider.signIn({ sub, email: member.email, email_verified: true });
    await browser().follow(`http://${firm.host}:${port}/api/auth/google`);
    await google.provider.signIn({ sub, email: uniqueEmail('renamed'), email_verified: false });
    const again = browser();

    const { next } = await again.follow(`http://${firm.host}:${port}/api/auth/google`);

    expect(next).toBe(home(firm.host));
    expect((await again.on(firm.host).get('/api/me')).body.user.id).toBe(member.userId);
  });

  describe('the handoff link', () => {
    let handoffUrl: string;
    let chloe: RedirectingBrowser;
    let redis: Redis;
    /** Where the handoff token is kept: its SHA-256, under the stack's prefix. */
    const handoffKey = () => {
      const token = new URL(handoffUrl).searchParams.get('token')!;
      return `${google.stack.settings.redisKeyPrefix}google-handoff:${createHash('sha256').update(token).digest('base64url')}`;
    };

    beforeAll(() => {
      redis = new Redis(infrastructure.redisUrl);
    });

    afterAll(() => {
      redis?.disconnect();
    });

    beforeEach(async () => {
      const member = await activeMember(firm);
      await google.provider.signIn({ sub: newSub(), email: member.email, email_verified: true });
      chloe = browser();
      ({ next: handoffUrl } = await chloe.follow(`http://${firm.host}:${port}/api/auth/google`, (next) => next.pathname === '/api/auth/handoff'));
    });

    test('is stored hashed, for at most 60 seconds', async () => {
      const ttl = await redis.ttl(handoffKey());

      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60);
    });

    test('does nothing once its 60 seconds are up: handoff_expired, and no cookie set', async () => {
      // Ends its life now rather than in a minute: Redis drops the key as it would at the end of its TTL.
      expect(await redis.pexpire(handoffKey(), 1)).toBe(1);
      for (const deadline = Date.now() + 2000; (await redis.exists(handoffKey())) === 1; ) {
        if (Date.now() > deadline) throw new Error('The handoff key outlived its expiry.');
        await new Promise((done) => setTimeout(done, 10));
      }
      const { pathname, search } = new URL(handoffUrl);

      const answer = await chloe.on(firm.host).get(`${pathname}${search}`);

      expect({ status: answer.status, location: answer.headers.location }).toEqual({ status: 302, location: '/?error=handoff_expired' });
      expect(answer.headers['set-cookie']).toBeUndefined();
      expect((await chloe.on(firm.host).get('/api/auth/state')).status).toBe(401);
    });

    test('works once', async () => {
      expect(await chloe.open(handoffUrl)).toMatchObject({ status: 302, location: home(firm.host) });
      expect((await chloe.on(firm.host).get('/api/auth/state')).body).toEqual({ next: 'done' });

      expect(await chloe.open(handoffUrl)).toMatchObject({ status: 302, location: `${home(firm.host)}?error=handoff_expired` });
    });

    test('does nothing in another browser, as a link sent to someone else', async () => {
      const other = browser();

      expect(await other.open(handoffUrl)).toMatchObject({ status: 302, location: `${home(firm.host)}?error=google_state` });
      expect((await other.on(firm.host).get('/api/auth/state')).status).toBe(401);
    });

    test('does nothing on another company’s host', async () => {
      const elsewhere = handoffUrl.replace(firm.host, otherFirm.host);

      expect(await chloe.open(elsewhere)).toMatchObject({ status: 302, location: `${home(otherFirm.host)}?error=handoff_expired` });
      expect((await chloe.on(otherFirm.host).get('/api/auth/state')).status).toBe(401);
    });
  });

  test('every route is in the OpenAPI document', async () => {
    const document = (await browserOn(easyAccessHost, google.gateway).get('/docs-json')).body;

    for (const path of ['/api/auth/google', '/api/auth/google/callback', '/api/auth/handoff']) {
      expect(document.paths[path].get.responses).toHaveProperty('302');
    }
  });
});
