export const IDEMPOTENT_CALLER = 'idempotent-caller';

/** Whose keys a route's are: the operator's, or the signed-in admin's within their company. */
export type IdempotentCaller = 'operator' | 'admin';
