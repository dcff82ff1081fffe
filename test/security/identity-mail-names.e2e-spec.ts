import { activate, browserOn, Company, createCompany, credentialsOf, inviteMember, strongPassword, uniqueEmail } from '../support/factories';
import { Mailbox } from '../support/mailbox';
import { registeredPasskey } from '../support/passkeys';
import { SoftwareAuthenticator } from '../support/software-authenticator';

/**
 * The attacker is firm A: the first to add Claire's email, it types her name,
 * which became her account's. It types a line of its own with a link. She
 * then joins firm B only. The mails of her account (a reset link, a passkey
 * added), which she gets about B, must not carry A's words: before, each
 * began "Bonjour <what A typed>", just above the real link.
 */
describe("A firm's words never reach the mails of the account of a client it added", () => {
  const mailbox = new Mailbox();
  const planted = "Claire – votre cabinet change d'adresse : https://b-portail.evil.example";
  let firmB: Company;
  let email: string;
  let password: string;

  beforeAll(async () => {
    const firmA = await createCompany({ name: 'Cabinet Appât' });
    firmB = await createCompany({ name: 'Cabinet Bonne Foi' });
    email = uniqueEmail();
    await inviteMember(firmA, { email, name: planted });
    const fromB = await inviteMember(firmB, { email, name: 'Claire Bernard' });
    password = strongPassword();
    await activate(browserOn(firmB.host), fromB.token!, password);
  });

  test('her reset mail, asked for on B, says nothing A typed', async () => {
    expect((await browserOn(firmB.host).post('/api/auth/password/forgot', { email })).status).toBe(202);

    const mail = await mailbox.waitFor({ to: email, subject: 'Réinitialisation de votre mot de passe' });
    expect(mail.text).not.toContain('evil.example');
    expect(mail.text).toMatch(/^Bonjour,\n/);
  });

  test('nor the mail telling her a passkey was added on B', async () => {
    const browser = browserOn(firmB.host);
    expect((await browser.post('/api/auth/login', credentialsOf({ email, password }))).body.next).toBe('done');
    await registeredPasskey(browser, new SoftwareAuthenticator());

    const mail = await mailbox.waitFor({ to: email, subject: "Une clé d'accès a été ajoutée à votre compte" });
    expect(mail.text).not.toContain('evil.example');
  });
});
