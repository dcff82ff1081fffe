import { EntityManager } from '@mikro-orm/postgresql';
import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { announcementSendFailures, announcementsSent } from '../observability/metrics';
import { outageOf } from '../resilience/outage';
import { OutboxPasses } from '../resilience/outbox-passes';
import { DomainError, ErrorCode, EventContract, EventPayloadOf } from '@app/contracts';
import { AnnouncementStream } from './announcement-stream';

const BATCH = 100;

interface Announcement {
  id: string;
  pattern: string;
  payload: unknown;
  created_at: Date;
}

const isOutage = (error: unknown) => outageOf(error) !== null || (error instanceof DomainError && error.code === ErrorCode.Unavailable);

/**
 * A service's events, in its own `<schema>.announcements` table: `record`
 * writes one in the transaction of the change it tells of, so that the two
 * commit together; the relay sends it after the commit, and every second for
 * those a process left behind, and deletes it only once the JetStream stream
 * stored it (which keeps it until a gateway handled it). Taken rows stay
 * locked while they are sent: another replica skips them, and a failure puts
 * them back; a row sent twice is stored once (its id is the message id).
 */
export class AnnouncementRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('announcements');
  private readonly contracts: Map<string, EventContract>;
  private readonly take: string;
  private readonly passes = new OutboxPasses(async () => (await this.sendBatch()) === BATCH, {
    failed: (error, first) => {
      announcementSendFailures.inc();
      if (first && isOutage(error)) this.logger.warn(`Announcements kept for a later try: ${(error as Error).message}`);
      if (first && !isOutage(error)) this.logger.error(`Announcements cannot be sent: ${(error as Error).stack}`);
    },
    over: () => this.logger.log('Announcements are sent again'),
  });

  /** @param announced the events this service records, at least one. */
  constructor(
    private readonly em: EntityManager,
    private readonly stream: AnnouncementStream,
    private readonly schema: string,
    announced: EventContract[],
  ) {
    this.contracts = new Map(announced.map((contract) => [contract.pattern, contract]));
    this.take = `
      delete from "${schema}".announcements where id in (
        select id from "${schema}".announcements where pattern in (${announced.map(() => '?').join(', ')})
        order by id limit ${BATCH} for update skip locked)
      returning id, pattern, payload, created_at`;
  }

  /** In the transaction `tx` of the change; call sendSoon once it committed. */
  async record<C extends EventContract>(tx: EntityManager, contract: C, payload: EventPayloadOf<C>): Promise<void> {
    if (!this.contracts.has(contract.pattern)) throw new Error(`${contract.pattern} is not announced by this service`);
    await tx.execute(`insert into "${this.schema}".announcements (pattern, payload) values (?, ?::jsonb)`, [contract.pattern, JSON.stringify(payload)]);
  }

  onApplicationBootstrap(): void {
    this.passes.start();
  }

  /** Runs before NATS and Postgres close (AnnouncementsModule is not global): the pass under way ends first. */
  async onApplicationShutdown(): Promise<void> {
    await this.passes.stop();
  }

  /** After the commit of a change that recorded announcements; also every second, for those a process left behind. */
  sendSoon(): void {
    this.passes.soon();
  }

  private async sendBatch(): Promise<number> {
    // Outside the transaction: no row stays locked while the stream is made.
    await this.stream.ensure();
    return this.em.fork().transactional(async (tx) => {
      const taken = await tx.execute<Announcement[]>(this.take, [...this.contracts.keys()]);
      for (const { id, pattern, payload, created_at } of taken.sort((a, b) => Number(a.id) - Number(b.id))) {
        // With the time: ids may come again after a restore of the database, within the stream's duplicate window.
        await this.stream.publish(this.contracts.get(pattern)!, payload as never, `${this.schema}:${id}:${new Date(created_at).getTime()}`);
        announcementsSent.inc({ pattern });
      }
      return taken.length;
    });
  }
}
