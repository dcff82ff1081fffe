import { expectError } from '../support/api-error';
import {
  Account,
  activeMember,
  browserOn,
  Company,
  createAccount,
  createCompany,
  credentialsOf,
  Member,
  memberWithTotp,
  signedInClient,
  TotpMember,
} from '../support/factories';
import { Mailbox, tokenOf } from '../support/mailbox';
import { codeForStep } from '../support/totp';
import { PortalClient } from '../support/portal-client';
import { sharedGateway } from '../support/run-context';

/**
 * The attacker is the admin of company A. The victim is a client of company B
 * only, with 2FA on. Inviting the victim's email must not make them a member
 * of A: until they accept by the mailed link, A can neither see their accounts
 * nor touch their factors.
 */
describe("An admin invites another company's client: joining takes the client's consent", () => {
  const mailbox = new Mailbox();
  let attackerFirm: Company;
  let victimFirm: Company;
  let attackerAccount: Account;
  let attacker: Member;
  let attackerBrowser: PortalClient;
  let victim: TotpMember;
  let acceptanceLink: string;

  beforeAll(async () => {
    attackerFirm = await createCompany({ name: 'Firme Attaquante' });
    victimFirm = await createCompany({ name: 'Firme Victime' });
    attackerAccount = await createAccount(attackerFirm, 'Compte piège');
    attacker = await activeMember(attackerFirm, { role: 'admin', name: 'Mallory Admin' });
    victim = await memberWithTotp(victimFirm, { name: 'Victor Client' });
    attackerBrowser = await signedInClient(attackerFirm, attacker);
  });

  /** The inviting company's own view of the user, from its admin's list of clients. */
  async function listed(userId: string): Promise<unknown> {
    const clients = await attackerBrowser.get('/api/admin/clients');
    expect(clients.status).toBe(200);
    return (clients.body as { user: { id: string } }[]).find((entry) => entry.user.id === userId);
  }

  test('the invitation is answered as for anyone, and the user is mailed an acceptance link, not an activation link', async () => {
    const invited = await attackerBrowser.post('/api/admin/clients', {
      email: victim.email,
      name: 'Victor Client',
      accountIds: [attackerAccount.id],
    });

    expect(invited.status).toBe(201);
    expect(invited.body).toEqual({ userId: victim.userId });
    const mail = await mailbox.waitFor({ to: victim.email, containing: '/invitation/' });
    acceptanceLink = mailbox.linkIn(mail, '/invitation/');
    // On the easy access host: the attacker's would receive the token when the link is opened.
    expect(acceptanceLink.startsWith(`http://${sharedGateway().easyAccessHost}:${sharedGateway().port}/invitation/`)).toBe(true);
    expect(mail.text).toContain('Firme Attaquante');
    expect(mail.text).not.toContain('/activate/');
  });

  test('until accepted, the invited user is no member: no sign-in on that portal, which asks her code as a member\'s would and refuses after it', async () => {
    const browser = browserOn(attackerFirm.host);
    const login = await browser.post('/api/auth/login', credentialsOf(victim));

    expect(login.body).toEqual({ next: 'totp', methods: ['totp', 'passkey'], trustBrowserDays: 30 });
    expectError(await browser.post('/api/auth/totp', { recoveryCode: victim.recoveryCodes[0] }), 403, 'forbidden');
  });

  test('until accepted, the inviting admin cannot turn their 2FA off, and the accounts it sets wait for the acceptance', async () => {
    expectError(await attackerBrowser.post(`/api/admin/users/${victim.userId}/mfa/disable`, { reason: 'x' }), 403, 'no_open_help_request');
    const accounts = await attackerBrowser.request('PUT', `/api/admin/clients/${victim.userId}/accounts`, {
      json: { accountIds: [attackerAccount.id] },
    });
    expect(accounts.status).toBe(204);
    expect(await listed(victim.userId)).toMatchObject({ status: 'invited', accounts: [attackerAccount] });
    const signIn = await browserOn(victimFirm.host).post('/api/auth/login', credentialsOf(victim));
    expect(signIn.body).toEqual({ next: 'totp', methods: ['totp', 'passkey'], trustBrowserDays: 30 });
  });

  test('a forged or unknown token is refused with 400 invalid_token', async () => {
    expectError(await browserOn(attackerFirm.host).post('/api/invitations/accept', { token: 'not-a-token' }), 400, 'invalid_token');
    expectError(await browserOn(attackerFirm.host).post('/api/invitations/accept', {}), 400, 'validation_failed');
  });

  test('the user accepts by the link: a member of the company with the invited accounts', async () => {
    const accepted = await browserOn(attackerFirm.host).post('/api/invitations/accept', { token: tokenOf(acceptanceLink) });

    expect(accepted.status).toBe(204);
    const browser = browserOn(attackerFirm.host);
    expect((await browser.post('/api/auth/login', credentialsOf(victim))).body.next).toBe('totp');
    expect((await browser.post('/api/auth/totp', { code: codeForStep(victim.secret, victim.enrolledInStep) })).body.next).toBe('done');
    expect(await listed(victim.userId)).toMatchObject({ status: 'member', role: 'client', accounts: [attackerAccount] });
  });

  test('the link works once', async () => {
    const again = await browserOn(attackerFirm.host).post('/api/invitations/accept', { token: tokenOf(acceptanceLink) });

    expectError(again, 400, 'invalid_token');
  });
});
