import { randomUUID } from 'node:crypto';
import { AuditAction, DomainError, ErrorCode, TenancyPatterns } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { ListAudit } from '../../apps/tenancy/src/audit/list-audit.usecase';
import { CreateCompany } from '../../apps/tenancy/src/companies/create-company.usecase';
import { AcceptInvitation } from '../../apps/tenancy/src/invitations/accept-invitation.usecase';
import { ListOpenHelpRequests } from '../../apps/tenancy/src/help-requests/list-open-help-requests.usecase';
import { OpenHelpRequest } from '../../apps/tenancy/src/help-requests/open-help-request.usecase';
import { AddMember } from '../../apps/tenancy/src/memberships/add-member.usecase';
import { DisableSecondFactor } from '../../apps/tenancy/src/second-factor/disable-second-factor.usecase';
import { TENANCY_SCHEMA } from '../../apps/tenancy/src/mikro-orm.config';
import type { TenancyService } from './tenancy-service';

/**
 * The admin's 2FA disable, in tenancy alone: who has standing, which second
 * factors it removes (the TOTP factor, every passkey), what it writes in each
 * company's audit, and that nothing is written when a step fails.
 */
export function adminDisableCases(started: () => TenancyService): void {
  describe('tenancy: an admin turns a member\'s 2FA off', () => {
    const tag = randomUUID().slice(0, 8);

    let tenancy: TenancyService;
    beforeAll(() => {
      tenancy = started();
    });

    async function company(name: string) {
      const request = TenancyPatterns.createCompany.request.parse({ name, hosts: [`${name.toLowerCase()}-${tag}.example.com`] });
      return tenancy.get(CreateCompany).execute(request);
    }

    /** A member: a user still to activate joins when she activates through the company's link, as here. */
    async function member(companyId: string, role: 'admin' | 'client', email = `${role}-${randomUUID()}@example.com`) {
      const user = tenancy.person(email, role, 'fr', true);
      await joined(companyId, user.email, user.name, role);
      return user;
    }

    async function joined(companyId: string, email: string, name: string, role: 'admin' | 'client' = 'client') {
      const { userId } = await tenancy.get(AddMember).execute(tenancy.parsed.addMember({ companyId, email, name, role }));
      await tenancy.get(AcceptInvitation).executeFor(userId, companyId);
    }

    const disable = (companyId: string, actorUserId: string, userId: string, reason: string | null = null) =>
      tenancy.get(DisableSecondFactor).execute(tenancy.parsed.disable({ companyId, actorUserId, userId, reason }));

    /**
     * The client's own "no access to the app" request, confirmed as the link
     * mailed to them does (the e2e specs follow the link): the admin acts only
     * in answer to one.
     */
    const asked = async (companyId: string, userId: string, message: string | null = null) => {
      await tenancy.get(OpenHelpRequest).execute(tenancy.parsed.openRequest({ companyId, userId, message, credentialVersion: 1 }));
      await tenancy
        .get(EntityManager)
        .getConnection()
        .execute(`update "${TENANCY_SCHEMA}".help_requests set confirmed_at = now() where company_id = ? and user_id = ? and closed_at is null`, [
          companyId,
          userId,
        ]);
    };

    async function refusal(action: Promise<unknown>): Promise<string> {
      const error = await action.then(() => null, (caught: unknown) => caught);
      expect(error).toBeInstanceOf(DomainError);
      return (error as DomainError).code;
    }

    it('a client of this company only: 2FA is removed, then passkeys, credentials revoked, and the act audited with its admin and reason', async () => {
      const firm = await company('Alpha');
      const admin = await member(firm.id, 'admin');
      const client = await member(firm.id, 'client');
      await asked(firm.id, client.id);

      await expect(disable(firm.id, admin.id, client.id, 'lost phone')).resolves.toEqual({ userId: client.id, credentialVersion: 2 });

      expect(tenancy.effectsOn(client.id)).toEqual(['removed the TOTP factor', 'removed 0 passkeys', 'revoked credentials']);
      const audit = await tenancy.get(ListAudit).execute(firm.id);
      expect(audit).toEqual([
        expect.objectContaining({ action: AuditAction.SecondFactorDisabled, actor: expect.objectContaining({ id: admin.id }), reason: 'lost phone' }),
      ]);
    });

    it('a client with passkeys on two hosts: all removed before the credentials are revoked, and the mail says how many', async () => {
      const firm = await company('Lambda');
      const admin = await member(firm.id, 'admin');
      const client = await member(firm.id, 'client');
      tenancy.passkeys.set(client.id, 2);
      await asked(firm.id, client.id);

      await disable(firm.id, admin.id, client.id, 'lost phone');

      expect(tenancy.effectsOn(client.id)).toEqual(['removed the TOTP factor', 'removed 2 passkeys', 'revoked credentials']);
      const mail = await tenancy.mailbox.waitFor({ to: client.email, subject: 'Authentification à deux facteurs désactivée' });
      expect(mail.text).toContain("Vos 2 clés d'accès ont été supprimées : elles ne permettent plus de vous connecter.");
    });

    it('a client without passkeys: the mail does not speak of them', async () => {
      const firm = await company('Mu');
      const admin = await member(firm.id, 'admin');
      const client = await member(firm.id, 'client');
      await asked(firm.id, client.id);

      await disable(firm.id, admin.id, client.id);

      const mail = await tenancy.mailbox.waitFor({ to: client.email, subject: 'Authentification à deux facteurs désactivée' });
      expect(mail.text).not.toContain("clé d'accès");
    });

    it('without an open request, a client of this firm only or shared with another: no_open_help_request alike, and nothing is asked of mfa or identity', async () => {
      const firm = await company('Beta');
      const other = await company('Gamma');
      const admin = await member(firm.id, 'admin');
      const alone = await member(firm.id, 'client');
      const shared = await member(firm.id, 'client');
      await joined(other.id, shared.email, shared.name);

      await expect(refusal(disable(firm.id, admin.id, alone.id))).resolves.toBe(ErrorCode.NoOpenHelpRequest);
      await expect(refusal(disable(firm.id, admin.id, shared.id))).resolves.toBe(ErrorCode.NoOpenHelpRequest);

      expect(tenancy.effectsOn(alone.id)).toEqual([]);
      expect(tenancy.effectsOn(shared.id)).toEqual([]);
      expect(await tenancy.get(ListAudit).execute(firm.id)).toEqual([]);
      expect(await tenancy.get(ListAudit).execute(other.id)).toEqual([]);
    });

    it('the shared client asked this firm: the request is closed, and the other firm\'s audit names neither the admin nor the reason', async () => {
      const firm = await company('Delta');
      const other = await company('Epsilon');
      const admin = await member(firm.id, 'admin');
      const shared = await member(firm.id, 'client');
      await joined(other.id, shared.email, shared.name);
      await asked(firm.id, shared.id, 'new phone');

      await disable(firm.id, admin.id, shared.id, `asked by ${other.name}'s client`);

      expect(await tenancy.get(ListOpenHelpRequests).execute(firm.id)).toEqual([]);
      expect(await tenancy.get(ListAudit).execute(firm.id)).toEqual([
        expect.objectContaining({ actor: expect.objectContaining({ id: admin.id }), reason: `asked by ${other.name}'s client` }),
      ]);
      expect(await tenancy.get(ListAudit).execute(other.id)).toEqual([
        expect.objectContaining({ action: AuditAction.SecondFactorDisabled, actor: null, reason: null, target: expect.objectContaining({ id: shared.id }) }),
      ]);
    });

    it('no standing: a client acting, or a target of another firm, is refused before anything is done', async () => {
      const firm = await company('Zeta');
      const stranger = await company('Eta');
      const admin = await member(firm.id, 'admin');
      const client = await member(firm.id, 'client');
      const outsider = await member(stranger.id, 'client');

      await expect(refusal(disable(firm.id, client.id, admin.id))).resolves.toBe(ErrorCode.Forbidden);
      await expect(refusal(disable(firm.id, admin.id, outsider.id))).resolves.toBe(ErrorCode.NotFound);
      expect(tenancy.effectsOn(outsider.id)).toEqual([]);
      expect(tenancy.effectsOn(admin.id)).toEqual([]);
    });

    it('identity out of reach: the request stays open and nothing is audited, so that the admin\'s retry does it all', async () => {
      const firm = await company('Kappa');
      const admin = await member(firm.id, 'admin');
      const client = await member(firm.id, 'client');
      await asked(firm.id, client.id);
      tenancy.passkeys.set(client.id, 1);
      tenancy.unrevokable.add(client.id);

      await expect(refusal(disable(firm.id, admin.id, client.id))).resolves.toBe(ErrorCode.Unavailable);
      expect(await tenancy.get(ListOpenHelpRequests).execute(firm.id)).toHaveLength(1);
      expect(await tenancy.get(ListAudit).execute(firm.id)).toEqual([]);

      tenancy.unrevokable.delete(client.id);
      await disable(firm.id, admin.id, client.id);
      expect(tenancy.effectsOn(client.id)).toEqual([
        'removed the TOTP factor',
        'removed 1 passkeys',
        'removed the TOTP factor',
        'removed 0 passkeys',
        'revoked credentials',
      ]);
      expect(await tenancy.get(ListOpenHelpRequests).execute(firm.id)).toEqual([]);
      expect(await tenancy.get(ListAudit).execute(firm.id)).toHaveLength(1);
    });

    it('an invited user who has not accepted cannot have asked: no_open_help_request, as a member who has not (not_found would tell that the email had an account)', async () => {
      const firm = await company('Theta');
      const home = await company('Iota');
      const admin = await member(firm.id, 'admin');
      const client = await member(home.id, 'client');
      client.pending = false;
      const added = await tenancy.get(AddMember).execute(
        tenancy.parsed.addMember({ companyId: firm.id, email: client.email, name: client.name, role: 'client' }),
      );
      expect(added.acceptanceUrl).toEqual(expect.stringContaining('/invitation/'));

      await expect(refusal(disable(firm.id, admin.id, client.id))).resolves.toBe(ErrorCode.NoOpenHelpRequest);
      expect(tenancy.effectsOn(client.id)).toEqual([]);
    });
  });
}
