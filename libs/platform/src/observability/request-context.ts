import { AsyncLocalStorage } from 'node:async_hooks';

/** The header that carries a request's id from the gateway through NATS into each service. */
export const REQUEST_ID_HEADER = 'x-request-id';

export interface RequestScope {
  requestId: string;
}

/** The request being served, wherever the code is: set at the HTTP edge and around each NATS message. */
export const requestContext = new AsyncLocalStorage<RequestScope>();

export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}
