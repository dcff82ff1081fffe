import { AccountView, CompanyView, MemberRole, MemberView } from '@app/contracts';
import { Portal } from '../portal/host-portal';
import { ViewUser } from '../session/user-record';

/** The signed-in user as front ends see it (GET /api/me in the OpenAPI document, /docs-json). */
export interface Me {
  user: { id: string; email: string; name: string; totpEnabled: boolean; google: boolean };
  role: MemberRole;
  portal: Portal;
  portals: Portal[];
  account: AccountView | null;
  accounts: AccountView[];
  banner: { account: AccountView; dismissed: boolean } | null;
  /** Minutes without a request that end this web session (the company's, or the deployment's); null for the app's access token. */
  idleMinutes: number | null;
}

/** What the gateway caches of a user to answer `Me` without asking the services. */
export interface MemberContext {
  user: ViewUser;
  companies: CompanyView[];
  member: MemberView;
}
