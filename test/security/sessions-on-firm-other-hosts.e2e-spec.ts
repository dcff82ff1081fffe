import { expectError } from '../support/api-error';
import { activeMember, browserOn, Company, createCompany, credentialsOf, Member, signedInClient } from '../support/factories';
import { PortalClient } from '../support/portal-client';

interface Listed {
  id: string;
  kind: string;
  current: boolean;
}

/**
 * The attacker has Claire's password and signs in at her firm's portal, but
 * not on the name she uses: on the firm's second host name, and on her own
 * host's name written with the trailing dot of a fully qualified name
 * (`cabinet.test.`), which resolves to the same firm. Claire, on the firm's
 * main host, must see those sessions in her list and end them, one by one or
 * all the others at once: a session she cannot see from her firm's portal is
 * one she cannot end there.
 */
describe("A firm's host lists and ends the client's sessions on the firm's other host names", () => {
  let firm: Company;
  let claire: Member;
  let onMain: PortalClient;

  const listOn = async (client: PortalClient) => {
    const answer = await client.get('/api/me/sessions');
    expect(answer.status).toBe(200);
    return (answer.body as Listed[]).filter((entry) => entry.kind === 'web');
  };
  const currentIdOn = async (client: PortalClient) => (await listOn(client)).find((entry) => entry.current)!.id;
  const intruderOn = async (host: string) => {
    const intruder = browserOn(host, firm.gateway);
    expect((await intruder.post('/api/auth/login', credentialsOf(claire))).body).toMatchObject({ next: 'done' });
    return intruder;
  };

  beforeAll(async () => {
    firm = await createCompany({ name: 'Cabinet Deux Noms', hostCount: 2 });
    claire = await activeMember(firm, { name: 'Claire Noms' });
    onMain = await signedInClient(firm, claire);
  });

  test("on the firm's main host, the list holds the sessions on its second host name and on its name with a trailing dot", async () => {
    const onSecond = await intruderOn(firm.hosts[1]);
    const withDot = await intruderOn(`${firm.host}.`);

    const listed = (await listOn(onMain)).map((entry) => entry.id);

    expect(listed).toEqual(expect.arrayContaining([await currentIdOn(onSecond), await currentIdOn(withDot)]));
    expect(listed).toHaveLength(3);
  });

  test('she ends the one on the trailing-dot name by its id', async () => {
    const withDot = await intruderOn(`${firm.host}.`);
    const id = await currentIdOn(withDot);
    expect((await onMain.post('/api/me/reauthenticate', { password: claire.password })).status).toBe(204);

    expect((await onMain.delete(`/api/me/sessions/${id}`)).status).toBe(204);

    expectError(await withDot.get('/api/me'), 401, 'unauthenticated');
  });

  test("signing out the other sessions ends those on the firm's other host names too", async () => {
    const onSecond = await intruderOn(firm.hosts[1]);
    const withDot = await intruderOn(`${firm.host}.`);
    expect((await onMain.post('/api/me/reauthenticate', { password: claire.password })).status).toBe(204);

    expect((await onMain.post('/api/me/sessions/sign-out-others')).status).toBe(204);

    expectError(await onSecond.get('/api/me'), 401, 'unauthenticated');
    expectError(await withDot.get('/api/me'), 401, 'unauthenticated');
    expect((await onMain.get('/api/me')).status).toBe(200);
  });
});
