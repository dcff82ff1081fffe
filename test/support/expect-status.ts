import { PortalResponse } from './portal-client';

/**
 * For factories: a setup step that fails says which request and what came
 * back, instead of failing later on an undefined field.
 */
export function expectStatus(response: PortalResponse, status: number, step: string): PortalResponse {
  if (response.status !== status) {
    throw new Error(`${step}: expected ${status}, got ${response.status} ${response.text}`);
  }
  return response;
}
