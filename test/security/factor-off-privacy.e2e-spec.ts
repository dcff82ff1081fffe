import { expectStatus } from '../support/expect-status';
import {
  activeMember,
  addMember,
  askedForHelp,
  browserOn,
  Company,
  createCompany,
  credentialsOf,
  enrolTotp,
  Member,
  memberWithTotp,
  onEasyAccessWithRecoveryCode,
  signedInClient,
  signedInOnEasyAccessWithRecoveryCode,
  TotpMember,
} from '../support/factories';
import { Mailbox, ReceivedMail } from '../support/mailbox';
import { registeredPasskey } from '../support/passkeys';
import { SoftwareAuthenticator } from '../support/software-authenticator';
import { PortalClient } from '../support/portal-client';

/** A notice with the client's own name and address taken out: what would tell one case from the other. */
const shapeOf = (mail: ReceivedMail, client: { name: string; email: string }): { subject: string; text: string } => ({
  subject: mail.subject.replaceAll(client.name, '<client>'),
  text: mail.text.replaceAll(client.name, '<client>').replaceAll(client.email, '<email>'),
});

/**
 * The attacker is firm W, watching its clients: it wants to know which of
 * them also work with another firm. Sacha's code factor is turned off by
 * another firm's admin, at her request; Camille turns hers off herself. What W hears of each (its admins' mail, its audit trail) must
 * be the same: before, only Sacha's case reached W, saying "by another
 * company she is also a client of".
 */
