import { expectError } from '../support/api-error';
import { queryRunDatabase } from '../support/databases';
import { activeMember, addMember, browserOn, Company, createCompany, credentialsOf, enrolTotp, Member, memberWithTotp } from '../support/factories';
import { Mailbox, tokenOf } from '../support/mailbox';
import { registeredPasskey, signInWithPasskey } from '../support/passkeys';
import { anotherMachineAddress, PortalClient } from '../support/portal-client';
import { sharedGateway } from '../support/run-context';
import { SoftwareAuthenticator } from '../support/software-authenticator';
import { codeForStep } from '../support/totp';

const FIREFOX_ON_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
const CHROME_ON_LINUX = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

const subjects = {
  passkeyAdded: "Une clé d'accès a été ajoutée à votre compte",
  newSignIn: 'Nouvelle connexion à votre compte',
  totpOn: "L'authentification à deux facteurs a été activée",
  reset: 'Réinitialisation de votre mot de passe',
  recoveryCodes: 'Vos codes de récupération ont été remplacés',
};

/**
 * Someone has Claire's password (she has no second factor). Signed in as
 * her, they add a way back in that needs no password: a passkey of their
 * own, or a code factor only they hold. Claire's "this wasn't me" must take
 * it away, not only end the sessions: a passkey signs in alone, as two
 * factors, whatever her new password; a code only the intruder holds locks
 * her out at the code step.
 */
