import { EventContract, EventPayloadOf, IdentityEvents } from '@app/common';
import { EntityManager } from '@mikro-orm/postgresql';

/** The events identity must not lose: they go through the announcements table. */
export const ANNOUNCED: EventContract[] = [IdentityEvents.credentialsChanged];

const RECORD = 'insert into identity.announcements (pattern, payload) values (?, ?::jsonb)';

/**
 * Records an event in the transaction of the change it tells of, so that the
 * two commit together; AnnouncementRelay sends it after the commit, and again
 * after a crash, until NATS has it. Receivers see it at least once.
 */
export async function recordAnnouncement<C extends EventContract>(tx: EntityManager, contract: C, payload: EventPayloadOf<C>): Promise<void> {
  await tx.execute(RECORD, [contract.pattern, JSON.stringify(payload)]);
}
