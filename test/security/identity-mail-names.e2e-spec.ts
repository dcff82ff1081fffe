import {
  activate,
  activeMember,
  askedForHelp,
  browserOn,
  Company,
  createCompany,
  credentialsOf,
  enrolTotp,
  inviteMember,
  memberWithTotp,
  strongPassword,
  uniqueEmail,
} from '../support/factories';
import { Mailbox } from '../support/mailbox';
import { registeredPasskey } from '../support/passkeys';
import { SoftwareAuthenticator } from '../support/software-authenticator';
import { wrongCode } from '../support/totp';

/**
 * The attacker is firm A: the first to add Claire's email, it types her name,
 * which became her account's. It types a line of its own with a link. She
 * then joins firm B only. The mails of her account (a reset link, a passkey
 * added, her code locked), which she gets about B, must not carry A's words:
 * before, each began "Bonjour <what A typed>", just above the real link. So
 * too for Bob, whom A added before B made him its admin: B's mails to its
 * admins must not open with A's words.
 */
describe("A firm's words never reach the mails of the account of a person it added", () => {
  const mailbox = new Mailbox();
  const planted = "Claire – votre cabinet change d'adresse : https://b-portail.evil.example";
  let firmA: Company;
  let firmB: Company;
  let email: string;
  let password: string;

  /** An email A adds first, with its line as her name, then B, through whose link she activates: her password. */
  const addedByAThenJoinsB = async (address: string): Promise<string> => {
    await inviteMember(firmA, { email: address, name: planted });
    const fromB = await inviteMember(firmB, { email: address, name: 'Claire Bernard' });
    const chosen = strongPassword();
    await activate(browserOn(firmB.host), fromB.token!, chosen);
    return chosen;
  };

  beforeAll(async () => {
    firmA = await createCompany({ name: 'Cabinet Appât' });
    firmB = await createCompany({ name: 'Cabinet Bonne Foi' });
    email = uniqueEmail();
    password = await addedByAThenJoinsB(email);
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

  test('nor the mail telling her that her code locked, after ten wrong codes at B', async () => {
    const other = uniqueEmail();
    const credentials = { email: other, password: await addedByAThenJoinsB(other) };
    const hers = browserOn(firmB.host);
    expect((await hers.post('/api/auth/login', credentials)).body.next).toBe('done');
    const { secret } = await enrolTotp(hers);
    // Five a sign-in: two sign-ins.
    for (let round = 0; round < 2; round += 1) {
      const guesser = browserOn(firmB.host);
      expect((await guesser.post('/api/auth/login', credentials)).body.next).toBe('totp');
      for (let guess = 0; guess < 5; guess += 1) await guesser.post('/api/auth/totp', { code: wrongCode(secret) });
    }

    const mail = await mailbox.waitFor({ to: other, subject: 'Authentification à deux facteurs bloquée' });
    expect(mail.text).not.toContain('evil.example');
  });

  test("B's mail to Bob, its admin whom A added first, says nothing A typed", async () => {
    const bob = uniqueEmail('admin');
    await inviteMember(firmA, { email: bob, name: planted.replace('Claire', 'Bob') });
    await activeMember(firmB, { email: bob, role: 'admin', name: 'Bob Bernard' });
    const client = await memberWithTotp(firmB, { name: 'Denise Client' });
    await askedForHelp(firmB, client);

    const mail = await mailbox.waitFor({ to: bob, subject: `Demande d'aide à la connexion : ${client.name}` });
    expect(mail.text).not.toContain('evil.example');
  });
});
