import { EntityManager } from '@mikro-orm/postgresql';
import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EventContract } from '../transport/message-contract';
import { RpcClient } from '../transport/rpc-client';

/** How often recorded announcements are looked for: those of a process that died, or that NATS did not take. */
const SWEEP_MS = 1000;
const BATCH = 100;

interface Announcement {
  id: string;
  pattern: string;
  payload: unknown;
}

/**
 * Sends the announcements a service recorded with recordAnnouncement: right
 * after their commit (sendSoon), and every second. Taken rows stay locked
 * while they are sent and are deleted only once NATS confirmed them: another
 * replica skips them, and a failure puts them back.
 */
export class AnnouncementRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('announcements');
  private readonly contracts: Map<string, EventContract>;
  private readonly take: string;
  private sweep?: NodeJS.Timeout;
  private pass?: Promise<void>;
  private again = false;
  private failing = false;

  /** @param announced the events this service records; rows of any other pattern are left alone. */
  constructor(
    private readonly em: EntityManager,
    private readonly rpc: RpcClient,
    schema: string,
    announced: EventContract[],
  ) {
    this.contracts = new Map(announced.map((contract) => [contract.pattern, contract]));
    this.take = `
      delete from "${schema}".announcements where id in (
        select id from "${schema}".announcements where pattern in (${announced.map(() => '?').join(', ')})
        order by id limit ${BATCH} for update skip locked)
      returning id, pattern, payload`;
  }

  onApplicationBootstrap(): void {
    this.sweep = setInterval(() => this.sendSoon(), SWEEP_MS).unref();
    this.sendSoon();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.sweep);
    this.again = false;
    await this.pass;
  }

  /** Starts a pass, or asks the running one for another round. */
  sendSoon(): void {
    if (this.pass) {
      this.again = true;
      return;
    }
    this.pass = this.sendAll().finally(() => (this.pass = undefined));
  }

  private async sendAll(): Promise<void> {
    do {
      this.again = false;
      try {
        if ((await this.sendBatch()) === BATCH) this.again = true;
        if (this.failing) this.logger.log('Announcements are sent again');
        this.failing = false;
      } catch (error) {
        if (!this.failing) this.logger.warn(`Announcements kept for a later try: ${(error as Error).message}`);
        this.failing = true;
        return;
      }
    } while (this.again);
  }

  private sendBatch(): Promise<number> {
    return this.em.fork().transactional(async (tx) => {
      const taken = await tx.execute<Announcement[]>(this.take, [...this.contracts.keys()]);
      for (const { pattern, payload } of taken.sort((a, b) => Number(a.id) - Number(b.id))) {
        await this.rpc.emitConfirmed(this.contracts.get(pattern)!, payload as never);
      }
      return taken.length;
    });
  }
}
