'use strict';
const { connect } = require('nats');

/** Deletes the product's JetStream stream of announcements: the NATS server is shared with other runs. */
async function deleteStream(natsUrl, name) {
  const nats = await connect({ servers: natsUrl });
  try {
    const manager = await nats.jetstreamManager();
    await manager.streams.delete(name).catch(() => undefined);
  } finally {
    await nats.close();
  }
}

module.exports = { deleteStream };
