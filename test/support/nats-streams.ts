import { connect } from 'nats';
import { infrastructure } from './infrastructure';

/** Removes a run's JetStream streams (its announcements): the NATS server is shared with other runs. */
export async function deleteNatsStreams(prefix: string): Promise<void> {
  const nats = await connect({ servers: infrastructure.natsUrl });
  try {
    const manager = await nats.jetstreamManager();
    for await (const name of manager.streams.names()) {
      if (name.startsWith(prefix)) await manager.streams.delete(name);
    }
  } finally {
    await nats.close();
  }
}
