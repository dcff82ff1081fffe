import { CompanyView } from '@app/contracts';

/** What the request's host is: a company's portal, or the easy access host that belongs to none. */
export type HostPortal = { kind: 'easy_access' } | { kind: 'company'; company: CompanyView };

/** A portal as front ends see it. */
export interface Portal {
  id: string;
  name: string;
  url: string;
}
