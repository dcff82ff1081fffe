import { IdParam } from '../http/id-param';

/** An id that is not even a uuid names no member: the same 404 as an unknown one. */
export const memberId = new IdParam('No such member.');
