import { AddressInfo, connect, createServer, Server, Socket } from 'node:net';
import { expectError } from '../support/api-error';
import {
  activeMember,
  askedForHelp,
  browserOn,
  Company,
  createCompany,
  credentialsOf,
  easyAccessBrowser,
  Member,
  memberWithTotp,
  operatorClient,
  signedInClient,
  TotpMember,
  uniqueEmail,
} from '../support/factories';
import { Mailbox } from '../support/mailbox';
import { OwnStack, startOwnStack } from '../support/own-stack';
import { PortalClient, PortalResponse } from '../support/portal-client';
import { currentRun } from '../support/run-context';

/** Under the gateway's wait for a service (RPC_TIMEOUT_MS is 2 s in the tests): no answer may wait on the mail. */
const PROMPT_MS = 1000;
/** The first attempt waits out the 5 s greeting timeout, the retry comes 1 s later. */
const RETRIED_MAIL_MS = 15_000;

/**
 * The mail server of the stack, which can go silent: it then takes
 * connections and never greets (a hung SMTP server, no TCP reset). Otherwise it
 * hands them to the run's mail sink.
 */
class MailServerGate {
  private silent = false;
  private readonly sockets = new Set<Socket>();

  private constructor(private readonly server: Server) {}

  static async open(sink: URL): Promise<MailServerGate> {
    const gate: MailServerGate = new MailServerGate(createServer((socket) => gate.take(socket, sink)));
    await new Promise<void>((done) => gate.server.listen(0, '127.0.0.1', done));
    return gate;
  }

  get url(): string {
    return `smtp://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  goSilent(): void {
    this.silent = true;
  }

  answerAgain(): void {
    this.silent = false;
  }

  close(): Promise<void> {
    this.sockets.forEach((socket) => socket.destroy());
    return new Promise((done) => this.server.close(() => done()));
  }

  private take(socket: Socket, sink: URL): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
    if (this.silent) return;
    const upstream = connect(Number(sink.port), sink.hostname);
    this.sockets.add(upstream);
    upstream.once('close', () => this.sockets.delete(upstream));
    socket.pipe(upstream).pipe(socket);
    socket.once('error', () => upstream.destroy());
    upstream.once('error', () => socket.destroy());
  }
}

const expectPrompt = (answer: PortalResponse, status: number) =>
  expect({ status: answer.status, prompt: answer.elapsedMs < PROMPT_MS }).toEqual({ status, prompt: true });

describe('While the mail server hangs', () => {
  const mailbox = new Mailbox();
  let gate: MailServerGate;
  let own: OwnStack;
  let firm: Company;
  let admin: Member;
  let adminBrowser: PortalClient;
  let client: TotpMember;
  let inviteeEmail: string;

  beforeAll(async () => {
    gate = await MailServerGate.open(new URL(currentRun().smtpUrl));
    own = await startOwnStack('mail-hangs', { extraEnv: () => ({ SMTP_URL: gate.url }) });
    firm = await createCompany({ name: 'Caron Expertise' }, own.gateway);
    admin = await activeMember(firm, { role: 'admin' });
    client = await memberWithTotp(firm);
    adminBrowser = await signedInClient(firm, admin);
    await mailbox.waitFor({ to: client.email, containing: '/activate/' });
    // Confirmed from the mailbox while it answers: the request the admin acts on below.
    await askedForHelp(firm, client);
    gate.goSilent();
  }, 120_000);

  afterAll(async () => {
    await own?.dispose();
    await gate?.close();
  });

  test('a client asking for help again during the code step gets 202 at once', async () => {
    const signingIn = browserOn(firm.host, own.gateway);
    expect((await signingIn.post('/api/auth/login', credentialsOf(client))).body).toEqual({ next: 'totp', methods: ['totp', 'passkey'], trustBrowserDays: 30 });

    expectPrompt(await signingIn.post('/api/auth/totp/help', { message: 'Téléphone perdu' }), 202);
  });

  test('the admin turns the client’s 2FA off: 204 at once, audited once', async () => {
    expectPrompt(await adminBrowser.post(`/api/admin/users/${client.userId}/mfa/disable`, { reason: 'Called back' }), 204);

    const audit = await adminBrowser.get('/api/admin/audit');
    expect(audit.body).toEqual([expect.objectContaining({ target: expect.objectContaining({ id: client.userId }) })]);
    expectError(await client.browser.get('/api/me'), 401, 'unauthenticated');
  });

  test('the operator invites a member: 201 at once, with the activation link', async () => {
    inviteeEmail = uniqueEmail('invitee');
    const body = { email: inviteeEmail, name: 'Inès Caron', role: 'client' };

    const invited = await operatorClient(own.gateway).post(`/api/operator/companies/${firm.id}/members`, body);

    expectPrompt(invited, 201);
    expect(invited.body.activationUrl).toContain('/activate/');
  });

  test('a forgotten password gets 202 at once', async () => {
    expectPrompt(await easyAccessBrowser(own.gateway).post('/api/auth/password/forgot', { email: admin.email }), 202);
  });

  test('once the mail server answers again, every mail arrives, retried', async () => {
    gate.answerAgain();

    const [help, notice, invitation, reset] = await Promise.all([
      mailbox.waitFor({ to: admin.email, containing: client.email }, RETRIED_MAIL_MS),
      // The client also got the alert of their 2FA turned on: the admin's disable is the one looked for.
      mailbox.waitFor({ to: client.email, subject: 'Authentification à deux facteurs désactivée' }, RETRIED_MAIL_MS),
      mailbox.waitFor({ to: inviteeEmail, containing: '/activate/' }, RETRIED_MAIL_MS),
      mailbox.waitFor({ to: admin.email, containing: '/reset-password/' }, RETRIED_MAIL_MS),
    ]);

    expect(notice.text).toMatch(/^Bonjour /);
    expect([help, invitation, reset].map((mail) => mail.to)).toEqual([[admin.email], [inviteeEmail], [admin.email]]);
  });
});
