import { hash } from 'node:crypto';

/**
 * SHA-256 in base64url: how the gateway names a secret it must find again
 * without keeping it (a token in a Redis key, a cookie's id), so that a dump
 * of Redis or a log line holds nothing to replay.
 */
export const digestOf = (value: string): string => hash('sha256', value, 'base64url');
