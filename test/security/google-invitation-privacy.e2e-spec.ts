import { randomBytes } from 'node:crypto';
import { expectError } from '../support/api-error';
import { activate, activeMember, browserOn, Company, createCompany, inviteMember, signedInClient, strongPassword, uniqueEmail } from '../support/factories';
import { Mailbox, tokenOf } from '../support/mailbox';
import { RedirectingBrowser } from '../support/oidc-browser';
import { GoogleStack, startGoogleStack } from '../support/oidc-stack';
import { PortalClient } from '../support/portal-client';

interface Invitee {
  email: string;
  userId: string;
  /** The link of the firm's invitation mail: an activation link for the newcomer, an acceptance link for the other. */
  link: string;
}

/**
 * Firm A serves its own host and may read what it answers. It invites two
 * people: a newcomer, and a client of firm B, whose email already has an
 * account. Whether an invitee already had one belongs to the firms she works
 * with, not to A. Each signs in with Google on A's host before answering
 * A's mail. Before, Google activated the newcomer, who came back to A's host
 * signed in, while B's client came back with `no_account`: A learnt that she
 * works with another firm. Now both are asked the same question on the easy
 * access host, which A does not serve, and both joins are their own click.
 */
describe("Google on a firm's host: a newcomer and another firm's client, both invited, look alike to the firm", () => {
  const mailbox = new Mailbox();
  let google: GoogleStack;
  let firmA: Company;
  let firmB: Company;
  let adminOfA: PortalClient;
  let port: number;
  let easyAccessHost: string;

  const newcomer = async (): Promise<Invitee> => {
    const invited = await inviteMember(firmA, { email: uniqueEmail('nouvelle'), name: 'Nina Nouvelle' });
    return { email: invited.email, userId: invited.userId, link: invited.activationUrl! };
  };
  const clientOfB = async (): Promise<Invitee> => {
    const ofB = await activeMember(firmB, { email: uniqueEmail('cliente-b'), name: 'Bea Bonnet' });
    const invited = await inviteMember(firmA, { email: ofB.email, name: 'Bea Bonnet' });
    return { email: ofB.email, userId: ofB.userId, link: invited.acceptanceUrl! };
  };
  /** Google on A's host, up to the first page of the front end. */
  const googleOnA = async (invitee: Invitee) => {
    await google.provider.signIn({ sub: `google-${randomBytes(6).toString('hex')}`, email: invitee.email, email_verified: true, name: 'X' });
    const browser = new RedirectingBrowser(google.gateway, google.provider.url);
    const { next } = await browser.follow(`http://${firmA.host}:${port}/api/auth/google`);
    return { browser, next: new URL(next) };
  };
  const statusInA = async (userId: string) => {
    const clients = await adminOfA.get('/api/admin/clients');
    expect(clients.status).toBe(200);
    return (clients.body as { user: { id: string }; status: string }[]).find((entry) => entry.user.id === userId)?.status;
  };
  const answer = async (browser: RedirectingBrowser, next: URL, join: boolean) => {
    const answered = await browser.on(easyAccessHost).post('/api/auth/google/join', { offer: next.searchParams.get('offer'), join });
    expect(answered.status).toBe(200);
    return answered.body.location as string;
  };

  beforeAll(async () => {
    google = await startGoogleStack('google-invitees');
    ({ port, easyAccessHost } = google.gateway);
    firmA = await createCompany({ name: 'Firme Alpha' }, google.gateway);
    firmB = await createCompany({ name: 'Firme Beta' }, google.gateway);
    adminOfA = await signedInClient(firmA, await activeMember(firmA, { role: 'admin' }));
  });

  afterAll(async () => {
    await google?.dispose();
  });

  test("both are stopped at the same question on the easy access host, signed in nowhere, and A's host has received nothing", async () => {
    for (const invitee of [await newcomer(), await clientOfB()]) {
      const { browser, next } = await googleOnA(invitee);

      expect(`${next.host}${next.pathname}`).toBe(`${easyAccessHost}:${port}/join-portal`);
      expect(next.searchParams.get('offer')).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect((await browser.on(firmA.host).get('/api/auth/state')).status).toBe(401);
      expect(await statusInA(invitee.userId)).toBe('invited');
    }
  });

  test('the question names the firm and the email, in the browser it was asked in alone', async () => {
    const invitee = await clientOfB();
    const { browser, next } = await googleOnA(invitee);
    const path = `/api/auth/google/join${next.search}`;

    expect((await browser.on(easyAccessHost).get(path)).body).toEqual({ portal: { name: 'Firme Alpha' }, email: invitee.email });
    const elsewhere = new RedirectingBrowser(google.gateway, google.provider.url).on(easyAccessHost);
    expectError(await elsewhere.get(path), 400, 'invalid_token');
    expectError(await elsewhere.post('/api/auth/google/join', { offer: next.searchParams.get('offer'), join: true }), 400, 'invalid_token');
    expectError(await browser.on(firmA.host).get(path), 404, 'not_found');
  });

  test("declining, both go back to A's host alike, and stay invited there: the newcomer's account is not activated", async () => {
    for (const invitee of [await newcomer(), await clientOfB()]) {
      const { browser, next } = await googleOnA(invitee);

      const back = await answer(browser, next, false);

      expect(back).toBe(`http://${firmA.host}:${port}/?error=invitation_declined`);
      expect((await browser.on(firmA.host).get('/api/auth/state')).status).toBe(401);
      expect(await statusInA(invitee.userId)).toBe('invited');
    }
  });

  test("joining, both are signed in on A's host and become its members; the mailed link has then been answered", async () => {
    for (const invitee of [await newcomer(), await clientOfB()]) {
      const { browser, next } = await googleOnA(invitee);

      const handoff = await answer(browser, next, true);

      expect(handoff).toMatch(new RegExp(`^http://${firmA.host}:${port}/api/auth/handoff\\?token=`));
      expect((await browser.follow(handoff)).next).toBe(`http://${firmA.host}:${port}/`);
      expect((await browser.on(firmA.host).get('/api/auth/state')).body).toEqual({ next: 'done' });
      expect((await browser.on(firmA.host).get('/api/me')).body).toMatchObject({ user: { id: invitee.userId, google: true } });
      expect(await statusInA(invitee.userId)).toBe('member');
      const mailed = invitee.link.includes('/invitation/') ? '/api/invitations/accept' : '/api/auth/activate';
      const again = await browser.on(easyAccessHost).post(mailed, { token: tokenOf(invitee.link), password: 'Un-Mot-De-Passe-2026!' });
      expect(again.status).toBe(400);
    }
  });

  test('the question is answered once', async () => {
    const { browser, next } = await googleOnA(await newcomer());
    await answer(browser, next, true);

    expectError(await browser.on(easyAccessHost).post('/api/auth/google/join', { offer: next.searchParams.get('offer'), join: true }), 400, 'invalid_token');
  });

  test("declining A's question keeps the newcomer out of A, even when she then activates through firm B's link", async () => {
    const email = uniqueEmail('nouvelle');
    const ofA = await inviteMember(firmA, { email, name: 'Nina Nouvelle' });
    const ofB = await inviteMember(firmB, { email, name: 'Nina Nouvelle' });
    const { browser, next } = await googleOnA({ email, userId: ofA.userId, link: ofA.activationUrl! });
    expect(await answer(browser, next, false)).toBe(`http://${firmA.host}:${port}/?error=invitation_declined`);
    const password = strongPassword();

    await activate(browserOn(firmB.host, google.gateway), ofB.token!, password);

    expect(await statusInA(ofA.userId)).toBe('invited');
    expectError(await browserOn(firmA.host, google.gateway).post('/api/auth/login', { email, password }), 401, 'invalid_credentials');
  });

  test('begun on the easy access host, a newcomer A and B invited is asked about A, the first; joining joins A alone, and B mails an acceptance link', async () => {
    const email = uniqueEmail('nouvelle');
    const ofA = await inviteMember(firmA, { email, name: 'Nina Nouvelle' });
    await inviteMember(firmB, { email, name: 'Nina Nouvelle' });
    await google.provider.signIn({ sub: `google-${randomBytes(6).toString('hex')}`, email, email_verified: true, name: 'X' });
    const browser = new RedirectingBrowser(google.gateway, google.provider.url);

    const next = new URL((await browser.follow(`http://${easyAccessHost}:${port}/api/auth/google`)).next);

    expect(`${next.host}${next.pathname}`).toBe(`${easyAccessHost}:${port}/join-portal`);
    expect((await browser.on(easyAccessHost).get(`/api/auth/google/join${next.search}`)).body).toEqual({ portal: { name: 'Firme Alpha' }, email });
    await browser.follow(await answer(browser, next, true));
    expect((await browser.on(easyAccessHost).get('/api/me')).body).toMatchObject({ portals: [{ name: 'Firme Alpha' }] });
    expect(await statusInA(ofA.userId)).toBe('member');
    expect((await mailbox.waitFor({ to: email, containing: '/invitation/' })).text).toContain('Firme Beta');
  });

  test('begun on the easy access host, declining the first firm asks about the next: joining B leaves A waiting', async () => {
    const email = uniqueEmail('nouvelle');
    const ofA = await inviteMember(firmA, { email, name: 'Nina Nouvelle' });
    await inviteMember(firmB, { email, name: 'Nina Nouvelle' });
    await google.provider.signIn({ sub: `google-${randomBytes(6).toString('hex')}`, email, email_verified: true, name: 'X' });
    const browser = new RedirectingBrowser(google.gateway, google.provider.url);
    const first = new URL((await browser.follow(`http://${easyAccessHost}:${port}/api/auth/google`)).next);

    const second = new URL(await answer(browser, first, false));

    expect(`${second.host}${second.pathname}`).toBe(`${easyAccessHost}:${port}/join-portal`);
    expect((await browser.on(easyAccessHost).get(`/api/auth/google/join${second.search}`)).body).toEqual({ portal: { name: 'Firme Beta' }, email });
    await browser.follow(await answer(browser, second, true));
    expect((await browser.on(easyAccessHost).get('/api/me')).body).toMatchObject({ portals: [{ name: 'Firme Beta' }] });
    expect(await statusInA(ofA.userId)).toBe('invited');
  });

  test("another firm's client whom A never invited comes back to A's host as a stranger does, and her Google account is not linked", async () => {
    const ofB = await activeMember(firmB, { email: uniqueEmail('pas-invitee') });
    const { browser, next } = await googleOnA({ email: ofB.email, userId: ofB.userId, link: '' });

    expect(next.toString()).toBe(`http://${firmA.host}:${port}/?error=no_account`);
    const onB = await signedInClient(firmB, ofB);
    expect((await onB.get('/api/me')).body).toMatchObject({ user: { google: false } });
    expect((await browser.on(firmA.host).get('/api/auth/state')).status).toBe(401);
  });
});
