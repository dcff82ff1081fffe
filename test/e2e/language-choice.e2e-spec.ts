import { expectError } from '../support/api-error';
import {
  activeMember,
  askedForHelp,
  browserOn,
  Company,
  createCompany,
  credentialsOf,
  easyAccessBrowser,
  enrolTotp,
  inLanguage,
  memberWithTotp,
  signedInClient,
  TotpMember,
} from '../support/factories';
import { Mailbox } from '../support/mailbox';
import { MobileApp } from '../support/mobile-app';
import { PortalClient } from '../support/portal-client';
import { codeForStep, currentStepWithMargin } from '../support/totp';

/** POST /api/me/language: the signed-in user chooses the language of the mails they get. */
describe('Choosing the language of one’s mails', () => {
  const mailbox = new Mailbox();
  let firm: Company;
  let adminBrowser: PortalClient;
  let member: TotpMember;

  /** Turns the member's 2FA off and answers the subject of the notice they get. */
  const disableAndReadNotice = async (): Promise<string> => {
    await askedForHelp(firm, member);
    expect((await adminBrowser.post(`/api/admin/users/${member.userId}/mfa/disable`, {})).status).toBe(204);
    return (await mailbox.waitFor({ to: member.email, subject: /désactivée|turned off/ })).subject;
  };

  beforeAll(async () => {
    firm = await createCompany({ name: 'Bertrand Finance' });
    adminBrowser = await signedInClient(firm, await activeMember(firm, { role: 'admin' }));
    member = await memberWithTotp(firm, { name: 'Léa Bertrand', language: 'fr' });
  });

  test('a French-speaking member chooses English: 204, and the next notice comes in English', async () => {
    const chosen = await member.browser.post('/api/me/language', { language: 'en' }, inLanguage('fr'));

    expect(chosen.status).toBe(204);
    expect(chosen.text).toBe('');
    expect(await disableAndReadNotice()).toBe('Two-factor authentication turned off');
  });

  test('choosing French again brings the notices back to French', async () => {
    const browser = await signedInClient(firm, member);
    expect((await browser.post('/api/me/language', { language: 'fr' }, inLanguage('en'))).status).toBe(204);
    await enrolTotp(browser);

    expect(await disableAndReadNotice()).toBe('Authentification à deux facteurs désactivée');
  });

  test('the mobile app chooses it with its bearer token', async () => {
    const phoneUser = await memberWithTotp(firm, { language: 'en' });
    const phone = new MobileApp();
    const code = codeForStep(phoneUser.secret, await currentStepWithMargin());
    const registered = await phone.signInWithSecondFactor(credentialsOf(phoneUser), { code }, '4821');
    expect(registered.body.next).toBe('done');

    expect((await phone.post('/api/me/language', { language: 'fr' })).status).toBe(204);

    await askedForHelp(firm, phoneUser);
    expect((await adminBrowser.post(`/api/admin/users/${phoneUser.userId}/mfa/disable`, {})).status).toBe(204);
    const notice = await mailbox.waitFor({ to: phoneUser.email, subject: /désactivée|turned off/ });
    expect(notice.subject).toBe('Authentification à deux facteurs désactivée');
  });

  test.each([
    ['a language it does not speak', { language: 'de' }],
    ['a language tag rather than its code', { language: 'fr-FR' }],
    ['no language', {}],
  ])('%s is refused: 400 validation_failed', async (_, body) => {
    const browser = await signedInClient(firm, member);

    expectError(await browser.post('/api/me/language', body), 400, 'validation_failed');
  });

  test("without a session: 401, told in the request's language, French by default, with the same code", async () => {
    const anonymous = browserOn(firm.host);

    const [untold, english, french] = await Promise.all([
      anonymous.post('/api/me/language', { language: 'en' }),
      anonymous.post('/api/me/language', { language: 'en' }, inLanguage('en')),
      anonymous.post('/api/me/language', { language: 'en' }, inLanguage('fr')),
    ]);

    for (const answer of [untold, english, french]) expectError(answer, 401, 'unauthenticated');
    expect([untold.body.message, french.body.message]).toEqual(['Connectez-vous pour continuer.', 'Connectez-vous pour continuer.']);
    expect(english.body.message).toBe('Sign in first.');
  });

  test('is published in the OpenAPI document, with its body and its 204', async () => {
    const document = (await easyAccessBrowser().get('/docs-json')).body;
    const operation = document.paths['/api/me/language']?.post;

    expect(operation?.responses).toHaveProperty('204');
    expect(operation?.requestBody?.content?.['application/json']?.schema).toMatchObject({
      properties: { language: { enum: ['fr', 'en'] } },
      required: ['language'],
    });
  });
});
