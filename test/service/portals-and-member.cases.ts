import { randomUUID } from 'node:crypto';
import { TenancyPatterns } from '@app/contracts';
import { CreateAccount } from '../../apps/tenancy/src/accounts/create-account.usecase';
import { CreateCompany } from '../../apps/tenancy/src/companies/create-company.usecase';
import { AcceptInvitation } from '../../apps/tenancy/src/invitations/accept-invitation.usecase';
import { AddMember } from '../../apps/tenancy/src/memberships/add-member.usecase';
import { PortalsAndMember } from '../../apps/tenancy/src/memberships/portals-and-member.usecase';
import type { TenancyService } from './tenancy-service';

/** What a sign-in on a company's host learns of the user in one statement: their portals, and their membership of this one only. */
export function portalsAndMemberCases(started: () => TenancyService): void {
  describe('tenancy: the portals and the membership a sign-in asks for', () => {
    const tag = randomUUID().slice(0, 8);

    let tenancy: TenancyService;
    beforeAll(() => {
      tenancy = started();
    });

    async function company(name: string, accounts: string[]) {
      const made = await tenancy.get(CreateCompany).execute(TenancyPatterns.createCompany.request.parse({ name, hosts: [`${randomUUID().slice(0, 8)}-${tag}.example.com`] }));
      const accountIds: string[] = [];
      for (const account of accounts) {
        accountIds.push((await tenancy.get(CreateAccount).execute(TenancyPatterns.createAccount.request.parse({ companyId: made.id, name: account }))).id);
      }
      return { company: made, accountIds };
    }

    /** Added, and answered: a new user's activation through the company's link accepts its invitation. */
    const add = async (companyId: string, email: string, accountIds: string[], role: 'admin' | 'client' = 'client', name = 'Client') => {
      const { userId } = await tenancy.get(AddMember).execute(tenancy.parsed.addMember({ companyId, email, name, role, accountIds }));
      await tenancy.get(AcceptInvitation).executeFor(userId, companyId);
    };

    const ask = (userId: string, companyId: string) => tenancy.get(PortalsAndMember).execute(userId, companyId);

    it("a client of two firms: both portals by name, and on one firm's host that firm's role, name for her and accounts only", async () => {
      const zeta = await company(`Zeta ${tag}`, ['Zeta B SCI', 'Zeta A SARL']);
      const alpha = await company(`Alpha ${tag}`, ['Alpha SAS']);
      const user = tenancy.person(`two-firms-${randomUUID()}@example.com`, 'Client', 'fr', true);
      await add(zeta.company.id, user.email, zeta.accountIds, 'client', 'Claire, dossier Zeta');
      await add(alpha.company.id, user.email, alpha.accountIds, 'admin', 'Claire Alpha');
      // Another client of Zeta, with an account of their own: none of theirs is the user's.
      await add(zeta.company.id, tenancy.person(`other-${randomUUID()}@example.com`, 'Client', 'fr', true).email, [
        (await tenancy.get(CreateAccount).execute(TenancyPatterns.createAccount.request.parse({ companyId: zeta.company.id, name: 'Not yours' }))).id,
      ]);

      const onZeta = await ask(user.id, zeta.company.id);
      const onAlpha = await ask(user.id, alpha.company.id);

      expect(onZeta.companies.map((portal) => portal.name)).toEqual([`Alpha ${tag}`, `Zeta ${tag}`]);
      expect(onZeta.member).toEqual({
        role: 'client',
        company: expect.objectContaining({ id: zeta.company.id, hosts: zeta.company.hosts }),
        name: 'Claire, dossier Zeta',
        accounts: [
          { id: zeta.accountIds[1], name: 'Zeta A SARL' },
          { id: zeta.accountIds[0], name: 'Zeta B SCI' },
        ],
      });
      expect(onAlpha.member).toEqual({
        role: 'admin',
        company: expect.objectContaining({ id: alpha.company.id }),
        name: 'Claire Alpha',
        accounts: [{ id: alpha.accountIds[0], name: 'Alpha SAS' }],
      });
    });

    it('a member without an account is still a member, with none', async () => {
      const eta = await company(`Eta ${tag}`, []);
      const user = tenancy.person(`no-account-${randomUUID()}@example.com`, 'Client', 'fr', true);
      await add(eta.company.id, user.email, []);

      expect((await ask(user.id, eta.company.id)).member).toEqual({ role: 'client', company: expect.objectContaining({ id: eta.company.id }), name: 'Client', accounts: [] });
    });

    it("on the host of a firm the user is no member of: their portals, and no membership", async () => {
      const theta = await company(`Theta ${tag}`, ['Theta SA']);
      const iota = await company(`Iota ${tag}`, []);
      const user = tenancy.person(`elsewhere-${randomUUID()}@example.com`, 'Client', 'fr', true);
      await add(theta.company.id, user.email, theta.accountIds);

      expect(await ask(user.id, iota.company.id)).toEqual({ companies: [expect.objectContaining({ id: theta.company.id })], member: null });
      expect(await ask(randomUUID(), iota.company.id)).toEqual({ companies: [], member: null });
    });
  });
}
