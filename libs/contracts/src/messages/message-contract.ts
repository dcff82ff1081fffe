import { z } from 'zod';

/**
 * A request/reply message: its NATS pattern, the schema that validates the
 * request where it enters the service, and the reply type both sides share.
 */
export interface RequestContract<Schema extends z.ZodType = z.ZodType, Reply = unknown> {
  readonly pattern: string;
  readonly request: Schema;
  /**
   * Safe to send twice: a read, or a write whose second application changes
   * nothing. Only these are retried when a replica dies holding the request.
   */
  readonly idempotent: boolean;
  /** Type-only marker: never read at run time. */
  readonly reply?: Reply;
}

/** A fire-and-forget event, named in the past tense. */
export interface EventContract<Schema extends z.ZodType = z.ZodType> {
  readonly pattern: string;
  readonly payload: Schema;
}

/** Curried so that the reply type is explicit while the schema type is inferred. */
export function defineRequest<Reply>() {
  return <Schema extends z.ZodType>(
    pattern: string,
    request: Schema,
    options: { idempotent?: boolean } = {},
  ): RequestContract<Schema, Reply> => ({ pattern, request, idempotent: options.idempotent ?? false });
}

export function defineEvent<Schema extends z.ZodType>(pattern: string, payload: Schema): EventContract<Schema> {
  return { pattern, payload };
}

export type RequestOf<C extends RequestContract> = z.input<C['request']>;
export type ParsedRequestOf<C extends RequestContract> = z.output<C['request']>;
export type ReplyOf<C extends RequestContract> = NonNullable<C['reply']>;
export type EventPayloadOf<C extends EventContract> = z.output<C['payload']>;
