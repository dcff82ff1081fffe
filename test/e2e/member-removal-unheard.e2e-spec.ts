import { TenancyPatterns } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { connect, NatsConnection } from 'nats';
import { activeMember, addMember, createCompany, credentialsOf, signedInClient } from '../support/factories';
import { infrastructure } from '../support/infrastructure';
import { waitUntil } from '../support/late-answers';
import { MobileApp } from '../support/mobile-app';
import { currentRun } from '../support/run-context';

/**
 * An admin removes a client, but the gateway that asked never hears tenancy's
 * answer (it timed out, or its process died): it ends none of her sessions,
 * and the admin's retry finds no one to remove (404). Here the removal is
 * asked over NATS directly, as that gateway asked it: tenancy's announcement
 * is what ends her sessions in the firm, in the browser and in the app.
 */
describe('A removal whose answer the gateway never heard', () => {
  let nats: NatsConnection;

  beforeAll(async () => {
    nats = await connect({ servers: infrastructure.natsUrl });
  });

  afterAll(async () => {
    await nats.close();
  });

  test("ends her sessions in that firm all the same, and only those", async () => {
    const firm = await createCompany({ name: 'Cabinet Perdu' });
    const otherFirm = await createCompany({ name: 'Cabinet Resté' });
    const admin = await activeMember(firm, { role: 'admin' });
    const claire = await activeMember(firm);
    await addMember(otherFirm, { email: claire.email });
    const herBrowser = await signedInClient(firm, claire);
    const herOtherBrowser = await signedInClient(otherFirm, claire);
    const app = new MobileApp();
    await app.signIn(credentialsOf(claire), '5937');
    expect((await app.post('/api/me/portal', { portalId: firm.id })).status).toBe(200);

    const tenancy = new RpcClient(nats, currentRun().natsSubjectPrefix, 2000);
    await tenancy.request(TenancyPatterns.removeMember, { companyId: firm.id, userId: claire.userId, actorUserId: admin.userId });

    // Routes that read no portal: only the ending of the session stops them.
    expect(await waitUntil(async () => (await herBrowser.get('/api/me/sessions')).status === 401)).toBe(true);
    expect(await waitUntil(async () => (await app.get('/api/me/sessions')).status === 401)).toBe(true);
    expect((await herOtherBrowser.get('/api/me/sessions')).status).toBe(200);
  });
});
