import {
  activeMember,
  browserOn,
  Company,
  createCompany,
  inviteMember,
  Member,
  signedInClient,
  strongPassword,
  uniqueEmail,
} from '../support/factories';
import { expectError } from '../support/api-error';
import { Mailbox, tokenOf } from '../support/mailbox';
import { PortalClient } from '../support/portal-client';
import { sharedGateway } from '../support/run-context';

/**
 * A firm serves its own host: whatever is asked there, it can read, and a
 * mailed link is asked there the moment the client (or a mail scanner)
 * opens it. Firm A's admin invites Claire, a client firm B invited and who
 * has not chosen her password yet; an activation token sets the password of
 * her one account, which B's portal opens too. Had A's mail linked to A's
 * host, A would take the token from its own server, choose her password
 * before she does, enrol its own code at B and sign in to B as her. An
 * acceptance token, likewise, would let A join her to itself without her
 * click. Both links open on the easy access host, as the help request's do.
 */
describe('Invitation links never open on the inviting firm\'s host', () => {
  const mailbox = new Mailbox();
  let firmA: Company;
  let firmB: Company;
  let adminA: PortalClient;

  beforeAll(async () => {
    firmA = await createCompany({ name: 'Firme Curieuse' });
    firmB = await createCompany({ name: 'Firme Honnête' });
    const admin: Member = await activeMember(firmA, { role: 'admin' });
    adminA = await signedInClient(firmA, admin);
  });

  test("A's invitation of a client B invited, still to activate: the link is on the easy access host, so A's host never holds the token", async () => {
    const claire = await inviteMember(firmB, { email: uniqueEmail('claire'), name: 'Claire Partage' });
    await mailbox.waitFor({ to: claire.email, containing: firmB.name });

    expect((await adminA.post('/api/admin/clients', { email: claire.email, name: 'Claire P.', accountIds: [] })).status).toBe(201);

    const fromA = await mailbox.waitFor({ to: claire.email, containing: firmA.name });
    const link = mailbox.linkIn(fromA, '/activate/');
    expect(new URL(link).hostname).toBe(sharedGateway().easyAccessHost);
    expect(fromA.text).not.toContain(`${firmA.host}:${sharedGateway().port}/activate/`);
    // Claire's own click still works there, and only once.
    const activation = await browserOn(sharedGateway().easyAccessHost).post('/api/auth/activate', { token: tokenOf(link), password: strongPassword() });
    expect(activation.status).toBe(204);
    expectError(await browserOn(firmA.host).post('/api/auth/activate', { token: tokenOf(link), password: strongPassword() }), 400, 'invalid_token');
  });

  test("A's invitation of a client of B who has an account: the acceptance link is on the easy access host, so only her click joins her to A", async () => {
    const claire = await activeMember(firmB, { name: 'Claire Déjà' });

    expect((await adminA.post('/api/admin/clients', { email: claire.email, name: 'Claire D.', accountIds: [] })).status).toBe(201);

    const fromA = await mailbox.waitFor({ to: claire.email, containing: '/invitation/' });
    const link = mailbox.linkIn(fromA, '/invitation/');
    expect(new URL(link).hostname).toBe(sharedGateway().easyAccessHost);
    expect(fromA.text).not.toContain(`${firmA.host}:${sharedGateway().port}/invitation/`);
    const accepted = await browserOn(sharedGateway().easyAccessHost).post('/api/invitations/accept', { token: tokenOf(link) });
    expect(accepted.status).toBe(204);
  });
});
