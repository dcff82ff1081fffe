import { setTimeout as sleep } from 'node:timers/promises';
import { activeMember, Company, createCompany, easyAccessBrowser, inviteMember, memberWithTotp, signedInClient, signedInOnEasyAccessWithRecoveryCode, uniqueEmail } from '../support/factories';
import { queryDatabase } from '../support/outage-checks';
import { OwnStack, startOwnStack } from '../support/own-stack';
import { RefusingSmtp } from '../support/refusing-smtp';

/** Long enough for a second, duplicate delivery to show up: the relay looks every second. */
const QUIET_MS = 3000;

async function until(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(100);
  }
}

/**
 * The services keep each mail in their database from the commit of the change
 * that causes it until the mail server accepted it: neither a process killed
 * in between nor a mail server that refuses for a while loses or doubles one.
 */
describe('Durable mail', () => {
  let smtp: RefusingSmtp;
  let own: OwnStack;
  let firm: Company;

  const recordedMails = async (schema: string) =>
    Number((await queryDatabase<{ count: string }>(own.settings.databaseUrl, `select count(*) from "${schema}".mails`))[0].count);

  beforeAll(async () => {
    smtp = await RefusingSmtp.start();
    own = await startOwnStack('mail-durable', { extraEnv: () => ({ SMTP_URL: smtp.url }) });
    firm = await createCompany({ name: 'Roux Notaires' }, own.gateway);
  }, 120_000);

  afterAll(async () => {
    await own?.dispose();
    await smtp?.stop();
  });

  test('services killed (SIGKILL) after the commit, while the mail server refuses, send each mail once after their restart', async () => {
    smtp.refuseAll();
    const invitee = await inviteMember(firm, { email: uniqueEmail('durable-invitee') });
    const resetEmail = uniqueEmail('durable-reset');
    await inviteMember(firm, { email: resetEmail });
    await until(() => smtp.attemptsFor(invitee.email) > 0 && smtp.attemptsFor(resetEmail) > 0, 'the invitations tried');
    expect((await easyAccessBrowser(own.gateway).post('/api/auth/password/forgot', { email: invitee.email })).status).toBe(202);
    await until(() => smtp.attemptsFor(invitee.email) > 1, 'the reset mail tried');

    await own.stack.stop('tenancy', 'SIGKILL');
    await own.stack.stop('identity', 'SIGKILL');
    expect(await recordedMails('tenancy')).toBe(2);
    expect(await recordedMails('identity')).toBe(1);
    smtp.acceptAll();
    // Together: the gateway is ready again only once both are back.
    await Promise.all([own.stack.start('identity'), own.stack.start('tenancy')]);

    await until(() => smtp.acceptedFor(invitee.email).length === 2 && smtp.acceptedFor(resetEmail).length === 1, 'the mails');
    await sleep(QUIET_MS);
    const toInvitee = smtp.acceptedFor(invitee.email);
    expect(toInvitee.map((mail) => /\/(activate|reset-password)\//.exec(mail.text)?.[1]).sort()).toEqual(['activate', 'reset-password']);
    expect(smtp.acceptedFor(resetEmail)).toHaveLength(1);
    expect([await recordedMails('tenancy'), await recordedMails('identity')]).toEqual([0, 0]);
  }, 90_000);

  test('a security alert, recorded with the password change, is sent once after identity was killed before sending it', async () => {
    const claire = await activeMember(firm, { email: uniqueEmail('durable-alert') });
    const browser = await signedInClient(firm, claire);
    const alerts = () => smtp.acceptedFor(claire.email).filter((mail) => mail.text.includes('Le mot de passe de votre compte a été changé.'));
    smtp.refuseAll();
    const tried = smtp.attemptsFor(claire.email);

    const newPassword = `${claire.password}-2`;
    expect((await browser.post('/api/me/password', { currentPassword: claire.password, newPassword })).status).toBe(204);
    await until(() => smtp.attemptsFor(claire.email) > tried, 'the alert tried');
    await own.stack.stop('identity', 'SIGKILL');
    expect(await recordedMails('identity')).toBe(1);
    smtp.acceptAll();
    await own.stack.start('identity');

    await until(() => alerts().length === 1, 'the alert');
    await sleep(QUIET_MS);
    expect(alerts()).toHaveLength(1);
    expect(alerts()[0].text).toContain('/not-me/');
  }, 90_000);

  test("the alert of 2FA turned off, recorded in mfa's outbox with the change, is sent once after mfa was killed before sending it", async () => {
    const claire = await memberWithTotp(firm, { email: uniqueEmail('durable-factor-alert') });
    const alerts = () => smtp.acceptedFor(claire.email).filter((mail) => mail.text.includes('votre mot de passe suffit désormais'));
    // Turned off on the easy access host, where the account's code changes.
    const easy = await signedInOnEasyAccessWithRecoveryCode(firm, claire);
    // Its earlier alerts, of 2FA turned on and of the new browser, are out of the way first.
    await until(() => smtp.acceptedFor(claire.email).some((mail) => mail.text.includes('a été activée')), 'the alert of 2FA turned on');
    await until(() => smtp.acceptedFor(claire.email).some((mail) => mail.text.includes('depuis un navigateur qui ne')), 'the alert of the new browser');
    smtp.refuseAll();
    const tried = smtp.attemptsFor(claire.email);

    expect((await easy.delete('/api/me/totp', { json: { password: claire.password } })).status).toBe(204);
    await until(() => smtp.attemptsFor(claire.email) > tried, 'the alert tried');
    await own.stack.stop('mfa', 'SIGKILL');
    expect(await recordedMails('mfa')).toBe(1);
    smtp.acceptAll();
    await own.stack.start('mfa');

    await until(() => alerts().length === 1, 'the alert');
    await sleep(QUIET_MS);
    expect(alerts()).toHaveLength(1);
    expect(alerts()[0].text).toContain('/not-me/');
  }, 90_000);

  test('a mail server that refuses three times, then accepts, gets the mail once, with one message id', async () => {
    smtp.refuseFirst(3);
    const email = uniqueEmail('durable-retried');

    await inviteMember(firm, { email });

    await until(() => smtp.acceptedFor(email).length === 1, 'the retried invitation', 30_000);
    await sleep(QUIET_MS);
    expect(smtp.attemptsFor(email)).toBe(4);
    expect(smtp.acceptedFor(email)).toEqual([expect.objectContaining({ messageId: expect.stringMatching(/^<tenancy\.\d+\.0\.\d+@/) })]);
  }, 60_000);
});
