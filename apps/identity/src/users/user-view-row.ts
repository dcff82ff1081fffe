import { Language, UserView } from '@app/contracts';

/** The columns of a UserView, for the hot reads in plain SQL (the password check, a passkey's use); `u` names identity.users. */
export const USER_VIEW_COLUMNS =
  'u.id, u.email, u.name, u.activated_at is not null as activated, u.google_sub is not null as google, u.credential_version, u.language';

export interface UserViewRow {
  id: string;
  email: string;
  name: string;
  activated: boolean;
  google: boolean;
  credential_version: number;
  language: Language;
}

/** What toUserView gives of an entity, from a row of USER_VIEW_COLUMNS. */
export function userViewOf(row: UserViewRow): UserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    active: row.activated,
    google: row.google,
    credentialVersion: row.credential_version,
    language: row.language,
  };
}
