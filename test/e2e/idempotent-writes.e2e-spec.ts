import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { expectError } from '../support/api-error';
import {
  activeMember,
  askedForHelp,
  Company,
  createCompany,
  Member,
  memberWithTotp,
  operatorClient,
  signedInClient,
  uniqueEmail,
} from '../support/factories';
import { pauseFor } from '../support/late-answers';
import { OwnStack, startOwnStack } from '../support/own-stack';
import { PortalClient } from '../support/portal-client';

/** Under the gateway's wait for tenancy (RPC_TIMEOUT_MS is 2 s in the tests): the paused write still succeeds. */
const TENANCY_PAUSE_MS = 1200;

const withKey = (key: string) => ({ headers: { 'Idempotency-Key': key } });

/**
 * Operator and admin writes sent again with the same `Idempotency-Key`, as a
 * client does after a lost answer: applied once. A stack of its own, since
 * one test pauses tenancy.
 */
describe('Idempotent operator and admin writes', () => {
  let own: OwnStack;
  let firm: Company;
  let otherFirm: Company;
  let admin: Member;
  let adminBrowser: PortalClient;
  let otherAdminBrowser: PortalClient;

  beforeAll(async () => {
    own = await startOwnStack('idempotency');
    firm = await createCompany({ name: 'Lefèvre Conseil' }, own.gateway);
    otherFirm = await createCompany({ name: 'Morel Gestion' }, own.gateway);
    admin = await activeMember(firm, { role: 'admin' });
    adminBrowser = await signedInClient(firm, admin);
    otherAdminBrowser = await signedInClient(otherFirm, await activeMember(otherFirm, { role: 'admin' }));
  }, 120_000);

  afterAll(async () => {
    await own?.dispose();
  });

  test('the operator creating a company twice with one key gets the first answer, replayed, and one company', async () => {
    const operator = operatorClient(own.gateway);
    const key = randomUUID();
    const body = { name: 'Perrin Avocats', hosts: [`perrin-${key.slice(0, 8)}.localhost`] };

    const first = await operator.post('/api/operator/companies', body, withKey(key));
    const again = await operator.post('/api/operator/companies', body, withKey(key));

    expect(first.status).toBe(201);
    expect({ status: again.status, body: again.body, replayed: again.headers['idempotent-replayed'] }).toEqual({
      status: 201,
      body: first.body,
      replayed: 'true',
    });
    // Without the key, the same host is taken: the first write was the only one.
    expectError(await operator.post('/api/operator/companies', body), 409, 'conflict');
  });

  test('the same key with another body is 422 idempotency_key_reused', async () => {
    const operator = operatorClient(own.gateway);
    const key = randomUUID();
    const path = `/api/operator/companies/${firm.id}/accounts`;
    expect((await operator.post(path, { name: 'Famille Perrin' }, withKey(key))).status).toBe(201);

    expectError(await operator.post(path, { name: 'SCI Perrin' }, withKey(key)), 422, 'idempotency_key_reused');
  });

  test('the same key while the first request is under way is 409 idempotency_key_in_flight; the first still answers', async () => {
    const operator = operatorClient(own.gateway);
    const key = randomUUID();
    const path = `/api/operator/companies/${firm.id}/accounts`;
    const resume = pauseFor(own.stack.process('tenancy').pid!, TENANCY_PAUSE_MS);
    const first = operator.post(path, { name: 'Indivision Perrin' }, withKey(key));
    await sleep(200);

    const during = await operator.post(path, { name: 'Indivision Perrin' }, withKey(key));
    await resume;

    expectError(during, 409, 'idempotency_key_in_flight');
    expect((await first).status).toBe(201);
  });

  test('a retried admin disable is applied once: one audit entry', async () => {
    const client = await memberWithTotp(firm, { name: 'Hugo Client' });
    await askedForHelp(firm, client);
    const key = randomUUID();
    const disable = () => adminBrowser.post(`/api/admin/users/${client.userId}/mfa/disable`, { reason: 'Called back' }, withKey(key));

    expect((await disable()).status).toBe(204);
    expect((await disable()).status).toBe(204);

    const audit = await adminBrowser.get('/api/admin/audit');
    expect(audit.body.filter((entry: { target: { id: string } }) => entry.target.id === client.userId)).toHaveLength(1);
  });

  test('two companies’ admins using the same key never meet', async () => {
    const key = randomUUID();

    const ours = await adminBrowser.post('/api/admin/clients', { email: uniqueEmail(), name: 'Léa Lefèvre', accountIds: [] }, withKey(key));
    const theirs = await otherAdminBrowser.post('/api/admin/clients', { email: uniqueEmail(), name: 'Noé Morel', accountIds: [] }, withKey(key));

    expect([ours.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.body.userId).not.toBe(ours.body.userId);
  });

  test('a malformed key is refused before anything is applied', async () => {
    const answer = await operatorClient(own.gateway).post(`/api/operator/companies/${firm.id}/accounts`, { name: 'X' }, withKey('a b'));

    expectError(answer, 400, 'validation_failed');
  });

  test('the OpenAPI document declares the header and its statuses on these writes', async () => {
    const document = (await operatorClient(own.gateway).get('/docs-json')).body;
    const disable = document.paths['/api/admin/users/{userId}/mfa/disable'].post;

    expect(disable.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Idempotency-Key', in: 'header' })]));
    expect(Object.keys(disable.responses)).toEqual(expect.arrayContaining(['409', '422']));
  });
});
