import { expectError } from '../support/api-error';
import { activeMember, browserOn, Company, createCompany, credentialsOf, Member } from '../support/factories';
import { Mailbox } from '../support/mailbox';
import { sharedGateway } from '../support/run-context';

/** The Host header picks the portal and the origin of mailed links: only a plain name and port may do either. */
describe('The Host header', () => {
  const mailbox = new Mailbox();
  const { port } = sharedGateway();
  let firm: Company;
  let member: Member;

  beforeAll(async () => {
    firm = await createCompany({ name: 'Lemaire Associés' });
    member = await activeMember(firm);
  });

  const withHost = (host: string, path: string, json?: unknown) =>
    browserOn(firm.host).request('POST', path, { json, headers: { host } });

  test.each([
    ['with userinfo, which URL parsers take for another host', (host: string) => `${host}:1@evil.example`],
    ['with a port that is no number', (host: string) => `${host}:abc`],
    ['with a port past 65535', (host: string) => `${host}:99999`],
    ['with an underscore', () => 'my_host.test'],
    ['as an IPv6 address', () => '[::1]'],
    ['with a space', (host: string) => `${host} evil.example`],
  ])('%s gets 404 unknown_portal, on sign-in and on the reset link alike', async (_case, hostOf) => {
    const host = hostOf(firm.host);

    expectError(await withHost(host, '/api/auth/login', credentialsOf(member)), 404, 'unknown_portal');
    expectError(await withHost(host, '/api/auth/password/forgot', { email: member.email }), 404, 'unknown_portal');
  });

  test('a reset link points at the easy access host, with the configured origin', async () => {
    expect((await withHost(`${firm.host}:${port}`, '/api/auth/password/forgot', { email: member.email })).status).toBe(202);

    const mail = await mailbox.waitFor({ to: member.email, containing: '/reset-password/' });
    expect(mail.text).toContain(`http://${sharedGateway().easyAccessHost}:${port}/reset-password/`);
    expect(mail.text).not.toContain('evil.example');
  });
});
