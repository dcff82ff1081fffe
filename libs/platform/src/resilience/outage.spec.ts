import { DriverException, UniqueConstraintViolationException } from '@mikro-orm/core';
import { ReplyError } from 'ioredis';
import { MaxRetriesPerRequestError } from 'ioredis/built/errors';
import { ErrorCode as NatsErrorCode, NatsError } from 'nats';
import { ErrorCode } from '@app/contracts';
import { outageOf, unavailableBecause } from './outage';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });
/** What pg rejects with when the server answers an error: its SQLSTATE as `code`. */
const postgresError = (message: string, code: string) => Object.assign(new Error(message), { code, severity: 'FATAL' });

describe('outageOf', () => {
  const sut = outageOf;

  it.each([
    ['a refused connection, wrapped by MikroORM', new DriverException(withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))],
    ['Postgres shutting down (57P01)', new DriverException(postgresError('terminating connection due to administrator command', '57P01'))],
    ['Postgres starting up (57P03)', postgresError('the database system is starting up', '57P03')],
    ['a broken connection (08006)', postgresError('connection failure', '08006')],
    ['a connection closed under a query', new DriverException(new Error('Connection terminated unexpectedly'))],
    ['an exhausted pool', new DriverException(new Error('Knex: Timeout acquiring a connection. The pool is probably full.'))],
    ['a statement past statement_timeout (57014)', new DriverException(postgresError('canceling statement due to statement timeout', '57014'))],
    ['a query Postgres never answered', new DriverException(new Error('Query read timeout'))],
    ['a connection that could not be made in time', new DriverException(new Error('timeout expired'))],
  ])('sees Postgres out of reach in %s', (_case, error) => {
    expect(sut(error)?.dependency).toBe('postgres');
  });

  it.each([
    ['retries used up', new MaxRetriesPerRequestError(1)],
    ['a closed connection', new Error('Connection is closed.')],
    ['no reply in time', new Error('Command timed out')],
    ['a server loading its data', new ReplyError('LOADING Redis is loading the dataset in memory')],
    ["a Cluster's slot that moved in a failover", new ReplyError('MOVED 16182 127.0.0.1:44403')],
    ['a replica just promoted, without the script yet', new ReplyError('NOSCRIPT No matching script. Please use EVAL.')],
  ])('sees Redis out of reach in %s', (_case, error) => {
    expect(sut(error)?.dependency).toBe('redis');
  });

  it('sees a Redis transaction cut short by a lost connection', () => {
    const aborted = Object.assign(new ReplyError('EXECABORT Transaction discarded because of previous errors.'), {
      previousErrors: [new MaxRetriesPerRequestError(1)],
    });

    expect(sut(aborted)?.dependency).toBe('redis');
  });

  it('sees NATS gone, and a refusal behind a cause or an AggregateError', () => {
    expect(sut(NatsError.errorForCode(NatsErrorCode.Disconnect))?.dependency).toBe('nats');
    expect(sut(new Error('boot failed', { cause: withCode('connect ECONNREFUSED', 'ECONNREFUSED') }))?.dependency).toBe('network');
    expect(sut(new AggregateError([withCode('connect ECONNREFUSED ::1:6379', 'ECONNREFUSED')]))?.dependency).toBe('network');
  });

  it.each([
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a unique violation', new UniqueConstraintViolationException(postgresError('duplicate key value', '23505'))],
    ['a syntax error', postgresError('syntax error at or near "selec"', '42601')],
    ['a Redis type error', new ReplyError('WRONGTYPE Operation against a key holding the wrong kind of value')],
    ['a NATS permission error', NatsError.errorForCode(NatsErrorCode.PermissionsViolation)],
    ['something that is not an error', 'oops'],
  ])('leaves %s to the caller', (_case, error) => {
    expect(sut(error)).toBeNull();
  });
});

describe(unavailableBecause.name, () => {
  it('is `unavailable`, naming the dependency in a detail that stays inside the system', () => {
    const sut = unavailableBecause({ dependency: 'redis', reason: 'Command timed out' });

    expect(sut.code).toBe(ErrorCode.Unavailable);
    expect(sut.details).toEqual({ reason: 'redis: Command timed out' });
  });
});
