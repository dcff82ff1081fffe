/**
 * Sets `key` as the newest entry of `map`, then drops the oldest while the map
 * holds more than `most`: what the gateway keeps per host, session or company
 * cannot grow with what clients send.
 */
export function rememberAtMost<K, V>(map: Map<K, V>, key: K, value: V, most: number): void {
  map.delete(key);
  map.set(key, value);
  while (map.size > most) map.delete(map.keys().next().value!);
}
