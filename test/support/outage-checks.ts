import { knex, Knex } from '@mikro-orm/postgresql';
import { Agent, request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppProcess } from './app-process';
import { Company, credentialsOf, Member, operatorClient, uniqueEmail } from './factories';
import { Stack } from './stack';

/** How one process ended after a signal: its exit code (or the signal that killed it), and how long it took. */
export interface Stopped {
  name: string;
  exit: number | string | null;
  elapsedMs: number;
}

export async function stopAndWatch(stack: Stack, name: string, signal: NodeJS.Signals): Promise<Stopped> {
  const started = Date.now();
  await stack.stop(name, signal);
  return { name, exit: exitOf(stack.process(name)), elapsedMs: Date.now() - started };
}

/** AppProcess keeps how its child ended to itself (it tells only `running`): read it for this check. */
function exitOf(process: AppProcess): number | string | null {
  return process['exitCode'];
}

export async function queryDatabase<Row>(url: string, sql: string, bindings: readonly Knex.RawBinding[] = []): Promise<Row[]> {
  const db = knex({ client: 'pg', connection: url, pool: { min: 0, max: 1 } });
  try {
    return (await db.raw<{ rows: Row[] }>(sql, bindings)).rows;
  } finally {
    await db.destroy();
  }
}

/**
 * Operators inviting people one after the other, as a write under load: an
 * invitation answered 503 is sent again after Retry-After, as a client should.
 * @returns each email invited successfully in the end, with how many POSTs it took.
 */
export async function inviteCountingPosts(company: Company, keepGoing: () => boolean): Promise<Map<string, number>> {
  const operator = operatorClient(company.gateway);
  const posts = new Map<string, number>();
  while (keepGoing()) {
    const email = uniqueEmail('invitee');
    for (let attempt = 1; ; attempt += 1) {
      posts.set(email, attempt);
      const answer = await operator.post(`/api/operator/companies/${company.id}/members`, { email, name: 'Léa Martin', role: 'client', accountIds: [] });
      if (answer.status === 201) break;
      if (answer.status !== 503 || attempt === 5) throw new Error(`Inviting ${email}: ${answer.status} ${answer.text}`);
      await sleep(Number(answer.headers['retry-after'] ?? 1) * 1000);
    }
  }
  return posts;
}

/**
 * A sign-in over a keep-alive connection, as browsers and proxies send them:
 * the connection stays open after the answer, the kind that can hold a
 * stopping server open. @returns the status, with the Connection header.
 */
export function signInKeepingAlive(agent: Agent, company: Company, member: Member): Promise<{ status: number; connection?: string }> {
  const body = JSON.stringify(credentialsOf(member));
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        agent,
        host: '127.0.0.1',
        port: company.gateway.port,
        method: 'POST',
        path: '/api/auth/login',
        headers: { host: `${company.host}:${company.gateway.port}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (incoming) => {
        incoming.resume();
        incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, connection: incoming.headers.connection }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
