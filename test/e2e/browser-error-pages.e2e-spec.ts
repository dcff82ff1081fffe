import { expectError } from '../support/api-error';
import { browserOn, Company, createCompany } from '../support/factories';

/** A browser that navigates to an error gets a page in its language; a program keeps the JSON error. */
describe('Errors reached by a browser navigation', () => {
  let firm: Company;
  const navigation = (language: string) => ({ headers: { accept: 'text/html,application/xhtml+xml', 'accept-language': language } });

  beforeAll(async () => {
    firm = await createCompany({ name: 'Faure Expertise' });
  });

  test('Google where it is not set up is a French page with the way back to sign-in', async () => {
    const answer = await browserOn(firm.host).get('/api/auth/google', navigation('fr-FR,fr;q=0.9'));

    expect(answer.status).toBe(404);
    expect(answer.headers['content-type']).toMatch(/^text\/html/);
    expect(answer.headers['content-security-policy']).toContain("default-src 'none'");
    expect(answer.text).toContain('<html lang="fr">');
    expect(answer.text).toContain('<a href="/">Retour à la connexion</a>');
    expect(answer.text).not.toContain('"error"');
  });

  test('in English for a browser that prefers English', async () => {
    const answer = await browserOn(firm.host).get('/api/auth/google', navigation('en-GB,en;q=0.9'));

    expect(answer.text).toContain('<html lang="en">');
    expect(answer.text).toContain('Back to sign-in');
  });

  test('an unknown host is a page too, while fetch calls keep { error, message }', async () => {
    const page = await browserOn('nobody.test').get('/sign-in', navigation('fr'));
    expect(page.status).toBe(404);
    expect(page.text).toContain('Aucun portail client');

    expectError(await browserOn(firm.host).get('/api/auth/google'), 404, 'not_found');
    expectError(await browserOn(firm.host).get('/api/auth/google', { headers: { accept: '*/*' } }), 404, 'not_found');
  });
});
