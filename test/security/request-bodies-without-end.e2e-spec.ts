import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { activeMember, createCompany } from '../support/factories';
import { queryRunDatabase } from '../support/databases';
import { OwnStack, startOwnStack } from '../support/own-stack';
import { Gateway, sharedGateway } from '../support/run-context';

const STACK_START_MS = 120_000;
const REQUEST_TIMEOUT_SECONDS = 2;
const MIB = 1024 * 1024;

interface Outcome {
  /** What the gateway sent back, as received. */
  answer: string;
  /** Whether the gateway closed the connection within the wait. */
  closed: boolean;
}

/**
 * A raw connection, as an attacker holds one: the request's head, then
 * `feed` again every `everyMs` until the gateway closes the connection or
 * `waitMs` pass. With `busyMs`, the client is busy that long before each
 * write, as on a loaded machine: what the gateway sent meanwhile is read
 * only after that write.
 */
async function sendWithoutEnd(gateway: Gateway, head: string, feed: string, everyMs: number, waitMs: number, busyMs = 0): Promise<Outcome> {
  const socket = connect(gateway.port, '127.0.0.1');
  const outcome: Outcome = { answer: '', closed: false };
  socket.on('data', (data: Buffer) => (outcome.answer += data.toString('latin1')));
  socket.on('close', () => (outcome.closed = true));
  // Writing on after the gateway closed its side fails; what it answered was received before.
  socket.on('error', () => undefined);
  socket.write(head);
  const deadline = Date.now() + waitMs;
  while (!outcome.closed && Date.now() < deadline) {
    for (const busyUntil = Date.now() + busyMs; Date.now() < busyUntil; );
    if (socket.writable) socket.write(feed);
    await sleep(everyMs);
  }
  socket.destroy();
  return outcome;
}

/** The body of a raw answer, as JSON. */
const bodyOf = (answer: string): unknown => JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));

const headOf = (gateway: Gateway, framing: string): string =>
  `POST /api/auth/login HTTP/1.1\r\nHost: ${gateway.easyAccessHost}\r\nContent-Type: application/json\r\n${framing}\r\n\r\n`;

/**
 * Each connection the gateway keeps open holds a socket and a handler. A
 * client that never finishes its body must not hold them for as long as it
 * likes: one that sends without end, and one that sends a byte at a time.
 */
describe('A request body without end', () => {
  test('a chunked body past the size limit, sent on and on by a busy client: 413, and the gateway closes the connection', async () => {
    const chunk = `${MIB.toString(16)}\r\n${'x'.repeat(MIB)}\r\n`;

    const { answer, closed } = await sendWithoutEnd(sharedGateway(), headOf(sharedGateway(), 'Transfer-Encoding: chunked'), chunk, 1, 5000, 30);

    expect(closed).toBe(true);
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
  });

  test('a declared body too large to read and drop, sent on by a busy client: 413, and the gateway closes the connection', async () => {
    const { answer, closed } = await sendWithoutEnd(sharedGateway(), headOf(sharedGateway(), `Content-Length: ${100 * MIB}`), 'x'.repeat(MIB), 1, 5000, 30);

    expect(closed).toBe(true);
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
  });

  test('a request sent behind a refused body is not run, even by a client that keeps its side open', async () => {
    const member = await activeMember(await createCompany({ name: 'Cabinet Derrière' }));
    const forgot = JSON.stringify({ email: member.email });
    const behind =
      `POST /api/auth/password/forgot HTTP/1.1\r\nHost: ${sharedGateway().easyAccessHost}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${forgot.length}\r\n\r\n${forgot}`;
    const refused = `${headOf(sharedGateway(), `Content-Length: ${9 * MIB}`)}${'x'.repeat(9 * MIB)}`;
    // A client that does not end its side when the gateway ends its own: Node's would, and abort what it sent behind.
    const socket = connect({ port: sharedGateway().port, host: '127.0.0.1', allowHalfOpen: true });
    let answer = '';
    socket.on('data', (data: Buffer) => (answer += data.toString('latin1')));
    socket.on('error', () => undefined);
    socket.write(`${refused}${behind}`);

    await sleep(1500);
    socket.destroy();

    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer.match(/HTTP\/1\.1 /g)).toHaveLength(1);
    const resetLinks = await queryRunDatabase("select 1 from identity.user_tokens where user_id = ? and purpose = 'reset'", [member.userId]);
    expect(resetLinks).toEqual([]);
  });

  test('a request Node cannot parse: 400 in the API\'s error shape, and the connection closed', async () => {
    const { answer, closed } = await sendWithoutEnd(sharedGateway(), 'NOT A REQUEST\r\n\r\n', '', 50, 3000);

    expect(closed).toBe(true);
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(bodyOf(answer)).toEqual({ error: 'malformed_request', message: expect.any(String) });
  });

  test('a head past 16 KiB: 431 in the API\'s error shape, and the connection closed', async () => {
    const head = `GET /api/me HTTP/1.1\r\nHost: ${sharedGateway().easyAccessHost}\r\nX-Padding: ${'x'.repeat(20 * 1024)}\r\n\r\n`;

    const { answer, closed } = await sendWithoutEnd(sharedGateway(), head, '', 50, 3000);

    expect(closed).toBe(true);
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(bodyOf(answer)).toEqual({ error: 'headers_too_large', message: expect.any(String) });
  });

  describe(`with REQUEST_TIMEOUT_SECONDS=${REQUEST_TIMEOUT_SECONDS}`, () => {
    let own: OwnStack;

    beforeAll(async () => {
      own = await startOwnStack('request-timeout', { extraEnv: () => ({ REQUEST_TIMEOUT_SECONDS: String(REQUEST_TIMEOUT_SECONDS) }) });
    }, STACK_START_MS);

    afterAll(async () => {
      await own?.dispose();
    });

    test('a body sent a byte at a time, slower than the limit allows: 408, and the gateway closes the connection', async () => {
      const { answer, closed } = await sendWithoutEnd(own.gateway, headOf(own.gateway, 'Content-Length: 1000'), 'x', 200, 4 * REQUEST_TIMEOUT_SECONDS * 1000);

      expect(closed).toBe(true);
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      expect(answer).toMatch(/\r\nContent-Type: application\/json; charset=utf-8\r\n/i);
      expect(bodyOf(answer)).toEqual({ error: 'request_timeout', message: expect.stringContaining(`${REQUEST_TIMEOUT_SECONDS} s`) });
    });

    test('a body sent whole in time is answered as usual', async () => {
      const body = JSON.stringify({ email: 'nobody@example.test', password: 'not-her-password' });
      const { answer } = await sendWithoutEnd(own.gateway, `${headOf(own.gateway, `Content-Length: ${body.length}\r\nConnection: close`)}${body}`, '', 100, 3000);

      expect(answer).toMatch(/^HTTP\/1\.1 401 /);
    });
  });
});
