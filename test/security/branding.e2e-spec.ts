import { createHash } from 'node:crypto';
import { expectError } from '../support/api-error';
import { activeMember, browserOn, Company, createCompany, credentialsOf, easyAccessBrowser, operatorClient, signedInClient } from '../support/factories';
import { METRICS_AUTHORIZATION, sampleOf } from '../support/metrics-scrape';
import { PortalClient } from '../support/portal-client';

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const logo = (bytes: Buffer, contentType = 'image/png') => ({ contentType, data: bytes.toString('base64') });
const digestOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('base64url').slice(0, 16);

/**
 * A firm's look (accent colour, logo) is its admin's to set, on its own host:
 * another firm's admin cannot set it, a client cannot, and what is set cannot
 * run script on the portal's origin or make its sign-in page unreadable.
 */
describe("A company's look", () => {
  let firm: Company;
  let other: Company;
  let admin: PortalClient;

  const set = (client: PortalClient, body: unknown) => client.request('PATCH', '/api/admin/branding', { json: body });

  beforeAll(async () => {
    [firm, other] = await Promise.all([createCompany({ name: 'Lefèvre Expertise' }), createCompany({ name: 'Garnier Avocats' })]);
    admin = await signedInClient(firm, await activeMember(firm, { role: 'admin' }));
  });

  test('unset, the first screen shows the product’s look, and no logo is served', async () => {
    expect((await browserOn(other.host).get('/api/portal')).body).toEqual({ companyName: 'Garnier Avocats', google: false, accentColor: null, logoUrl: null });
    expectError(await browserOn(other.host).get('/api/portal/logo'), 404, 'not_found');
  });

  test('set by the admin, the first screen of its host shows it, and the logo is served as the checked image, sandboxed', async () => {
    const answer = await set(admin, { accentColor: '#0F766E', logo: logo(PNG) });

    expect(answer.status).toBe(200);
    const face = { accentColor: '#0f766e', logoUrl: `/api/portal/logo?v=${digestOf(PNG)}` };
    expect(answer.body).toEqual(face);
    expect((await browserOn(firm.host).get('/api/portal')).body).toEqual({ companyName: 'Lefèvre Expertise', google: false, ...face });
    const served = await browserOn(firm.host).get(face.logoUrl);
    expect(served.status).toBe(200);
    expect(served.bytes.equals(PNG)).toBe(true);
    expect(served.headers).toMatchObject({
      'content-type': 'image/png',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
    });
  });

  test('a flood of first screens and logos costs tenancy a lookup or two, not one each; an unchanged logo is answered 304', async () => {
    // A logo never fetched by this gateway, so that the flood meets a cold copy.
    const fresh = Buffer.concat([PNG, Buffer.from('flood')]);
    expect((await operatorClient().request('PATCH', `/api/operator/companies/${firm.id}/branding`, { json: { logo: logo(fresh) } })).status).toBe(200);
    const metrics = browserOn(firm.host, undefined, { headers: METRICS_AUTHORIZATION });
    const asked = async (pattern: string) => sampleOf((await metrics.get('/metrics')).text, 'portal_nats_requests_total', { pattern });
    const [looks, logos] = [await asked('tenancy.branding.read'), await asked('tenancy.branding.logo')];

    const answers = await Promise.all(Array.from({ length: 40 }, (_, index) => browserOn(firm.host).get(index % 2 ? '/api/portal' : '/api/portal/logo')));

    expect(answers.map((answer) => answer.status)).toEqual(Array(40).fill(200));
    expect((await asked('tenancy.branding.read')) - looks).toBeLessThanOrEqual(3);
    expect((await asked('tenancy.branding.logo')) - logos).toBeLessThanOrEqual(1);
    const again = await browserOn(firm.host).get('/api/portal/logo', { headers: { 'if-none-match': `"${digestOf(fresh)}"` } });
    expect(again.status).toBe(304);
    expect(again.bytes).toHaveLength(0);
    expect((await set(admin, { logo: logo(PNG) })).status).toBe(200);
  });

  test("only the logo's own versioned address may be cached: another version asked is answered no-store", async () => {
    expect((await browserOn(firm.host).get(`/api/portal/logo?v=${digestOf(PNG)}`)).headers['cache-control']).toBe('public, max-age=86400, immutable');
    for (const path of ['/api/portal/logo', '/api/portal/logo?v=AAAAAAAAAAAAAAAA']) {
      expect((await browserOn(firm.host).get(path)).headers['cache-control']).toBe('no-store');
    }
  });

  test("each change is in the company's audit trail: who, what was set, no member as its target", async () => {
    const trail = (await admin.get('/api/admin/audit')).body as { actor: { email: string } | null; action: string; target: unknown; reason: string }[];
    const changes = trail.filter((entry) => entry.action === 'company.branding_changed');

    expect(changes.at(-1)).toMatchObject({ action: 'company.branding_changed', target: null, reason: `accentColor: #0f766e; logo: image/png, ${PNG.length} B` });
    expect(changes.at(-1)?.actor?.email).toMatch(/@/);
  });

  test("another host never shows it: not another firm's, nor the easy access host", async () => {
    expect((await browserOn(other.host).get('/api/portal')).body).toMatchObject({ accentColor: null, logoUrl: null });
    expectError(await browserOn(other.host).get(`/api/portal/logo?v=${digestOf(PNG)}`), 404, 'not_found');
    expect((await easyAccessBrowser().get('/api/portal')).body).toEqual({ companyName: null, google: false, accentColor: null, logoUrl: null });
    expectError(await easyAccessBrowser().get('/api/portal/logo'), 404, 'not_found');
  });

  test("another firm's admin cannot set it, on their host or on this one; nor can a client", async () => {
    const otherAdmin = await activeMember(other, { role: 'admin' });
    const otherAdminHere = browserOn(firm.host);
    expect((await otherAdminHere.post('/api/auth/login', credentialsOf(otherAdmin))).status).toBe(401);
    expectError(await set(otherAdminHere, { accentColor: '#7f1d1d' }), 401, 'unauthenticated');
    const client = await signedInClient(firm, await activeMember(firm));
    expectError(await set(client, { accentColor: '#7f1d1d' }), 403, 'forbidden');

    await set(await signedInClient(other, otherAdmin), { accentColor: '#7f1d1d' });
    expect((await browserOn(firm.host).get('/api/portal')).body.accentColor).toBe('#0f766e');
  });

  test.each([
    ['an SVG, which can carry script', { logo: logo(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'image/svg+xml') }],
    ['HTML sent as a PNG', { logo: logo(Buffer.from('<html><script>alert(1)</script></html>')) }],
    ['a PNG sent as a JPEG', { logo: logo(PNG, 'image/jpeg') }],
    ['a logo that is not base64', { logo: { contentType: 'image/png', data: '<script>' } }],
    ['a logo over 100 KiB', { logo: logo(Buffer.concat([PNG, Buffer.alloc(100 * 1024)])) }],
    ['a logo one byte over 100 KiB, whose base64 is no longer than the largest allowed', { logo: logo(Buffer.concat([PNG, Buffer.alloc(100 * 1024 + 1 - PNG.length)])) }],
    ['a colour that smuggles CSS', { accentColor: '#000000; background: url(https://attacker.test/)' }],
    ['a named colour', { accentColor: 'red' }],
    ['a colour too light for white text on it', { accentColor: '#fde68a' }],
    ['nothing to set', {}],
  ])('refuses %s, and keeps the look as it was', async (_case, body) => {
    expectError(await set(admin, body), 400, 'validation_failed');

    expect((await browserOn(firm.host).get('/api/portal')).body).toMatchObject({ accentColor: '#0f766e', logoUrl: `/api/portal/logo?v=${digestOf(PNG)}` });
  });

  test('a body larger than any logo is refused with 413, and other routes keep their small limit', async () => {
    expectError(await admin.request('PATCH', '/api/admin/branding', { raw: JSON.stringify({ logo: { contentType: 'image/png', data: 'A'.repeat(200_000) } }) }), 413, 'payload_too_large');
    expectError(await admin.request('PATCH', '/api/admin/security', { raw: JSON.stringify({ trustedBrowserDays: 7, padding: 'A'.repeat(40_000) }) }), 413, 'payload_too_large');
  });

  test("a logo past the deployment's body limit (a 60 KiB PNG) is taken by both routes that set one", async () => {
    const large = Buffer.concat([PNG, Buffer.alloc(60 * 1024)]);

    expect((await set(admin, { logo: logo(large) })).status).toBe(200);
    expect((await operatorClient().request('PATCH', `/api/operator/companies/${firm.id}/branding`, { json: { logo: logo(PNG) } })).status).toBe(200);
    expect((await operatorClient().request('PATCH', `/api/operator/companies/${firm.id}/branding`, { json: { logo: logo(large) } })).status).toBe(200);
    expect((await set(admin, { logo: logo(PNG) })).status).toBe(200);
  });

  test('null removes the logo, and the colour stays', async () => {
    expect((await set(admin, { logo: null })).body).toEqual({ accentColor: '#0f766e', logoUrl: null });
    expectError(await browserOn(firm.host).get('/api/portal/logo'), 404, 'not_found');
  });

  test('the operator sets it for any company by id; an unknown id is 404', async () => {
    const operator = operatorClient();
    const answer = await operator.request('PATCH', `/api/operator/companies/${other.id}/branding`, { json: { accentColor: null, logo: logo(PNG) } });

    expect(answer.body).toEqual({ accentColor: null, logoUrl: `/api/portal/logo?v=${digestOf(PNG)}` });
    expect((await browserOn(other.host).get('/api/portal/logo')).bytes.equals(PNG)).toBe(true);
    const otherAdmin = await signedInClient(other, await activeMember(other, { role: 'admin' }));
    const byOperator = (await otherAdmin.get('/api/admin/audit')).body.find((entry: { reason: string | null }) => entry.reason?.startsWith('accentColor: default'));
    expect(byOperator).toMatchObject({ actor: null, action: 'company.branding_changed', target: null, reason: `accentColor: default; logo: image/png, ${PNG.length} B` });
    const unknown = '00000000-0000-4000-8000-000000000000';
    expectError(await operator.request('PATCH', `/api/operator/companies/${unknown}/branding`, { json: { accentColor: '#0f766e' } }), 404, 'not_found');
  });

  test('is published in the OpenAPI document, with its answers', async () => {
    const paths = (await easyAccessBrowser().get('/docs-json')).body.paths;

    expect(Object.keys(paths['/api/admin/branding'].patch.responses).sort()).toEqual(['200', '400', '401', '403', '413']);
    expect(Object.keys(paths['/api/operator/companies/{id}/branding'].patch.responses).sort()).toEqual(['200', '400', '401', '404', '413', '429']);
    expect(Object.keys(paths['/api/portal/logo'].get.responses).sort()).toEqual(['200', '304', '404']);
  });
});
