import { Writable } from 'node:stream';
import { createLogger } from './logger';
import { requestContext } from './request-context';

/** The lines a logger wrote, parsed. */
function capture(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  const written: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written.push(chunk.toString('utf8'));
      done();
    },
  });
  return { stream, lines: () => written.join('').trim().split('\n').map((line) => JSON.parse(line)) };
}

describe('createLogger', () => {
  test('writes JSON lines naming the service, with the request id of the request being served', () => {
    const output = capture();
    const sut = createLogger('identity', 'info', output.stream);

    requestContext.run({ requestId: 'request-1234' }, () => sut.info('inside'));
    sut.info('outside');

    const [inside, outside] = output.lines();
    expect(inside).toMatchObject({ service: 'identity', level: 'info', msg: 'inside', requestId: 'request-1234' });
    expect(outside).not.toHaveProperty('requestId');
  });

  test('blanks secrets in logged bodies and headers, and keeps the codes of errors', () => {
    const output = capture();
    const sut = createLogger('gateway', 'info', output.stream);

    sut.info({
      body: { email: 'claire@example.com', password: 'Fjord-lantern-1', code: '123456', loginToken: 'lt' },
      req: { headers: { authorization: 'Bearer at', cookie: 'portal_session=s', 'set-cookie': 'x', host: 'acme.test' } },
      err: { code: 'ECONNREFUSED' },
      pin: '1234',
    });

    const [line] = output.lines();
    expect(line).toMatchObject({
      body: { email: 'claire@example.com', password: '[redacted]', code: '[redacted]', loginToken: '[redacted]' },
      req: { headers: { authorization: '[redacted]', cookie: '[redacted]', 'set-cookie': '[redacted]', host: 'acme.test' } },
      err: { code: 'ECONNREFUSED' },
      pin: '[redacted]',
    });
  });

  test('takes Nest’s level names: verbose is pino’s trace', () => {
    expect(createLogger('mfa', 'verbose', capture().stream).level).toBe('trace');
    expect(createLogger('mfa', 'debug', capture().stream).level).toBe('debug');
  });
});
