import {
  activeMember,
  browserOn,
  confirmedHelp,
  Company,
  createCompany,
  credentialsOf,
  memberWithTotp,
  operatorClient,
  uniqueEmail,
} from '../support/factories';
import { Mailbox } from '../support/mailbox';
import { sharedGateway } from '../support/run-context';

/**
 * The attacker sends a Host with a port of their choosing: the links tenancy
 * mails still carry the configured origin (PORTAL_ORIGIN_TEMPLATE), on the
 * easy access host for activation and acceptance (invitation-links-off-firm-hosts),
 * on the company's primary host for the help request to admins.
 */
describe("Tenancy's mail links come from configuration, never from the request", () => {
  const mailbox = new Mailbox();
  const forgedPort = 6666;
  let firm: Company;
  let configured: string;
  let easyAccess: string;

  beforeAll(async () => {
    firm = await createCompany({ name: 'Liens Configurés', hostCount: 2 });
    configured = `http://${firm.host}:${sharedGateway().port}`;
    easyAccess = `http://${sharedGateway().easyAccessHost}:${sharedGateway().port}`;
  });

  const inviteOnForgedHost = (email: string, name = 'Nina Lien') =>
    operatorClient().post(
      `/api/operator/companies/${firm.id}/members`,
      { email, name, role: 'client' },
      { headers: { host: `${sharedGateway().easyAccessHost}:${forgedPort}` } },
    );

  test("a new user's activation link, in the answer and the mail, is on the configured origin", async () => {
    const email = uniqueEmail('nina');

    const invited = await inviteOnForgedHost(email);

    expect(invited.status).toBe(201);
    expect(invited.body.activationUrl.startsWith(`${easyAccess}/activate/`)).toBe(true);
    const mail = await mailbox.waitFor({ to: email, containing: '/activate/' });
    expect(mailbox.linkIn(mail, '/activate/').startsWith(`${easyAccess}/activate/`)).toBe(true);
    expect(mail.text).toContain(configured);
    expect(mail.text).not.toContain(String(forgedPort));
  });

  test("an existing user's acceptance link is on the configured origin", async () => {
    const other = await createCompany({ name: 'Autre Firme' });
    const known = await activeMember(other);

    const invited = await inviteOnForgedHost(known.email, known.name);

    expect(invited.status).toBe(201);
    expect(invited.body.acceptanceUrl.startsWith(`${easyAccess}/invitation/`)).toBe(true);
    const mail = await mailbox.waitFor({ to: known.email, containing: '/invitation/' });
    expect(mail.text).toContain(configured);
    expect(mail.text).not.toContain(String(forgedPort));
  });

  test("the admins' help-request mail points to the configured origin, asked on a forged port", async () => {
    const admin = await activeMember(firm, { role: 'admin' });
    const client = await memberWithTotp(firm);
    const signingIn = browserOn(firm.host, sharedGateway(), { headers: { host: `${firm.hosts[1]}:${forgedPort}` } });
    expect((await signingIn.post('/api/auth/login', credentialsOf(client))).body).toEqual({ next: 'totp', methods: ['totp', 'passkey'], trustBrowserDays: 30 });

    expect((await signingIn.post('/api/auth/totp/help', {})).status).toBe(202);
    const toClient = await mailbox.waitFor({ to: client.email, containing: '/help-request/' });
    // The confirmation opens on the platform's host: the firm's would receive its token.
    const easyAccess = `http://${sharedGateway().easyAccessHost}:${sharedGateway().port}`;
    expect(mailbox.linkIn(toClient, '/help-request/').startsWith(`${easyAccess}/help-request/`)).toBe(true);
    expect(toClient.text).not.toContain(String(forgedPort));
    await confirmedHelp(client);

    const mail = await mailbox.waitFor({ to: admin.email, containing: client.email });
    expect(mail.text).toContain(`${configured}`);
    expect(mail.text).not.toContain(String(forgedPort));
  });
});
