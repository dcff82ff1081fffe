import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expectError } from '../support/api-error';
import { browserOn, Company, createCompany, easyAccessBrowser } from '../support/factories';

const ASSETS = resolve(__dirname, '../../dist/portal-web/assets');

/** How the gateway serves the built portal: beside the API, never instead of it. */
describe('The gateway serves the web portal', () => {
  let firm: Company;

  beforeAll(async () => {
    firm = await createCompany({ name: 'Garnier Conseil' });
  });

  test.each(['/', '/sign-in', '/activate/some-token', '/settings/sessions'])('%s on a company host and the easy access host is the page', async (path) => {
    for (const client of [browserOn(firm.host), easyAccessBrowser()]) {
      const answer = await client.get(path, { headers: { accept: 'text/html' } });

      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toMatch(/^text\/html/);
      expect(answer.text).toContain('<div id="root"></div>');
      expect(answer.headers['cache-control']).toBe('no-cache');
      expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(answer.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  test('assets are cached for good, and a missing one is the API’s 404, not the page', async () => {
    const script = readdirSync(ASSETS).find((file) => file.endsWith('.js'));

    const asset = await browserOn(firm.host).get(`/assets/${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expectError(await browserOn(firm.host).get('/assets/missing.js'), 404, 'not_found');
  });

  test('the API, health and documentation keep their own answers', async () => {
    expectError(await browserOn(firm.host).get('/api/no-such-route'), 404, 'not_found');
    expect((await browserOn(firm.host).get('/health/live')).body).toEqual(expect.objectContaining({ status: 'ok' }));
    expect((await browserOn(firm.host).get('/docs-json')).body).toEqual(expect.objectContaining({ openapi: expect.any(String) }));
  });

  test('an unknown host is still 404 unknown_portal (a page for a browser), and only GET serves the page', async () => {
    const page = await browserOn('nobody.test').get('/sign-in', { headers: { accept: 'text/html' } });
    expect({ status: page.status, type: page.headers['content-type'] }).toEqual({ status: 404, type: expect.stringMatching(/^text\/html/) });
    expect(page.text).not.toContain('<div id="root"></div>');
    expectError(await browserOn('nobody.test').get('/sign-in'), 404, 'unknown_portal');
    expectError(await browserOn(firm.host).post('/sign-in', {}), 404, 'not_found');
  });
});
