import { expectError } from '../support/api-error';
import { activate, browserOn, easyAccessBrowser, Company, createCompany, inviteMember, strongPassword } from '../support/factories';

/** The check a mailed link's page makes when it opens: it tells, and never spends nor crosses purposes. */
describe('Checking a mailed link', () => {
  let firm: Company;

  beforeAll(async () => {
    firm = await createCompany({ name: 'Vidal Audit' });
  });

  const check = (token: string, purpose: string) => browserOn(firm.host).post('/api/auth/links/check', { token, purpose });

  test('checking an activation link leaves it usable; once used, it says so', async () => {
    const { token } = await inviteMember(firm);

    expect((await check(token!, 'activation')).body).toEqual({ usable: true });
    expect((await check(token!, 'activation')).body).toEqual({ usable: true });
    await activate(browserOn(firm.host), token!, strongPassword());

    expect((await check(token!, 'activation')).body).toEqual({ usable: false });
  });

  test('an activation token does not pass for a reset link, nor an unknown one for anything', async () => {
    const { token } = await inviteMember(firm);

    expect((await check(token!, 'reset')).body).toEqual({ usable: false });
    expect((await check('not-a-token', 'activation')).body).toEqual({ usable: false });
  });

  test('a purpose other than activation or reset, or no token, is refused', async () => {
    expectError(await check('x', 'invitation'), 400, 'validation_failed');
    expectError(await browserOn(firm.host).post('/api/auth/links/check', { purpose: 'reset' }), 400, 'validation_failed');
  });

  test('is published in the OpenAPI document, with its body and its answers', async () => {
    const operation = (await easyAccessBrowser().get('/docs-json')).body.paths['/api/auth/links/check']?.post;

    expect(Object.keys(operation?.responses ?? {}).sort()).toEqual(['200', '400', '429']);
    expect(operation?.requestBody?.content?.['application/json']?.schema).toMatchObject({ required: ['token', 'purpose'] });
  });
});
