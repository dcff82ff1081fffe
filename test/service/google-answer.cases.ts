import { randomUUID } from 'node:crypto';
import { TenancyPatterns } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { CreateAccount } from '../../apps/tenancy/src/accounts/create-account.usecase';
import { CreateCompany } from '../../apps/tenancy/src/companies/create-company.usecase';
import { AcceptInvitation } from '../../apps/tenancy/src/invitations/accept-invitation.usecase';
import { Standings } from '../../apps/tenancy/src/memberships/standings';
import { AddMember } from '../../apps/tenancy/src/memberships/add-member.usecase';
import { ListMembers } from '../../apps/tenancy/src/memberships/list-members.usecase';
import type { TenancyService } from './tenancy-service';

/** What Google's callback asks tenancy on a company's host: where the person stands, and their answer to its invitation. */
export function googleAnswerCases(started: () => TenancyService): void {
  describe('tenancy: the standing and the answer given after Google', () => {
    const tag = randomUUID().slice(0, 8);

    let tenancy: TenancyService;
    beforeAll(() => {
      tenancy = started();
    });

    async function companyWithAccount(name: string) {
      const company = await tenancy.get(CreateCompany).execute(TenancyPatterns.createCompany.request.parse({ name, hosts: [`${name.toLowerCase()}-${tag}.example.com`] }));
      const account = await tenancy.get(CreateAccount).execute(TenancyPatterns.createAccount.request.parse({ companyId: company.id, name: `${name} SARL` }));
      return { company, account };
    }
    const add = (companyId: string, email: string, accountIds: string[]) =>
      tenancy.get(AddMember).execute(tenancy.parsed.addMember({ companyId, email, name: 'Client', role: 'client', accountIds }));
    const standing = (userId: string, companyId: string) => tenancy.get(Standings).of(userId, companyId);

    it('a member, a person invited (new or not), a stranger: member, invited, none', async () => {
      const { company } = await companyWithAccount('Sigma');
      const newcomer = tenancy.person(`new-${randomUUID()}@example.com`, 'Client', 'fr', true);
      const known = tenancy.person(`known-${randomUUID()}@example.com`);
      const member = tenancy.person(`member-${randomUUID()}@example.com`);
      await add(company.id, newcomer.email, []);
      await add(company.id, known.email, []);
      await add(company.id, member.email, []);
      await tenancy.get(AcceptInvitation).executeFor(member.id, company.id);

      expect(await standing(member.id, company.id)).toBe('member');
      expect(await standing(newcomer.id, company.id)).toBe('invited');
      expect(await standing(known.id, company.id)).toBe('invited');
      expect(await standing(tenancy.person(`stranger-${randomUUID()}@example.com`).id, company.id)).toBe('none');
    });

    it('accepts an invitation expired unanswered, with its accounts, as a newcomer activates through Google whenever she comes', async () => {
      const { company, account } = await companyWithAccount('Tau');
      const known = tenancy.person(`late-${randomUUID()}@example.com`);
      await add(company.id, known.email, [account.id]);
      await tenancy.get(EntityManager).fork().execute(`update tenancy.invitations set expires_at = now() - interval '1 day' where user_id = ?`, [known.id]);

      await expect(tenancy.get(AcceptInvitation).executeFor(known.id, company.id)).resolves.toEqual({ member: true });

      const listed = (await tenancy.get(ListMembers).execute(company.id)).find((entry) => entry.user.id === known.id);
      expect(listed).toEqual(expect.objectContaining({ status: 'member', accounts: [expect.objectContaining({ id: account.id })] }));
      expect(await standing(known.id, company.id)).toBe('member');
    });

    it('a member answers yes again: still a member; a stranger: no member, and nothing written', async () => {
      const { company } = await companyWithAccount('Upsilon');
      const known = tenancy.person(`twice-${randomUUID()}@example.com`);
      await add(company.id, known.email, []);
      await tenancy.get(AcceptInvitation).executeFor(known.id, company.id);
      const stranger = tenancy.person(`nobody-${randomUUID()}@example.com`);

      await expect(tenancy.get(AcceptInvitation).executeFor(known.id, company.id)).resolves.toEqual({ member: true });
      await expect(tenancy.get(AcceptInvitation).executeFor(stranger.id, company.id)).resolves.toEqual({ member: false });
      expect(await standing(stranger.id, company.id)).toBe('none');
    });
  });
}
