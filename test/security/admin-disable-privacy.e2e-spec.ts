import { expectError } from '../support/api-error';
import { activeMember, addMember, askedForHelp, Company, createCompany, Member, memberWithTotp, signedInClient, TotpMember } from '../support/factories';
import { PortalClient } from '../support/portal-client';

/**
 * What one firm sees never tells that its client works with another. Firm
 * A's admin probes the 2FA disable on two of A's clients, one of whom is also
 * B's client, neither having asked for help: the answers must not tell them apart.
 */
describe("The admin's 2FA disable does not tell which clients also work with another firm", () => {
  let firmA: Company;
  let adminA: Member;
  let adminABrowser: PortalClient;
  let onlyA: TotpMember;
  let shared: TotpMember;

  const disable = (client: TotpMember) => adminABrowser.post(`/api/admin/users/${client.userId}/mfa/disable`, {});

  beforeAll(async () => {
    firmA = await createCompany({ name: 'Cabinet Aubert' });
    const firmB = await createCompany({ name: 'Cabinet Bonnet' });
    adminA = await activeMember(firmA, { role: 'admin' });
    adminABrowser = await signedInClient(firmA, adminA);
    onlyA = await memberWithTotp(firmA, { name: 'Odile Seule' });
    shared = await memberWithTotp(firmB, { name: 'Paul Partage' });
    await addMember(firmA, { email: shared.email, name: shared.name });
  });

  test('without a request, both are refused alike, and the refusal names no other firm', async () => {
    const [alone, both] = [await disable(onlyA), await disable(shared)];

    expectError(alone, 403, 'no_open_help_request');
    expect(both.body).toEqual(alone.body);
    expect(alone.text).not.toMatch(/autre société|another company/);
  });

  test('with their own request to A, both are answered alike', async () => {
    await askedForHelp(firmA, onlyA);
    await askedForHelp(firmA, shared);

    expect((await disable(onlyA)).status).toBe(204);
    expect((await disable(shared)).status).toBe(204);
  });
});
