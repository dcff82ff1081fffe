import { MikroORM } from '@mikro-orm/postgresql';
import { Logger } from '@nestjs/common';

/**
 * How long a starting service waits for Postgres. A request waits a second at
 * most (BOUNDED_POSTGRES_WAITS), but services started together, or on a busy
 * host, may need longer for their first connection: exiting then would leave
 * the service down for a slow second.
 */
const BOOT_PATIENCE_MS = 30_000;
const RETRY_EVERY_MS = 500;

/** Connects the service's ORM at start (serviceOrmConfig leaves it unconnected), again and again until Postgres answers or the patience ends. */
export async function connectPatiently(orm: MikroORM, logger: Logger): Promise<void> {
  const deadline = Date.now() + BOOT_PATIENCE_MS;
  for (let attempt = 1; ; attempt++) {
    try {
      await (attempt === 1 ? orm.connect() : orm.reconnect());
      return;
    } catch (error) {
      if (Date.now() + RETRY_EVERY_MS > deadline) throw error;
      logger.warn(`Postgres did not answer the start (attempt ${attempt}): ${(error as Error).message}. Trying again.`);
      await new Promise((resolve) => setTimeout(resolve, RETRY_EVERY_MS));
    }
  }
}
