import { ProvenFactor } from '@app/contracts';
import { SessionKind, SessionRecord, SignInStage } from './session';

/** One letter per factor keeps the field to a few bytes; shipped letters never change meaning. */
const FACTOR_LETTERS = { password: 'p', google: 'g', totp: 't', recovery_code: 'r', passkey: 'k', trusted_browser: 'b' } as const satisfies Record<ProvenFactor, string>;
const FACTOR_OF_LETTER = new Map<string, ProvenFactor>(Object.entries(FACTOR_LETTERS).map(([factor, letter]) => [letter, factor as ProvenFactor]));

const encodeFactors = (factors: ProvenFactor[]) => factors.map((factor) => FACTOR_LETTERS[factor]).join('');
/** A session stored before factors were recorded reads as having proved none: it enters no portal that requires 2FA. */
const decodeFactors = (letters = '') => [...letters].flatMap((letter) => FACTOR_OF_LETTER.get(letter) ?? []);

/**
 * Sessions are Redis hashes of short fields, to keep each under a few hundred
 * bytes; an empty value (null, false, the web kind) is left out when a session
 * is created, and reads back as the default.
 */
export function encodeSession(record: Partial<SessionRecord>): Record<string, string> {
  const fields: Record<string, string | undefined> = {
    uid: record.userId,
    stage: record.stage,
    cid: record.companyId === undefined ? undefined : (record.companyId ?? ''),
    aid: record.accountId === undefined ? undefined : (record.accountId ?? ''),
    bd: record.bannerDismissed === undefined ? undefined : record.bannerDismissed ? '1' : '',
    kind: record.kind === undefined ? undefined : record.kind === 'web' ? '' : record.kind,
    created: record.createdAt?.toString(),
    seen: record.lastSeenAt?.toString(),
    abs: record.absoluteExpiresAt?.toString(),
    idle: record.idleMs?.toString(),
    dev: record.deviceId === undefined ? undefined : (record.deviceId ?? ''),
    // The name user-record.lua.ts reads it by.
    cv: record.credentialVersion?.toString(),
    f: record.factors && encodeFactors(record.factors),
    // Left out while it equals `created`, as it does until a re-authentication.
    pv: record.provedAt === undefined || record.provedAt === record.createdAt ? undefined : record.provedAt.toString(),
    h: record.hostTag === undefined ? undefined : (record.hostTag ?? ''),
    pk: record.passkeys?.join(','),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Record<string, string>;
}

export function decodeSession(fields: Record<string, string>): SessionRecord {
  return {
    userId: fields.uid,
    stage: fields.stage as SignInStage,
    companyId: fields.cid || null,
    accountId: fields.aid || null,
    bannerDismissed: fields.bd === '1',
    kind: (fields.kind || 'web') as SessionKind,
    createdAt: Number(fields.created),
    lastSeenAt: Number(fields.seen),
    absoluteExpiresAt: Number(fields.abs),
    idleMs: Number(fields.idle),
    deviceId: fields.dev || null,
    credentialVersion: Number(fields.cv) || 0,
    factors: decodeFactors(fields.f),
    provedAt: Number(fields.pv || fields.created),
    hostTag: fields.h || null,
    passkeys: fields.pk ? fields.pk.split(',') : [],
  };
}

/** Redis replies to HGETALL inside Lua as a flat [field, value, ...] list. */
export function pairsToObject(pairs: string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (let index = 0; index < pairs.length; index += 2) fields[pairs[index]] = pairs[index + 1];
  return fields;
}
