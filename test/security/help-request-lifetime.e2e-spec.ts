import { expectError } from '../support/api-error';
import {
  activeMember,
  addMember,
  browserOn,
  Company,
  confirmedHelp,
  createCompany,
  credentialsOf,
  Member,
  memberWithTotp,
  signedInClient,
  TotpMember,
} from '../support/factories';
import { Mailbox, ReceivedMail, tokenOf } from '../support/mailbox';
import { queryDatabase } from '../support/outage-checks';
import { anotherMachineAddress, PortalClient } from '../support/portal-client';
import { currentRun, sharedGateway } from '../support/run-context';

/**
 * A "no access to the app" request is all that lets firm A's help desk turn
 * off the 2FA of a client it shares with firm B, and all it proves is the
 * password: Mallory, who has it, files one in Claire's name. Claire must hear
 * of it, and a request must not outlive what she does about it (a new
 * password) nor stay good forever.
 */
/** What a password holder would have the admins read, and call. */
const PLANTED = 'Nouveau numéro : 06 00 00 00 00, inutile de m’appeler';

describe('A help request filed with the password alone', () => {
  const mailbox = new Mailbox();
  let firmA: Company;
  let firmB: Company;
  let adminA: Member;
  let adminABrowser: PortalClient;

  /** Claire, client of B with 2FA on, and of A; Mallory files a request in her name on A's host. */
  const claireWithARequest = async (): Promise<TotpMember> => {
    const claire = await memberWithTotp(firmB, { name: 'Claire Partage' });
    await addMember(firmA, { email: claire.email, name: claire.name });
    // From a machine of his own: one address signs in a limited number of times a minute, and this file signs in often.
    const mallory = browserOn(firmA.host, sharedGateway(), { sourceAddress: anotherMachineAddress() });
    expect((await mallory.post('/api/auth/login', credentialsOf(claire))).body.next).toBe('totp');
    const asked = await mallory.post('/api/auth/totp/help', { message: 'Téléphone perdu, merci' });
    expect([asked.status, asked.body]).toEqual([202, {}]);
    return claire;
  };
  const disable = (claire: TotpMember) => adminABrowser.post(`/api/admin/users/${claire.userId}/mfa/disable`, { reason: 'Appel' });
  const messageListed = async (claire: TotpMember): Promise<string | null | undefined> => {
    const requests = (await adminABrowser.get('/api/admin/mfa-requests')).body as { user: { id: string }; message: string | null }[];
    return requests.find((request) => request.user.id === claire.userId)?.message;
  };
  /** Her click on the link of one mail, from a machine of its own (the confirmations' per-address limit is not tested here). */
  const confirmLink = (mail: ReceivedMail) =>
    browserOn(firmA.host, sharedGateway(), { sourceAddress: anotherMachineAddress() }).post('/api/auth/totp/help/confirm', {
      token: tokenOf(mailbox.linkIn(mail, '/help-request/')),
    });
  const listed = async (claire: TotpMember) =>
    ((await adminABrowser.get('/api/admin/mfa-requests')).body as { user: { id: string } }[]).some((request) => request.user.id === claire.userId);

  beforeAll(async () => {
    firmA = await createCompany({ name: 'Firme Souple' });
    firmB = await createCompany({ name: 'Firme Voisine' });
    adminA = await activeMember(firmA, { role: 'admin', name: 'Adèle Admin' });
    adminABrowser = await signedInClient(firmA, adminA);
  });

  test('Claire is mailed a link to confirm it, and what to do if it was not her', async () => {
    const claire = await claireWithARequest();

    const mail = await mailbox.waitFor({ to: claire.email, subject: 'Confirmez votre demande d’aide' });
    expect(mail.text).toContain('vient d’être faite pour Firme Souple');
    expect(mail.text).toContain('Son message, que liront ses administrateurs : « Téléphone perdu, merci »');
    expect(mail.text).toContain('/help-request/');
    expect(mail.text).toContain('Changez votre mot de passe dès maintenant');
  });

  test('until Claire confirms it from her mailbox, it reaches no admin: not listed, not mailed, and A may not turn her 2FA off', async () => {
    const claire = await claireWithARequest();
    await mailbox.waitFor({ to: claire.email, subject: 'Confirmez votre demande d’aide' });

    expect(await listed(claire)).toBe(false);
    expectError(await disable(claire), 403, 'no_open_help_request');
    expect(mailbox.matching({ to: adminA.email, containing: claire.email })).toEqual([]);
  });

  test('the link works once: a second click, or a forged token, is 400 invalid_token', async () => {
    const claire = await claireWithARequest();
    const mail = await mailbox.waitFor({ to: claire.email, subject: 'Confirmez votre demande d’aide' });
    const token = tokenOf(mailbox.linkIn(mail, '/help-request/'));
    const confirm = (value: string) => browserOn(firmA.host).post('/api/auth/totp/help/confirm', { token: value });

    expect((await confirm(token)).body).toEqual({ companyName: 'Firme Souple' });
    expect(await listed(claire)).toBe(true);
    expectError(await confirm(token), 400, 'invalid_token');
    expectError(await confirm(`${token}x`), 400, 'invalid_token');
    expectError(await browserOn(firmA.host).post('/api/auth/totp/help/confirm', {}), 400, 'validation_failed');
  });

  test('the link opens on the easy access host, never on a firm\'s, which would receive its token', async () => {
    const claire = await claireWithARequest();
    const mail = await mailbox.waitFor({ to: claire.email, subject: 'Confirmez votre demande d’aide' });

    expect(new URL(mailbox.linkIn(mail, '/help-request/')).hostname).toBe(sharedGateway().easyAccessHost);
  });

  test("asking again with the password does not void the link Claire already holds", async () => {
    const claire = await claireWithARequest();
    const first = await mailbox.waitFor({ to: claire.email, subject: 'Confirmez votre demande d’aide' });
    const mallory = browserOn(firmA.host);
    await mallory.post('/api/auth/login', credentialsOf(claire));
    expect((await mallory.post('/api/auth/totp/help', {})).status).toBe(202);
    await mailbox.waitFor({ to: claire.email, subject: 'Confirmez votre demande d’aide' });

    const confirmed = await browserOn(firmA.host).post('/api/auth/totp/help/confirm', { token: tokenOf(mailbox.linkIn(first, '/help-request/')) });

    expect(confirmed.status).toBe(200);
    expect(await listed(claire)).toBe(true);
  });

  test("nor does asking again an hour's worth, from another host: her link still works", async () => {
    const claire = await claireWithARequest();
    const first = await mailbox.waitFor({ to: claire.email, subject: 'Confirmez votre demande d’aide' });
    // The easy access host has a count of its own: 5 asks there, on top of those on the firm's host.
    const mallory = browserOn(sharedGateway().easyAccessHost, sharedGateway(), { sourceAddress: anotherMachineAddress() });
    expect((await mallory.post('/api/auth/login', credentialsOf(claire))).body.next).toBe('totp');
    for (let ask = 0; ask < 5; ask += 1) expect((await mallory.post('/api/auth/totp/help', { message: PLANTED })).status).toBe(202);

    expect((await confirmLink(first)).status).toBe(200);

    expect(await messageListed(claire)).toBe('Téléphone perdu, merci');
  });

  test('a message Mallory sent first is not what her own request quotes or confirms: each link confirms the message mailed with it', async () => {
    const claire = await memberWithTotp(firmB, { name: 'Claire Devancée' });
    await addMember(firmA, { email: claire.email, name: claire.name });
    // From machines of their own: this file's address has spent its sign-ins of the minute on the other tests.
    const mallory = browserOn(firmA.host, sharedGateway(), { sourceAddress: anotherMachineAddress() });
    expect((await mallory.post('/api/auth/login', credentialsOf(claire))).body.next).toBe('totp');
    expect((await mallory.post('/api/auth/totp/help', { message: PLANTED })).status).toBe(202);
    const his = await mailbox.waitFor({ to: claire.email, subject: 'Confirmez votre demande d’aide' });
    const hers = browserOn(firmA.host, sharedGateway(), { sourceAddress: anotherMachineAddress() });
    expect((await hers.post('/api/auth/login', credentialsOf(claire))).body.next).toBe('totp');

    expect((await hers.post('/api/auth/totp/help', { message: 'J’ai changé de téléphone' })).status).toBe(202);

    const own = await mailbox.waitFor({ to: claire.email, subject: 'Confirmez votre demande d’aide' });
    expect(his.text).toContain(`« ${PLANTED} »`);
    expect(own.text).toContain('« J’ai changé de téléphone »');
    expect(own.text).not.toContain('06 00 00 00 00');
    expect((await confirmLink(own)).status).toBe(200);
    expect(await messageListed(claire)).toBe('J’ai changé de téléphone');
  });

  test('a message Mallory sends after hers goes only with his own link: the link she holds confirms hers', async () => {
    const claire = await claireWithARequest();
    const first = await mailbox.waitFor({ to: claire.email, subject: 'Confirmez votre demande d’aide' });
    const mallory = browserOn(firmA.host, sharedGateway(), { sourceAddress: anotherMachineAddress() });
    await mallory.post('/api/auth/login', credentialsOf(claire));
    expect((await mallory.post('/api/auth/totp/help', { message: PLANTED })).status).toBe(202);
    const his = await mailbox.waitFor({ to: claire.email, subject: 'Confirmez votre demande d’aide' });
    expect(his.text).toContain(`« ${PLANTED} »`);

    expect((await confirmLink(first)).status).toBe(200);

    expect(await messageListed(claire)).toBe('Téléphone perdu, merci');
  });

  test('during an upgrade, a link mailed by the tenancy of before (its digest alone) still confirms her message, not his', async () => {
    const claire = await claireWithARequest();
    const first = await mailbox.waitFor({ to: claire.email, subject: 'Confirmez votre demande d’aide' });
    // What the tenancy of before 2026-12-06 wrote: the digest of her link, and her message in the request, none under the digest.
    await queryDatabase(
      currentRun().databaseUrl,
      `update tenancy.help_requests set confirmation_messages = '{}', message = 'Téléphone perdu, merci' where user_id = '${claire.userId}'`,
    );
    const mallory = browserOn(firmA.host, sharedGateway(), { sourceAddress: anotherMachineAddress() });
    await mallory.post('/api/auth/login', credentialsOf(claire));
    expect((await mallory.post('/api/auth/totp/help', { message: PLANTED })).status).toBe(202);
    await mailbox.waitFor({ to: claire.email, subject: 'Confirmez votre demande d’aide' });

    expect((await confirmLink(first)).status).toBe(200);

    expect(await messageListed(claire)).toBe('Téléphone perdu, merci');
  });

  test('once she confirmed, asking again with the password changes nothing the admins read', async () => {
    const claire = await claireWithARequest();
    await confirmedHelp(claire);
    const mallory = browserOn(firmA.host, sharedGateway(), { sourceAddress: anotherMachineAddress() });
    await mallory.post('/api/auth/login', credentialsOf(claire));

    expect((await mallory.post('/api/auth/totp/help', { message: PLANTED })).status).toBe(202);

    expect(await messageListed(claire)).toBe('Téléphone perdu, merci');
  });

  test('a request she made with no message is confirmed with none, whatever Mallory sent with his link', async () => {
    const claire = await memberWithTotp(firmB, { name: 'Claire Muette' });
    await addMember(firmA, { email: claire.email, name: claire.name });
    const hers = browserOn(firmA.host, sharedGateway(), { sourceAddress: anotherMachineAddress() });
    expect((await hers.post('/api/auth/login', credentialsOf(claire))).body.next).toBe('totp');
    expect((await hers.post('/api/auth/totp/help', {})).status).toBe(202);
    const own = await mailbox.waitFor({ to: claire.email, subject: 'Confirmez votre demande d’aide' });
    const mallory = browserOn(firmA.host, sharedGateway(), { sourceAddress: anotherMachineAddress() });
    await mallory.post('/api/auth/login', credentialsOf(claire));
    expect((await mallory.post('/api/auth/totp/help', { message: PLANTED })).status).toBe(202);
    await mailbox.waitFor({ to: claire.email, subject: 'Confirmez votre demande d’aide' });

    expect(own.text).not.toContain('06 00 00 00 00');
    expect((await confirmLink(own)).status).toBe(200);
    expect(await messageListed(claire)).toBeNull();
  });

  test('asked again once she confirmed, the answer is the same and no link is mailed: the request already waits for an admin', async () => {
    const claire = await claireWithARequest();
    await confirmedHelp(claire);
    const claireAgain = browserOn(firmA.host);
    await claireAgain.post('/api/auth/login', credentialsOf(claire));
    const linksBefore = mailbox.matching({ to: claire.email, containing: '/help-request/' }).length;

    const asked = await claireAgain.post('/api/auth/totp/help', {});

    expect([asked.status, asked.body]).toEqual([202, {}]);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(mailbox.matching({ to: claire.email, containing: '/help-request/' })).toHaveLength(linksBefore);
  });

  test('a link followed after a new password sends nothing on: 400 invalid_token, and no admin is mailed', async () => {
    const claire = await claireWithARequest();
    const mail = await mailbox.waitFor({ to: claire.email, subject: 'Confirmez votre demande d’aide' });
    const changed = await claire.browser.post('/api/me/password', { currentPassword: claire.password, newPassword: 'Claire-takes-it-back-78' });
    expect(changed.status).toBe(204);

    const confirmed = await browserOn(firmA.host).post('/api/auth/totp/help/confirm', { token: tokenOf(mailbox.linkIn(mail, '/help-request/')) });

    expectError(confirmed, 400, 'invalid_token');
    expect(await listed(claire)).toBe(false);
    expect(mailbox.matching({ to: adminA.email, containing: claire.email })).toEqual([]);
  });

  test('a new password voids it: not listed, and A may no longer turn her 2FA off', async () => {
    const claire = await claireWithARequest();
    await confirmedHelp(claire);
    const changed = await claire.browser.post('/api/me/password', { currentPassword: claire.password, newPassword: 'Claire-takes-it-back-77' });
    expect(changed.status).toBe(204);

    expect(await listed(claire)).toBe(false);
    expectError(await disable(claire), 403, 'no_open_help_request');
  });

  test('after 7 days it no longer counts; asked again, it is a new request', async () => {
    const claire = await claireWithARequest();
    await confirmedHelp(claire);
    await queryDatabase(currentRun().databaseUrl, `update tenancy.help_requests set created_at = now() - interval '8 days' where user_id = '${claire.userId}'`);

    expect(await listed(claire)).toBe(false);
    expectError(await disable(claire), 403, 'no_open_help_request');

    const again = browserOn(firmA.host, sharedGateway(), { sourceAddress: anotherMachineAddress() });
    expect((await again.post('/api/auth/login', credentialsOf(claire))).body.next).toBe('totp');
    expect((await again.post('/api/auth/totp/help', {})).status).toBe(202);
    expect(await listed(claire)).toBe(false);
    await confirmedHelp(claire);
    expect(await listed(claire)).toBe(true);
    expect((await disable(claire)).status).toBe(204);
  });
});
