import { AddressInfo, createServer, Server, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from '@nestjs/common';
import { SMTPServer } from 'smtp-server';
import { Mail, Mailer } from './mailer';

const mail = (to: Mail['to'] = 'claire@example.com'): Mail => ({ to, subject: 'Bonjour / Hello', text: 'Hello' });
const fast = { retryDelaysMs: [50, 100], timeoutMs: 300 };

/** A real SMTP server that refuses the first `refusals` mails with a temporary error. */
async function smtpServer(refusals = 0): Promise<{ url: string; received: string[]; attempts: () => number; stop: () => Promise<void> }> {
  const received: string[] = [];
  let attempts = 0;
  const server = new SMTPServer({
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      stream.resume();
      stream.on('end', () => {
        attempts += 1;
        if (attempts <= refusals) return callback(Object.assign(new Error('try later'), { responseCode: 451 }));
        received.push(...session.envelope.rcptTo.map((recipient) => recipient.address));
        callback();
      });
    },
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received, attempts: () => attempts, stop: () => new Promise((done) => server.close(done)) };
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

async function until(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await sleep(20);
  }
}

describe(Mailer.name, () => {
  let errors: jest.SpyInstance;
  let sut: Mailer | undefined;

  beforeEach(() => {
    errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });

  afterEach(async () => {
    await sut?.onApplicationShutdown();
    sut = undefined;
    errors.mockRestore();
  });

  it('returns before the mail server answers, then delivers', async () => {
    const smtp = await smtpServer();
    sut = new Mailer(smtp.url, 'Portal <no-reply@portal.test>', fast);

    sut.sendLater('a greeting', mail());

    expect(smtp.received).toEqual([]);
    await until(() => smtp.received.length === 1);
    expect(smtp.received).toEqual(['claire@example.com']);
    expect(errors).not.toHaveBeenCalled();
    await smtp.stop();
  });

  it.each([
    ['a name', { name: 'Claire, eve@evil.example', address: 'claire@example.com' }],
    ['a name with brackets', { name: 'Eve <eve@evil.example>', address: 'claire@example.com' }],
  ])('delivers to the address alone, whatever %s holds', async (_case, to) => {
    const smtp = await smtpServer();
    sut = new Mailer(smtp.url, 'Portal <no-reply@portal.test>', fast);

    sut.sendLater('a greeting', mail(to));

    await until(() => smtp.received.length > 0);
    await sleep(100);
    expect(smtp.received).toEqual(['claire@example.com']);
    await smtp.stop();
  });

  it('tries again after a temporary refusal', async () => {
    const smtp = await smtpServer(2);
    sut = new Mailer(smtp.url, 'Portal <no-reply@portal.test>', fast);

    sut.sendLater('a greeting', mail());

    await until(() => smtp.received.length === 1);
    expect(smtp.attempts()).toBe(3);
    expect(errors).not.toHaveBeenCalled();
    await smtp.stop();
  });

  it('writes the mails when sending them, retrying a failed lookup, and sends each recipient once', async () => {
    const smtp = await smtpServer();
    sut = new Mailer(smtp.url, 'Portal <no-reply@portal.test>', fast);
    let lookups = 0;

    sut.sendLater('a notice to the admins', async () => {
      lookups += 1;
      if (lookups === 1) throw new Error('identity is not answering');
      return [mail('ada@example.com'), mail('bob@example.com')];
    });

    await until(() => smtp.received.length === 2);
    expect(lookups).toBe(2);
    expect(smtp.received.sort()).toEqual(['ada@example.com', 'bob@example.com']);
    await sleep(200);
    expect(smtp.received).toHaveLength(2);
    await smtp.stop();
  });

  it('gives up on a server that never greets after its retries, with one error line', async () => {
    const smtp = await silentServer();
    sut = new Mailer(smtp.url, 'Portal <no-reply@portal.test>', fast);
    const started = Date.now();

    sut.sendLater('the lockout notice of user 42', mail());

    await until(() => errors.mock.calls.length > 0, 5000);
    expect(Date.now() - started).toBeLessThan(3 * fast.timeoutMs + 150 + 1000);
    await sleep(300);
    expect(errors).toHaveBeenCalledTimes(1);
    expect(errors.mock.calls[0][0]).toMatch(/^Gave up mailing the lockout notice of user 42 \(1 of 1 mails\): 3 attempts failed/);
    await smtp.stop();
  });

  it('at shutdown, drops a mail waiting for its retry with one error line', async () => {
    const smtp = await smtpServer(1);
    sut = new Mailer(smtp.url, 'Portal <no-reply@portal.test>', { retryDelaysMs: [60_000], timeoutMs: 300 });

    sut.sendLater('the invitation of user 7', mail());
    await until(() => smtp.attempts() === 1);
    const stopped = Date.now();
    await sut.onApplicationShutdown();
    sut = undefined;

    expect(Date.now() - stopped).toBeLessThan(1500);
    expect(errors).toHaveBeenCalledTimes(1);
    expect(errors.mock.calls[0][0]).toMatch(/^Gave up mailing the invitation of user 7 .*the process stopped before a retry/);
    expect(smtp.received).toEqual([]);
    await smtp.stop();
  });
});
