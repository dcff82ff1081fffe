import { expectError } from '../support/api-error';
import { browserOn, Company, createCompany, easyAccessBrowser } from '../support/factories';

/** GET /api/portal names the company of the host it is asked on, and no other. */
describe('The portal face of a host', () => {
  let firm: Company;
  let other: Company;

  beforeAll(async () => {
    [firm, other] = await Promise.all([createCompany({ name: 'Lambert Notaires' }), createCompany({ name: 'Morel Avocats' })]);
  });

  test('each host names its own company, whatever the query asks', async () => {
    const asked = await browserOn(firm.host).get(`/api/portal?companyId=${other.id}&host=${other.host}`);

    expect(asked.body).toEqual({ companyName: 'Lambert Notaires', google: false, accentColor: null, logoUrl: null });
    expect((await browserOn(other.host).get('/api/portal')).body).toEqual({ companyName: 'Morel Avocats', google: false, accentColor: null, logoUrl: null });
  });

  test('the easy access host names no company, and an unknown host gets nothing', async () => {
    expect((await easyAccessBrowser().get('/api/portal')).body).toEqual({ companyName: null, google: false, accentColor: null, logoUrl: null });
    expectError(await browserOn('nobody.test').get('/api/portal'), 404, 'unknown_portal');
  });

  test('is published in the OpenAPI document, with its answers', async () => {
    const operation = (await easyAccessBrowser().get('/docs-json')).body.paths['/api/portal']?.get;

    expect(Object.keys(operation?.responses ?? {}).sort()).toEqual(['200', '404']);
  });
});
