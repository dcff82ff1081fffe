import { expectError } from '../support/api-error';
import { activeMember, browserOn, easyAccessBrowser, Company, createCompany, Member, signedInClient } from '../support/factories';

/** "Sign out the other sessions listed" ends the caller's other browsers, and never anyone else's (per host: sessions-list-per-host). */
describe('Signing out the other sessions', () => {
  let firm: Company;
  let emma: Member;
  let hugo: Member;

  beforeAll(async () => {
    firm = await createCompany({ name: 'Bertin Conseil' });
    [emma, hugo] = await Promise.all([activeMember(firm, { name: 'Emma Bertin' }), activeMember(firm, { name: 'Hugo Bertin' })]);
  });

  test('ends her other browsers, keeps this one, and leaves another user signed in', async () => {
    const [laptop, tablet, hugosBrowser] = await Promise.all([
      signedInClient(firm, emma),
      signedInClient(firm, emma),
      signedInClient(firm, hugo),
    ]);

    const ended = await laptop.post('/api/me/sessions/sign-out-others');

    expect(ended.status).toBe(204);
    expect((await laptop.get('/api/me')).status).toBe(200);
    expectError(await tablet.get('/api/me'), 401, 'unauthenticated');
    expect((await hugosBrowser.get('/api/me')).status).toBe(200);
  });

  test('without a session it is refused', async () => {
    expectError(await browserOn(firm.host).post('/api/me/sessions/sign-out-others'), 401, 'unauthenticated');
  });

  test('the browser and address are stored as a short label, never the raw User-Agent', async () => {
    const userAgent = `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 ${'x'.repeat(400)}`;
    const browser = browserOn(firm.host, firm.gateway, { headers: { 'user-agent': userAgent } });
    await browser.post('/api/auth/login', { email: emma.email, password: emma.password });

    const listed = (await browser.get('/api/me/sessions')).body as { current: boolean; device: string | null }[];

    expect(listed.find((session) => session.current)?.device).toBe('Chrome · Linux');
  });

  test('is published in the OpenAPI document, with its answers', async () => {
    const operation = (await easyAccessBrowser().get('/docs-json')).body.paths['/api/me/sessions/sign-out-others']?.post;

    expect(Object.keys(operation?.responses ?? {}).sort()).toEqual(['204', '401', '403']);
  });
});
