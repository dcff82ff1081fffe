import { setTimeout as sleep } from 'node:timers/promises';
import { activeMember, Company, credentialsOf, Member } from './factories';
import { anotherMachineAddress, PortalClient, PortalResponse } from './portal-client';

/** One request of the load, as its user saw it. */
export interface Outcome {
  step: 'login' | 'me';
  /** 0 when no answer came: connection refused or reset, or no answer in time. */
  status: number;
  /** The `error` code of the answer, or what the network said. */
  error?: string;
  retryAfter?: string;
  startedAt: number;
  elapsedMs: number;
}

/** Longer than any answer should take (an RPC timeout and its retries): past it, the request counts as hung. */
const CLIENT_TIMEOUT_MS = 10_000;

/**
 * Users signing in on their company's portal, then opening it (GET /api/me),
 * in a few concurrent loops until stopped. Each sign-in comes from an address
 * of its own, so the per-address limit never answers in place of the system.
 * Users take turns, and the turn carries on from one start to the next: a user
 * is fresh (no view cached) the first time; every sign-in, fresh or not, asks
 * identity, tenancy and mfa (password, memberships, factor), none of it cached.
 */
export class SignInLoad {
  private readonly outcomes: Outcome[] = [];
  private loops: Promise<void>[] = [];
  private stopping = false;
  private next = 0;

  constructor(
    private readonly company: Company,
    private readonly members: Member[],
    private readonly concurrency = 4,
  ) {}

  start(): this {
    this.stopping = false;
    this.loops = Array.from({ length: this.concurrency }, () => this.loop());
    return this;
  }

  /** @returns what every request since `start` got. */
  async stop(): Promise<Outcome[]> {
    this.stopping = true;
    await Promise.all(this.loops);
    return this.outcomes.splice(0);
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      const member = this.members[this.next % this.members.length];
      this.next += 1;
      const browser = new PortalClient(this.company.host, this.company.gateway.port, {
        sourceAddress: anotherMachineAddress(),
        timeoutMs: CLIENT_TIMEOUT_MS,
      });
      const login = await this.send('login', () => browser.post('/api/auth/login', credentialsOf(member)));
      if (login.status === 200) await this.send('me', () => browser.get('/api/me'));
    }
  }

  private async send(step: Outcome['step'], request: () => Promise<PortalResponse>): Promise<Outcome> {
    const startedAt = Date.now();
    const outcome: Outcome = await request().then(
      (answer) => ({
        step,
        status: answer.status,
        error: answer.status === 200 ? undefined : (answer.body?.error ?? answer.text),
        retryAfter: answer.headers['retry-after'] as string | undefined,
        startedAt,
        elapsedMs: Date.now() - startedAt,
      }),
      (error: Error) => ({ step, status: 0, error: error.message, startedAt, elapsedMs: Date.now() - startedAt }),
    );
    this.outcomes.push(outcome);
    return outcome;
  }
}

/** Failed requests counted by what they got, e.g. `{ 'login 500 internal': 2 }`: readable in a failed expectation. */
export function tally(outcomes: Outcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { step, status, error } of outcomes) {
    const key = `${step} ${status} ${error ?? 'ok'}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

export function failed(outcomes: Outcome[]): Outcome[] {
  return outcomes.filter((outcome) => outcome.status !== 200);
}

/** What a client may meet while a dependency is down: success, or 503 `unavailable` telling when to try again. */
export function isSuccessOrUnavailable(outcome: Outcome): boolean {
  return outcome.status === 200 || (outcome.status === 503 && outcome.error === 'unavailable' && outcome.retryAfter !== undefined);
}

/** Members made a few at a time: a load needs dozens. */
export async function activeMembers(company: Company, count: number): Promise<Member[]> {
  const members: Member[] = [];
  while (members.length < count) {
    const batch = Math.min(4, count - members.length);
    members.push(...(await Promise.all(Array.from({ length: batch }, () => activeMemberAfterBusy(company)))));
  }
  return members;
}

const BUSY_TRIES = 3;

/**
 * The setup of an outage spec is not what it tests: on a machine busy with the
 * browser specs, a service replica just started may answer the first adds
 * after the gateway's wait (503 `unavailable`, with Retry-After), and a
 * client then tries again, as this does, with a new email each time.
 */
async function activeMemberAfterBusy(company: Company): Promise<Member> {
  for (let tries = 1; ; tries += 1) {
    try {
      return await activeMember(company);
    } catch (error) {
      if (tries === BUSY_TRIES || !/got 503 .*"unavailable"/.test((error as Error).message)) throw error;
      await sleep(1000);
    }
  }
}
