import { activeMember, addMember, askedForHelp, Company, createCompany, Member, memberWithTotp, signedInClient, signedInOnEasyAccess } from '../support/factories';
import { Mailbox } from '../support/mailbox';
import { PortalClient } from '../support/portal-client';

/**
 * A firm answers for its host (its domain, its DNS), so what the host receives
 * may be the firm's to read. Firm A made Claire's account and typed her name
 * with a note about her other affairs; firm B added her later as "Claire
 * Martin". Nothing B's host receives in her own answers (her profile, her
 * passkey's display name) may carry what A typed.
 */
describe("A firm's host never receives the name another firm typed", () => {
  const typedByA = 'Claire, dossier SCI des Pins 2026-114';
  const typedByB = 'Claire Martin';
  let firmA: Company;
  let firmB: Company;
  let claire: Member;
  let onB: PortalClient;

  beforeAll(async () => {
    firmA = await createCompany({ name: 'Cabinet Aubert' });
    firmB = await createCompany({ name: 'Cabinet Bonnet' });
    claire = await activeMember(firmA, { name: typedByA });
    await addMember(firmB, { email: claire.email, name: typedByB });
    onB = await signedInClient(firmB, claire);
  });

  test("her profile on B's host names her as B typed her", async () => {
    const me = await onB.get('/api/me');

    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ user: { email: claire.email, name: typedByB } });
    expect(me.text).not.toContain('Pins');
  });

  test("the passkey B's host offers to create carries B's name, not A's", async () => {
    const options = await onB.post('/api/me/passkeys/registration-options', {});

    expect(options.status).toBe(200);
    expect(options.body).toMatchObject({ user: { name: claire.email, displayName: typedByB } });
    expect(options.text).not.toContain('Pins');
  });

  test("on A's host, and on the easy access host with A's portal, she is named as A typed her", async () => {
    const onA = await signedInClient(firmA, claire);
    expect((await onA.get('/api/me')).body).toMatchObject({ user: { name: typedByA } });

    const easy = await signedInOnEasyAccess(firmA, claire);
    expect((await easy.get('/api/me')).body).toMatchObject({ user: { name: typedByA }, portal: { id: firmA.id } });
  });
});

/**
 * The same holds for the firm's clients reading about its admin: Paul is a
 * client of firm A, which typed a note with his name, and an admin of firm B.
 * When he turns off the 2FA of Yann, B's client, Yann's mail names him as B
 * typed him.
 */
describe("A firm's clients never read the name another firm typed for its admin", () => {
  const mailbox = new Mailbox();

  test("the mail of an admin's 2FA disable names the admin as the acting firm typed them", async () => {
    const firmA = await createCompany({ name: 'Cabinet Aubert' });
    const firmB = await createCompany({ name: 'Cabinet Bonnet' });
    const paul = await activeMember(firmA, { name: 'Paul, relances impayées 2025' });
    await addMember(firmB, { email: paul.email, name: 'Paul Girard', role: 'admin' });
    const yann = await memberWithTotp(firmB, { name: 'Yann Client' });
    await askedForHelp(firmB, yann);

    const disabled = await (await signedInClient(firmB, paul)).post(`/api/admin/users/${yann.userId}/mfa/disable`, { reason: 'Called back' });

    expect(disabled.status).toBe(204);
    const mail = await mailbox.waitFor({ to: yann.email, subject: 'Authentification à deux facteurs désactivée' });
    expect(mail.text).toContain('Paul Girard');
    expect(mail.text).not.toContain('impayées');
  });
});
