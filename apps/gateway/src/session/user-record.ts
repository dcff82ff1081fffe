import { CompanyView, MemberView } from '@app/contracts';

/** What `Me` shows of the user: identity's user and whether mfa has a factor for them. */
export interface ViewUser {
  id: string;
  email: string;
  name: string;
  google: boolean;
  totpEnabled: boolean;
}

/** A membership, without its company: the company is one of `companies`. */
export type CachedMember = Omit<MemberView, 'company'>;

/**
 * What the gateway caches of a user, in their record beside the index of
 * their sessions: each part is missing until fetched from its service.
 */
export interface CachedView {
  /** Counts invalidations: a fill made from data read at another generation is refused. */
  generation: number;
  user?: ViewUser;
  companies?: CompanyView[];
  members: Record<string, CachedMember>;
}

/**
 * The user's record, as redis-scripts.ts writes it, fields apart with tabs:
 * generation, end of the view's validity (ms), the session index
 * (`entry:absoluteEndMs,…`, an entry being the digest part of a session id), and the view as JSON. JSON never holds a raw tab.
 */
function fieldsOf(raw: string): [generation: string, viewUntil: string, index: string, view: string] {
  const first = raw.indexOf('\t');
  const second = first < 0 ? -1 : raw.indexOf('\t', first + 1);
  const third = second < 0 ? -1 : raw.indexOf('\t', second + 1);
  if (third < 0) return ['', '', '', ''];
  return [raw.slice(0, first), raw.slice(first + 1, second), raw.slice(second + 1, third), raw.slice(third + 1)];
}

/**
 * The cached view in `userId`'s record ('' when there is none); a view past
 * its validity counts as none. What storedViewOf left out comes back: the
 * user's id, which is the record's key, and every false.
 */
export function cachedViewOf(raw: string, now: number, userId: string): CachedView {
  const [generation, viewUntil, , view] = fieldsOf(raw);
  const stored: Omit<CachedView, 'generation'> = view !== '' && Number(viewUntil) > now ? JSON.parse(view) : { members: {} };
  if (stored.user) {
    stored.user.id = userId;
    stored.user.google ??= false;
    stored.user.totpEnabled ??= false;
  }
  for (const company of stored.companies ?? []) company.requireTotp ??= false;
  // A membership cached before the company's name for the member was: asked again, rather than shown under identity's name.
  for (const [companyId, member] of Object.entries(stored.members)) if ((member as Partial<CachedMember>).name === undefined) delete stored.members[companyId];
  return { ...stored, generation: Number(generation) || 0 };
}

/**
 * The view as stored, without the user's id and without the false flags
 * (the view holds no array of booleans): a few dozen bytes a session, which
 * keep a web session under a kilobyte of Redis.
 */
export function storedViewOf({ user, companies, members }: Omit<CachedView, 'generation'>): string {
  return JSON.stringify({ user: user && { ...user, id: undefined }, companies, members }, (_key, value: unknown) =>
    value === false ? undefined : value,
  );
}

/** The entries of the sessions the record indexes, ended or not. */
export function sessionEntriesOf(raw: string): string[] {
  const [, , index] = fieldsOf(raw);
  return index === '' ? [] : index.split(',').map((entry) => entry.slice(0, entry.lastIndexOf(':')));
}