describe('A code factor turned off elsewhere tells a firm nothing of its client\'s other firms', () => {
  const mailbox = new Mailbox();
  let watching: Company;
  let lax: Company;
  let other: Company;
  let watcher: Member;
  let laxAdmin: Member;
  let watcherBrowser: PortalClient;
  let laxBrowser: PortalClient;
  let sacha: TotpMember;
  let camille: TotpMember;
  let pia: Member;

  beforeAll(async () => {
    watching = await createCompany({ name: 'Cabinet Veille', requireTotp: true });
    lax = await createCompany({ name: 'Cabinet Souple' });
    other = await createCompany({ name: 'Cabinet Autre' });
    watcher = await activeMember(watching, { role: 'admin', name: 'Wanda Veille' });
    watcherBrowser = browserOn(watching.host);
    expect((await watcherBrowser.post('/api/auth/login', credentialsOf(watcher))).body).toEqual({ next: 'totp_enroll' });
    await enrolTotp(watcherBrowser);
    laxAdmin = await activeMember(lax, { role: 'admin', name: 'Louis Souple' });
    const otherAdmin = await activeMember(other, { role: 'admin', name: 'Odile Autre' });
    sacha = await memberWithTotp(other, { name: 'Sacha Double' });
    camille = await memberWithTotp(lax, { name: 'Camille Seule' });
    for (const client of [sacha, camille]) await addMember(watching, { email: client.email, name: client.name });
    await addMember(lax, { email: sacha.email, name: sacha.name });

    // Pia holds a passkey of a strict firm's host and no code (set up there, then turned off before she joined the lax firm):
    // removing her passkey herself tells no firm anything.
    const strict = await createCompany({ name: 'Cabinet Strict', requireTotp: true });
    const strictAdmin = await activeMember(strict, { role: 'admin', name: 'Serge Strict' });
    pia = await activeMember(strict, { name: 'Pia Clé' });
    const piaBrowser = browserOn(strict.host);
    expect((await piaBrowser.post('/api/auth/login', credentialsOf(pia))).body).toEqual({ next: 'totp_enroll' });
    const { confirmation } = await enrolTotp(piaBrowser);
    await registeredPasskey(piaBrowser, new SoftwareAuthenticator());
    // On the easy access host, where the account's code changes.
    const piaEasy = await onEasyAccessWithRecoveryCode(pia, (confirmation.body.recoveryCodes as string[])[0], strict.id);
    expectStatus(await piaEasy.delete('/api/me/totp', { json: { password: pia.password } }), 204, 'her code off');
    await addMember(lax, { email: pia.email, name: pia.name });
    // Open requests of Sacha and Camille to W, which W's admins see until they no longer stand.
    for (const client of [sacha, camille]) await askedForHelp(watching, client);

    await askedForHelp(other, sacha);
    await askedForHelp(strict, pia);
    const otherBrowser = await signedInClient(other, otherAdmin);
    expectStatus(await otherBrowser.post(`/api/admin/users/${sacha.userId}/mfa/disable`, { reason: 'Appel de Sacha' }), 204, 'disable');
    const strictBrowser = browserOn(strict.host);
    expect((await strictBrowser.post('/api/auth/login', credentialsOf(strictAdmin))).body).toEqual({ next: 'totp_enroll' });
    await enrolTotp(strictBrowser);
    expectStatus(await strictBrowser.post(`/api/admin/users/${pia.userId}/mfa/disable`, { reason: 'Appel de Pia' }), 204, 'disable her passkeys');
    const camilleEasy = await signedInOnEasyAccessWithRecoveryCode(lax, camille);
    expectStatus(await camilleEasy.delete('/api/me/totp', { json: { password: camille.password } }), 204, 'her own disable');
    laxBrowser = await signedInClient(lax, laxAdmin);
  });

  test("the admins of a firm that requires the code get the same notice for each, naming no other firm", async () => {
    const aboutSacha = await mailbox.waitFor({ to: watcher.email, subject: `Authentification à deux facteurs désactivée : ${sacha.name}` });
    const aboutCamille = await mailbox.waitFor({ to: watcher.email, subject: `Authentification à deux facteurs désactivée : ${camille.name}` });

    expect(shapeOf(aboutSacha, sacha)).toEqual(shapeOf(aboutCamille, camille));
    expect(aboutSacha.text).toContain(`${sacha.name} (${sacha.email}), client de Cabinet Veille, a été désactivée à sa demande.`);
    expect(aboutSacha.text).not.toMatch(/autre société|Cabinet Autre|Odile/);
  });

  test('their audit trail shows each the same way: no actor, no reason', async () => {
    const audit = expectStatus(await watcherBrowser.get('/api/admin/audit'), 200, 'audit');

    const entryFor = (client: TotpMember) => audit.body.find((entry: { target: { id: string } | null }) => entry.target?.id === client.userId);
    expect(entryFor(sacha)).toEqual({ id: expect.any(String), at: expect.any(String), actor: null, action: 'mfa.disabled', target: expect.objectContaining({ name: sacha.name }), reason: null });
    expect(entryFor(camille)).toEqual({ id: expect.any(String), at: expect.any(String), actor: null, action: 'mfa.disabled', target: expect.objectContaining({ name: camille.name }), reason: null });
  });

  test('a firm that does not require the code audits both and is mailed about neither', async () => {
    const audit = expectStatus(await laxBrowser.get('/api/admin/audit'), 200, 'audit');

    expect(audit.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actor: null, action: 'mfa.disabled', target: expect.objectContaining({ id: sacha.userId }) }),
        expect.objectContaining({ actor: null, action: 'mfa.disabled', target: expect.objectContaining({ id: camille.userId }) }),
      ]),
    );
    expect(mailbox.matching({ to: laxAdmin.email, subject: /^Authentification à deux facteurs désactivée :/ })).toEqual([]);
  });

  test("their open requests to W end alike: W's admins no longer see either", async () => {
    const requests = expectStatus(await watcherBrowser.get('/api/admin/mfa-requests'), 200, 'requests');

    expect(requests.body).toEqual([]);
  });

  test("a passkey-only client's passkeys removed by another firm tell her other firms nothing, as her own removal would", async () => {
    const audit = expectStatus(await laxBrowser.get('/api/admin/audit'), 200, 'audit');

    expect(audit.text).not.toContain(pia.userId);
  });
});
