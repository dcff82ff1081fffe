import { CompanyView, MemberView } from '@app/contracts';
import { ViewUser } from '../session/user-record';

/** The cached view narrowed to one portal: the user, their companies, and their membership here. */
export interface PortalView {
  user: ViewUser;
  companies: CompanyView[];
  member: MemberView;
}

/**
 * The user's name in this portal: the one its company typed. Identity's is
 * the first firm's, and may say whom else the client works with; it stands in
 * only for members added before companies' names were kept.
 */
export function nameInPortal({ user, member }: PortalView): string {
  return member.name ?? user.name;
}
