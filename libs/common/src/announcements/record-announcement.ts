import { EntityManager } from '@mikro-orm/postgresql';
import { EventContract, EventPayloadOf } from '../transport/message-contract';

/**
 * Records an event in the transaction of the change it tells of, in the
 * service's own `<schema>.announcements` table, so that the two commit
 * together; the service's AnnouncementRelay sends it after the commit, and
 * again after a crash, until NATS has it. Receivers see it at least once.
 */
export async function recordAnnouncement<C extends EventContract>(
  tx: EntityManager,
  schema: string,
  contract: C,
  payload: EventPayloadOf<C>,
): Promise<void> {
  await tx.execute(`insert into "${schema}".announcements (pattern, payload) values (?, ?::jsonb)`, [contract.pattern, JSON.stringify(payload)]);
}
