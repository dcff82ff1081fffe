import { activeMember, browserOn, Company, createCompany, Member } from '../support/factories';
import { Mailbox } from '../support/mailbox';
import { sharedGateway } from '../support/run-context';

/**
 * Firm A controls its portal's DNS. It asks for a reset link for a client of
 * firm B on A's own host, or with a forged Host port: were the link built from
 * the request, it would point at A's server, which would collect B's client's
 * token. The link comes from PORTAL_ORIGIN_TEMPLATE, on the easy access host
 * (token-links-off-firm-hosts: not even on her own firm's).
 */
describe("A reset link never follows the request's Host", () => {
  const mailbox = new Mailbox();
  const { port } = sharedGateway();
  let firmA: Company;
  let firmB: Company;
  let clientOfB: Member;

  beforeAll(async () => {
    firmA = await createCompany({ name: 'Attaquant Conseil' });
    firmB = await createCompany({ name: 'Victime Associés' });
    clientOfB = await activeMember(firmB);
  });

  test("asked on A's host, the link to B's client is on the easy access host, with the configured origin", async () => {
    const asked = await browserOn(firmA.host).post('/api/auth/password/forgot', { email: clientOfB.email });

    expect(asked.status).toBe(202);
    const mail = await mailbox.waitFor({ to: clientOfB.email, containing: '/reset-password/' });
    expect(new URL(mailbox.linkIn(mail, '/reset-password/')).origin).toBe(`http://${sharedGateway().easyAccessHost}:${port}`);
  });

  test('asked with a forged Host port, the link keeps the configured port', async () => {
    const forged = { headers: { host: `${firmB.host}:6666` } };

    const asked = await browserOn(firmB.host).post('/api/auth/password/forgot', { email: clientOfB.email }, forged);

    expect(asked.status).toBe(202);
    const mail = await mailbox.waitFor({ to: clientOfB.email, containing: '/reset-password/' });
    expect(new URL(mailbox.linkIn(mail, '/reset-password/')).origin).toBe(`http://${sharedGateway().easyAccessHost}:${port}`);
  });

  test('asked on the easy-access host, the link is there too', async () => {
    const asked = await browserOn(sharedGateway().easyAccessHost).post('/api/auth/password/forgot', { email: clientOfB.email });

    expect(asked.status).toBe(202);
    const mail = await mailbox.waitFor({ to: clientOfB.email, containing: '/reset-password/' });
    expect(new URL(mailbox.linkIn(mail, '/reset-password/')).origin).toBe(`http://${sharedGateway().easyAccessHost}:${port}`);
  });
});
