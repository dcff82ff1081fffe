import { createHash } from 'node:crypto';
import { RedisClient } from './create-redis';

type Value = string | number;

/**
 * A Lua script whose keys and arguments have names: the script reads them as
 * `KEY.<name>` and `ARG.<name>` (strings, as Redis passes them), and any
 * further ones as `MORE_KEYS` and `MORE_ARGS`. Every key a script touches, also
 * one it builds from an argument, shares the hash tag of its first key, so
 * that it runs on a Cluster.
 */
export interface RedisScript<K extends string, A extends string, R> {
  readonly keys: readonly K[];
  readonly args: readonly A[];
  readonly lua: string;
  readonly sha: string;
  /** Only carries the type of the reply. */
  readonly reply?: R;
  /** The same script, its reply typed. */
  replying<T>(): RedisScript<K, A, T>;
}

export interface ScriptCall<K extends string, A extends string> {
  keys: Record<K, string>;
  args: Record<A, Value>;
  moreKeys?: string[];
  moreArgs?: Value[];
}

export function redisScript<const K extends string, const A extends string>(spec: {
  keys: readonly K[];
  args: readonly A[];
  body: string;
}): RedisScript<K, A, unknown> {
  const names = (list: readonly string[], array: string) => list.map((name, index) => `['${name}'] = ${array}[${index + 1}]`).join(', ');
  const lua = [
    `local KEY = { ${names(spec.keys, 'KEYS')} }`,
    `local ARG = { ${names(spec.args, 'ARGV')} }`,
    `local MORE_KEYS = { unpack(KEYS, ${spec.keys.length + 1}) }`,
    `local MORE_ARGS = { unpack(ARGV, ${spec.args.length + 1}) }`,
    spec.body,
  ].join('\n');
  const script = { keys: spec.keys, args: spec.args, lua, sha: createHash('sha1').update(lua).digest('hex') };
  return { ...script, replying: <T>() => script as RedisScript<K, A, T> };
}

/**
 * Runs a script by its digest, sending its text only to a server that does not
 * know it yet (a new node, a restart, a failover). Works on any RedisClient:
 * the client routes the call by its first key.
 */
export async function runScript<K extends string, A extends string, R>(
  redis: RedisClient,
  script: RedisScript<K, A, R>,
  call: ScriptCall<K, A>,
): Promise<R> {
  const keys = [...script.keys.map((name) => call.keys[name]), ...(call.moreKeys ?? [])];
  const args = [...script.args.map((name) => call.args[name]), ...(call.moreArgs ?? [])];
  try {
    return (await redis.evalsha(script.sha, keys.length, ...keys, ...args)) as R;
  } catch (error) {
    if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
    return (await redis.eval(script.lua, keys.length, ...keys, ...args)) as R;
  }
}