describe('"This wasn\'t me" undoes the factors added since the change it reports', () => {
  const mailbox = new Mailbox();
  let firm: Company;

  const browser = (userAgent = CHROME_ON_LINUX): PortalClient =>
    browserOn(firm.host, undefined, { sourceAddress: anotherMachineAddress(), headers: { 'user-agent': userAgent } });

  const signedIn = async (member: Member, userAgent?: string): Promise<PortalClient> => {
    const client = browser(userAgent);
    expect((await client.post('/api/auth/login', credentialsOf(member))).body.next).toBe('done');
    return client;
  };

  const report = async (member: Member, subject: string): Promise<void> => {
    const alert = await mailbox.waitFor({ to: member.email, subject });
    expect((await browser().post('/api/auth/not-me', { token: tokenOf(mailbox.linkIn(alert, '/not-me/')) })).status).toBe(204);
  };

  /** She follows the reset link the report mailed, in `page`. @returns her new password */
  const resetPassword = async (member: Member, page = browser()): Promise<string> => {
    const mail = await mailbox.waitFor({ to: member.email, subject: subjects.reset, containing: '/reset-password/' });
    expect(mail.text).toContain('votre ancien mot de passe ne fonctionne plus');
    const password = `${member.password}-new`;
    expect((await page.post('/api/auth/password/reset', { token: tokenOf(mailbox.linkIn(mail, '/reset-password/')), password })).status).toBe(204);
    return password;
  };

  /** And signs in with her new password: what the next step asks. */
  const resetAndSignIn = async (member: Member): Promise<{ next: string }> => {
    const page = browser();
    const password = await resetPassword(member, page);
    return (await page.post('/api/auth/login', { email: member.email, password })).body;
  };

  beforeAll(async () => {
    firm = await createCompany({ name: 'Roux Expertise' });
  });

  test("a client of two firms: the passkey mail's link is on the easy access host, never on the firm's, which would receive it and could end her sessions at the other", async () => {
    const claire = await activeMember(firm, { name: 'Claire Roux' });
    await addMember(await createCompany({ name: 'Roux Avocats' }), { email: claire.email, name: claire.name });
    await registeredPasskey(await signedIn(claire), new SoftwareAuthenticator());

    const mail = await mailbox.waitFor({ to: claire.email, subject: subjects.passkeyAdded });

    expect(new URL(mailbox.linkIn(mail, '/not-me/')).hostname).toBe(sharedGateway().easyAccessHost);
    // The settings it names are the passkey's own portal's: a passkey is bound to its host.
    expect(new URL(mailbox.linkIn(mail, '/settings/passkeys')).hostname).toBe(firm.host);
  });

  // Out of his sessions only, he signed in again with her password at once, and went on until she chose another.
  test('from the "new sign-in" mail: the password he stole no longer signs in; hers, chosen from the link mailed, does', async () => {
    const claire = await activeMember(firm, { name: 'Claire Roux' });
    await signedIn(claire);
    await signedIn(claire, FIREFOX_ON_WINDOWS);

    await report(claire, subjects.newSignIn);

    expectError(await browser(FIREFOX_ON_WINDOWS).post('/api/auth/login', credentialsOf(claire)), 401, 'invalid_credentials');
    expect((await resetAndSignIn(claire)).next).toBe('done');
  });

  test('from the "passkey added" mail: the intruder\'s passkey no longer signs in', async () => {
    const claire = await activeMember(firm, { name: 'Claire Roux' });
    const intruders = new SoftwareAuthenticator();
    await registeredPasskey(await signedIn(claire, FIREFOX_ON_WINDOWS), intruders);
    expect((await signInWithPasskey(browser(FIREFOX_ON_WINDOWS), intruders)).body.next).toBe('done');

    await report(claire, subjects.passkeyAdded);

    expectError(await signInWithPasskey(browser(FIREFOX_ON_WINDOWS), intruders), 401, 'invalid_passkey');
    // With the password she chose from the link mailed, she finds no passkey.
    expect((await resetAndSignIn(claire)).next).toBe('done');
    expect((await (await signedIn({ ...claire, password: `${claire.password}-new` })).get('/api/me/passkeys')).body).toEqual([]);
  });

  test('from the "new sign-in" mail: the passkey added after that sign-in goes too', async () => {
    const claire = await activeMember(firm, { name: 'Claire Roux' });
    await signedIn(claire);
    const intruder = await signedIn(claire, FIREFOX_ON_WINDOWS);
    const intruders = new SoftwareAuthenticator();
    await registeredPasskey(intruder, intruders);

    await report(claire, subjects.newSignIn);

    expectError(await signInWithPasskey(browser(FIREFOX_ON_WINDOWS), intruders), 401, 'invalid_passkey');
    expect((await resetAndSignIn(claire)).next).toBe('done');
    expect((await (await signedIn({ ...claire, password: `${claire.password}-new` })).get('/api/me/passkeys')).body).toEqual([]);
  });

  // Known, the intruder's browser would sign in unannounced once he has her new password.
  test('from the "new sign-in" mail: the intruder\'s browser is a stranger again, and its next sign-in is alerted', async () => {
    const claire = await activeMember(firm, { name: 'Claire Roux' });
    await signedIn(claire);
    const intruder = await signedIn(claire, FIREFOX_ON_WINDOWS);
    // Its second sign-in, which the gateway then remembers as known too.
    expect((await intruder.post('/api/auth/logout')).status).toBe(204);
    expect((await intruder.post('/api/auth/login', credentialsOf(claire))).body.next).toBe('done');

    await report(claire, subjects.newSignIn);
    const password = await resetPassword(claire);

    // He phishes the new password too, and signs in with it before she does: no "first browser ever" spares him the alert.
    expect((await intruder.post('/api/auth/login', { email: claire.email, password })).body.next).toBe('done');
    await mailbox.waitFor({ to: claire.email, subject: subjects.newSignIn, containing: 'Firefox' });
  });

  // Forgotten by the lock too, her browsers would wait out a lock that whoever goes on guessing keeps up.
  test('after her report, her own browser is still let by a lock on her email', async () => {
    const claire = await activeMember(firm, { name: 'Claire Roux' });
    const hers = await signedIn(claire);
    expect((await hers.post('/api/auth/logout')).status).toBe(204);
    await signedIn(claire, FIREFOX_ON_WINDOWS);
    await report(claire, subjects.newSignIn);
    const password = await resetPassword(claire);

    for (let index = 0; index <= 10; index++) await browser().post('/api/auth/login', { email: claire.email, password: `guess-${index}` });
    expectError(await browser().post('/api/auth/login', { email: claire.email, password }), 429, 'rate_limited');

    expect((await hers.post('/api/auth/login', { email: claire.email, password })).body.next).toBe('done');
  });

  test('from the mail of a later change (a passkey added an hour after he signed in): his browser is a stranger again too', async () => {
    const claire = await activeMember(firm, { name: 'Claire Roux' });
    await signedIn(claire);
    const intruder = await signedIn(claire, FIREFOX_ON_WINDOWS);
    await mailbox.waitFor({ to: claire.email, subject: subjects.newSignIn });
    await queryRunDatabase(`update identity.known_browsers set first_seen_at = now() - interval '1 hour' where user_id = ?`, [claire.userId]);
    await registeredPasskey(intruder, new SoftwareAuthenticator());

    await report(claire, subjects.passkeyAdded);
    expect((await resetAndSignIn(claire)).next).toBe('done');

    expect((await intruder.post('/api/auth/login', { email: claire.email, password: `${claire.password}-new` })).body.next).toBe('done');
    await mailbox.waitFor({ to: claire.email, subject: subjects.newSignIn, containing: 'Firefox' });
  });

  test('from the "2FA turned on" mail: the code only the intruder holds is gone, and her new password signs her in', async () => {
    const claire = await activeMember(firm, { name: 'Claire Roux' });
    await enrolTotp(await signedIn(claire, FIREFOX_ON_WINDOWS));

    await report(claire, subjects.totpOn);

    expect(await resetAndSignIn(claire)).toEqual(expect.objectContaining({ next: 'done', me: expect.objectContaining({ user: expect.objectContaining({ totpEnabled: false }) }) }));
  });

  test('what she had before the change reported stays: her own passkey, made earlier, still signs her in', async () => {
    const claire = await activeMember(firm, { name: 'Claire Roux' });
    const hers = new SoftwareAuthenticator();
    const { id } = await registeredPasskey(await signedIn(claire), hers);
    await queryRunDatabase("update identity.passkeys set created_at = now() - interval '1 day' where id = ?", [id]);
    expect((await signInWithPasskey(browser(FIREFOX_ON_WINDOWS), hers)).body.next).toBe('done');

    await report(claire, subjects.newSignIn);

    expect((await signInWithPasskey(browser(), hers)).body.next).toBe('done');
  });

  test('and her own code, turned on earlier, is still asked', async () => {
    const paul = await memberWithTotp(firm, { name: 'Paul Roux' });
    await queryRunDatabase("update mfa.totp_factors set confirmed_at = now() - interval '1 day' where user_id = ?", [paul.userId]);
    const elsewhere = browser(FIREFOX_ON_WINDOWS);
    expect((await elsewhere.post('/api/auth/login', credentialsOf(paul))).body.next).toBe('totp');
    expect((await elsewhere.post('/api/auth/totp', { code: codeForStep(paul.secret, paul.enrolledInStep) })).body.next).toBe('done');

    await report(paul, subjects.newSignIn);

    expect((await resetAndSignIn(paul)).next).toBe('totp');
  });

  test('from the "recovery codes replaced" mail: the codes only the intruder holds pass the code step no more', async () => {
    const paul = await memberWithTotp(firm, { name: 'Paul Roux' });
    await queryRunDatabase("update mfa.totp_factors set confirmed_at = now() - interval '1 day' where user_id = ?", [paul.userId]);
    await queryRunDatabase("update mfa.recovery_codes set created_at = now() - interval '1 day' where user_id = ?", [paul.userId]);
    // He has Paul's password, and relayed one code of his; on the easy access host, where the account's code changes.
    const intruder = browserOn(sharedGateway().easyAccessHost, undefined, { sourceAddress: anotherMachineAddress(), headers: { 'user-agent': FIREFOX_ON_WINDOWS } });
    expect((await intruder.post('/api/auth/login', credentialsOf(paul))).body.next).toBe('totp');
    expect((await intruder.post('/api/auth/totp', { code: codeForStep(paul.secret, paul.enrolledInStep) })).body.next).toBe('done');
    const replaced = await intruder.post('/api/me/totp/recovery-codes');
    expect(replaced.status).toBe(200);

    await report(paul, subjects.recoveryCodes);
    expect((await resetAndSignIn(paul)).next).toBe('totp');

    // He phishes the new password too, and tries his codes at the code step.
    const again = browser(FIREFOX_ON_WINDOWS);
    expect((await again.post('/api/auth/login', { email: paul.email, password: `${paul.password}-new` })).body.next).toBe('totp');
    expectError(await again.post('/api/auth/totp', { recoveryCode: replaced.body.recoveryCodes[0] }), 401, 'invalid_code');
  });
});
