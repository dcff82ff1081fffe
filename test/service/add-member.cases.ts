import { randomUUID } from 'node:crypto';
import { DomainError, ErrorCode, IdentityPatterns, TenancyPatterns } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { CreateAccount } from '../../apps/tenancy/src/accounts/create-account.usecase';
import { CreateCompany } from '../../apps/tenancy/src/companies/create-company.usecase';
import { AcceptInvitation } from '../../apps/tenancy/src/invitations/accept-invitation.usecase';
import { AddMember } from '../../apps/tenancy/src/memberships/add-member.usecase';
import { ListCompaniesOfUser } from '../../apps/tenancy/src/memberships/list-companies-of-user.usecase';
import { ListMembers } from '../../apps/tenancy/src/memberships/list-members.usecase';
import { SetAccountAccess } from '../../apps/tenancy/src/memberships/set-account-access.usecase';
import { tokenOf } from '../support/mailbox';
import type { TenancyService } from './tenancy-service';

/** Adding a member, in tenancy alone: a new user joins at once, an existing one only by accepting. */
export function addMemberCases(started: () => TenancyService): void {
  describe('tenancy: adding a member', () => {
    const tag = randomUUID().slice(0, 8);

    let tenancy: TenancyService;
    beforeAll(() => {
      tenancy = started();
    });

    async function companyWithAccount(name: string) {
      const request = TenancyPatterns.createCompany.request.parse({ name, hosts: [`${name.toLowerCase()}-${tag}.example.com`] });
      const company = await tenancy.get(CreateCompany).execute(request);
      const account = await tenancy.get(CreateAccount).execute(TenancyPatterns.createAccount.request.parse({ companyId: company.id, name: `${name} SARL` }));
      return { company, account };
    }

    const add = (companyId: string, email: string, accountIds: string[] = [], role: 'admin' | 'client' = 'client') =>
      tenancy.get(AddMember).execute(tenancy.parsed.addMember({ companyId, email, name: 'Client', role, accountIds }));

    const statusIn = async (companyId: string, userId: string) =>
      (await tenancy.get(ListMembers).execute(companyId)).find((entry) => entry.user.id === userId);

    it('a user still to activate is only invited, the accounts waiting, until she activates through this company\'s link (its activation link on the easy access host, never the company\'s)', async () => {
      const { company, account } = await companyWithAccount('Lambda');
      const user = tenancy.person(`new-${randomUUID()}@example.com`, 'Client', 'fr', true);

      const added = await add(company.id, user.email, [account.id]);

      expect(added).toEqual({ userId: user.id, activationUrl: expect.stringMatching(/^https?:\/\/portal\.service-spec\.test[:/]/), acceptanceUrl: null });
      expect(tenancy.peers.requestsFor(IdentityPatterns.ensureUser).at(-1)).toEqual(expect.objectContaining({ email: user.email, companyId: company.id }));
      expect(await tenancy.get(ListCompaniesOfUser).execute(user.id)).toEqual([]);
      expect(await statusIn(company.id, user.id)).toEqual(expect.objectContaining({ status: 'invited', accounts: [expect.objectContaining({ id: account.id })] }));

      await expect(tenancy.get(AcceptInvitation).executeFor(user.id, company.id)).resolves.toEqual({ member: true });
      expect(await tenancy.get(ListCompaniesOfUser).execute(user.id)).toHaveLength(1);
    });

    it('a user with an account is only invited: no member, the accounts waiting, until the link is accepted, once', async () => {
      const { company, account } = await companyWithAccount('Mu');
      const user = tenancy.person(`known-${randomUUID()}@example.com`);

      const added = await add(company.id, user.email, [account.id]);

      expect(added.acceptanceUrl).toEqual(expect.stringContaining('/invitation/'));
      expect(await statusIn(company.id, user.id)).toEqual(expect.objectContaining({ status: 'invited', accounts: [expect.objectContaining({ id: account.id })] }));
      expect(await tenancy.get(ListCompaniesOfUser).execute(user.id)).toEqual([]);

      const token = tokenOf(added.acceptanceUrl!);
      await expect(tenancy.get(AcceptInvitation).execute(token)).resolves.toEqual({ userId: user.id });
      expect(await statusIn(company.id, user.id)).toEqual(expect.objectContaining({ status: 'member', accounts: [expect.objectContaining({ id: account.id })] }));
      const again = await tenancy.get(AcceptInvitation).execute(token).catch((error: unknown) => error);
      expect(again).toEqual(expect.objectContaining({ code: ErrorCode.InvalidToken }));
    });

    it('an account of another company: validation_failed, and neither the user nor a membership is written', async () => {
      const { company } = await companyWithAccount('Nu');
      const { account: foreign } = await companyWithAccount('Xi');
      const email = `nobody-${randomUUID()}@example.com`;

      const refused = await add(company.id, email, [foreign.id]).catch((error: unknown) => error);

      expect(refused).toBeInstanceOf(DomainError);
      expect((refused as DomainError).code).toBe(ErrorCode.ValidationFailed);
      expect(tenancy.peers.requestsFor(IdentityPatterns.ensureUser).map((request) => request.email)).not.toContain(email);
      expect((await tenancy.get(ListMembers).execute(company.id)).map((entry) => entry.user.email)).not.toContain(email);
    });

    it('adding a member again keeps their role and adds the accounts', async () => {
      const { company, account } = await companyWithAccount('Omicron');
      const second = await tenancy.get(CreateAccount).execute(TenancyPatterns.createAccount.request.parse({ companyId: company.id, name: 'Second SCI' }));
      const admin = tenancy.person(`admin-${randomUUID()}@example.com`, 'Admin', 'fr', true);
      await add(company.id, admin.email, [account.id], 'admin');

      await add(company.id, admin.email, [second.id], 'client');

      const entry = await statusIn(company.id, admin.id);
      expect(entry?.role).toBe('admin');
      expect(entry?.accounts.map((found) => found.id).sort()).toEqual([account.id, second.id].sort());
    });

    it('an invitation that expired unanswered stays listed and settable, as a new user who never activates: its vanishing would tell that the email had an account', async () => {
      const { company, account } = await companyWithAccount('Pi');
      const known = tenancy.person(`expired-${randomUUID()}@example.com`);
      await add(company.id, known.email, [account.id]);
      await tenancy.get(EntityManager).getConnection().execute(`update tenancy.invitations set expires_at = now() - interval '1 day' where user_id = ?`, [known.id]);

      expect(await statusIn(company.id, known.id)).toEqual(expect.objectContaining({ status: 'invited', accounts: [expect.objectContaining({ id: account.id })] }));
      await tenancy.get(SetAccountAccess).execute(TenancyPatterns.setAccountAccess.request.parse({ companyId: company.id, userId: known.id, accountIds: [], actorUserId: randomUUID() }));
      expect(await statusIn(company.id, known.id)).toEqual(expect.objectContaining({ status: 'invited', accounts: [] }));
    });

    it('the company names its people as it typed them, before and after they answer, never as another firm did', async () => {
      const { company: first } = await companyWithAccount('Rho');
      const { company: second } = await companyWithAccount('Sigma');
      const known = tenancy.person(`named-${randomUUID()}@example.com`, 'Nom du premier cabinet');
      const invited = await tenancy.get(AddMember).execute(
        tenancy.parsed.addMember({ companyId: second.id, email: known.email, name: 'Nom du second', role: 'client', accountIds: [] }),
      );
      await add(first.id, known.email);

      expect((await statusIn(second.id, known.id))?.user.name).toBe('Nom du second');
      await tenancy.get(AcceptInvitation).execute(tokenOf(invited.acceptanceUrl!));
      expect(await statusIn(second.id, known.id)).toEqual(expect.objectContaining({ status: 'member', user: expect.objectContaining({ name: 'Nom du second' }) }));
    });
  });
}
