import { availableParallelism } from 'node:os';

/**
 * Password hashes run on libuv's thread pool, four threads by default. Each
 * argon2id verification is memory-hard: more threads than cores only make
 * them contend, which cost a quarter of the sign-ins per second on two cores.
 * Imported first by main.ts, since libuv reads this when the pool first starts.
 * An operator's own UV_THREADPOOL_SIZE wins.
 */
process.env.UV_THREADPOOL_SIZE ??= String(availableParallelism());
