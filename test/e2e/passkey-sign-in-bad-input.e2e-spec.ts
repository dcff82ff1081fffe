import { expectClientError, expectError } from '../support/api-error';
import { browserOn, Company, createCompany } from '../support/factories';
import { signInOptions } from '../support/passkeys';
import { SoftwareAuthenticator } from '../support/software-authenticator';

/** Whatever a client sends to the passkey sign-in, a clear 4xx: never a 500. */
describe('Passkey sign-in with a malformed body', () => {
  let firm: Company;

  beforeAll(async () => {
    firm = await createCompany({ name: 'Garnier Conseil' });
  });

  test.each([
    ['no body at all', undefined],
    ['no response', {}],
    ['a response that is a string', { response: 'junk' }],
    ['a response without its fields', { response: { id: 'abc', type: 'public-key' } }],
    ['a response whose fields are not base64url', { response: { id: '!!', rawId: '!!', type: 'public-key', response: { clientDataJSON: '%', authenticatorData: '%', signature: '%' } } }],
    ['an extra field beside the response', { response: { id: 'abc' }, email: 'claire@example.com' }],
  ])('%s: 400 validation_failed', async (_case, body) => {
    expectError(await browserOn(firm.host).post('/api/auth/passkey', body), 400, 'validation_failed');
  });

  test('a well-formed assertion whose clientDataJSON is not JSON: a 4xx with a code, never a 500', async () => {
    const response = {
      id: 'AAAA',
      rawId: 'AAAA',
      type: 'public-key',
      response: { clientDataJSON: Buffer.from('not json').toString('base64url'), authenticatorData: 'AAAA', signature: 'AAAA' },
      clientExtensionResults: {},
    };

    const answer = await browserOn(firm.host).post('/api/auth/passkey', { response });

    expectClientError(answer);
    expect(answer.body.error).toMatch(/^(validation_failed|passkey_challenge_expired)$/);
  });

  test('an assertion of a credential this host never saw: 401 invalid_passkey', async () => {
    const browser = browserOn(firm.host);
    const options = await signInOptions(browser);
    const stranger = new SoftwareAuthenticator();
    stranger.create({ challenge: options.challenge, rp: { id: firm.host }, user: { id: 'c29tZW9uZQ' } }, browser.origin);

    expectError(await browser.post('/api/auth/passkey', { response: stranger.assert(options, browser.origin) }), 401, 'invalid_passkey');
  });

  test("the second step's passkey body, malformed: 400 validation_failed", async () => {
    expectError(await browserOn(firm.host).post('/api/auth/totp', { passkey: 'junk' }), 400, 'validation_failed');
  });
});
