/**
 * NATS subject of a pattern. A namespace keeps deployments (and test runs)
 * that share one NATS server from answering each other's messages.
 */
export function subjectOf(namespace: string, pattern: string): string {
  return namespace ? `${namespace}.${pattern}` : pattern;
}
