import { AddressInfo, createServer, Server, Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { Mail, Mailer } from './mailer';

const mail = (to: Mail['to'] = 'claire@example.com'): Mail => ({ to, subject: 'Bonjour / Hello', text: 'Hello' });

/** A real SMTP server that refuses the first `refusals` mails with a temporary error. */
async function smtpServer(refusals = 0): Promise<{ url: string; received: string[]; messageIds: string[]; attempts: () => number; stop: () => Promise<void> }> {
  const received: string[] = [];
  const messageIds: string[] = [];
  let attempts = 0;
  const server = new SMTPServer({
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let header = '';
      stream.on('data', (chunk: Buffer) => (header += chunk.toString()));
      stream.on('end', () => {
        attempts += 1;
        if (attempts <= refusals) return callback(Object.assign(new Error('try later'), { responseCode: 451 }));
        received.push(...session.envelope.rcptTo.map((recipient) => recipient.address));
        messageIds.push(/^message-id:\s*(.+)$/im.exec(header)?.[1].trim() ?? '');
        callback();
      });
    },
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received, messageIds, attempts: () => attempts, stop: () => new Promise((done) => server.close(done)) };
}

/** Accepts connections and never says a word: a mail server that hangs. */
async function silentServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const sockets: Socket[] = [];
  const server: Server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const stop = () => new Promise<void>((done) => {
    sockets.forEach((socket) => socket.destroy());
    server.close(() => done());
  });
  return { url: `smtp://127.0.0.1:${port}`, stop };
}

describe(Mailer.name, () => {
  let sut: Mailer | undefined;

  afterEach(() => {
    sut?.onApplicationShutdown();
    sut = undefined;
  });

  it('resolves once the server accepted the mail, with the message id it was given', async () => {
    const smtp = await smtpServer();
    sut = new Mailer(smtp.url, 'Portal <no-reply@portal.test>');

    await sut.send(mail(), '<identity.7.0.1@portal.test>');

    expect(smtp.received).toEqual(['claire@example.com']);
    expect(smtp.messageIds).toEqual(['<identity.7.0.1@portal.test>']);
    await smtp.stop();
  });

  it.each([
    ['a name', { name: 'Claire, eve@evil.example', address: 'claire@example.com' }],
    ['a name with brackets', { name: 'Eve <eve@evil.example>', address: 'claire@example.com' }],
  ])('delivers to the address alone, whatever %s holds', async (_case, to) => {
    const smtp = await smtpServer();
    sut = new Mailer(smtp.url, 'Portal <no-reply@portal.test>');

    await sut.send(mail(to), '<a@portal.test>');

    expect(smtp.received).toEqual(['claire@example.com']);
    await smtp.stop();
  });

  it('throws when the server refuses, so that the outbox keeps the mail', async () => {
    const smtp = await smtpServer(1);
    sut = new Mailer(smtp.url, 'Portal <no-reply@portal.test>');

    await expect(sut.send(mail(), '<a@portal.test>')).rejects.toThrow(/try later/);

    expect(smtp.received).toEqual([]);
    await smtp.stop();
  });

  it('throws after its timeout when the server never greets', async () => {
    const smtp = await silentServer();
    sut = new Mailer(smtp.url, 'Portal <no-reply@portal.test>', 300);
    const started = Date.now();

    await expect(sut.send(mail(), '<a@portal.test>')).rejects.toThrow();

    expect(Date.now() - started).toBeLessThan(2000);
    await smtp.stop();
  });

  it('names its domain after the sender', () => {
    sut = new Mailer('smtp://127.0.0.1:1', 'Client portal <no-reply@portal.localhost>');

    expect(sut.domain).toBe('portal.localhost');
  });
});
