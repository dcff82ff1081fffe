import { CompanyView, MemberView } from '@app/contracts';
import { ViewUser } from '../session/user-record';

/** The cached view narrowed to one portal: the user, their companies, and their membership here. */
export interface PortalView {
  user: ViewUser;
  companies: CompanyView[];
  member: MemberView;
}
