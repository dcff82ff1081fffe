import type { EntityManager } from '@mikro-orm/postgresql';

/** Well under the gateway's 1 s wait for a health answer: a hung database is named, not taken for a hung service. */
const DATABASE_CHECK_MS = 500;

/** Whether the service's database answers `select 1` in time. */
export async function databaseState(em: EntityManager): Promise<'up' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'down'>((resolve) => (timer = setTimeout(() => resolve('down'), DATABASE_CHECK_MS)));
  const answer = em.getConnection().execute('select 1').then(() => 'up' as const, () => 'down' as const);
  try {
    return await Promise.race([answer, late]);
  } finally {
    clearTimeout(timer);
  }
}
