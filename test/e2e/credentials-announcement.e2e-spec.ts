import { IdentityEvents } from '@app/common';
import { expectError } from '../support/api-error';
import { activeMember, browserOn, Company, createCompany, credentialsOf, Member, signedInClient } from '../support/factories';
import { queryRunDatabase } from '../support/databases';
import { eventually } from '../support/late-answers';
import { PortalClient } from '../support/portal-client';

/**
 * Identity records each change of credentials in the transaction of the
 * change, and sends it after the commit. What an identity process leaves
 * behind when it dies between the two is sent by whichever process looks next.
 */
describe('A change of credentials committed but never announced', () => {
  let firm: Company;
  let member: Member;
  let earlierSession: PortalClient;

  beforeAll(async () => {
    firm = await createCompany({ name: 'Girard Expertise' });
    member = await activeMember(firm);
    earlierSession = await signedInClient(firm, member);
    expect((await earlierSession.get('/api/me')).status).toBe(200);
  });

  test('is announced by the next look, and the sessions signed in before it end', async () => {
    // What a revocation whose process died after its commit leaves: the new version, and its announcement.
    const [{ credential_version: credentialVersion }] = await queryRunDatabase<{ credential_version: number }>(
      'update identity.users set credential_version = credential_version + 1 where id = ? returning credential_version',
      [member.userId],
    );
    await queryRunDatabase('insert into identity.announcements (pattern, payload) values (?, ?::jsonb)', [
      IdentityEvents.credentialsChanged.pattern,
      JSON.stringify({ userId: member.userId, credentialVersion }),
    ]);

    expectError(await eventually(() => earlierSession.get('/api/me'), 401), 401, 'unauthenticated');
    const left = await queryRunDatabase("select id from identity.announcements where payload->>'userId' = ?", [member.userId]);
    expect(left).toEqual([]);
  });

  test('a sign-in under the new version works', async () => {
    const login = await browserOn(firm.host).post('/api/auth/login', credentialsOf(member));

    expect(login.body).toMatchObject({ next: 'done', me: { user: { email: member.email } } });
  });
});
