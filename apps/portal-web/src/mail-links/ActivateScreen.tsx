import { portalApi } from '../api/portal-api';
import { useT } from '../i18n/language';
import { MailedLinkScreen } from './MailedLinkScreen';
import { NewPasswordForm } from './NewPasswordForm';

/** `/activate/:token`, from the invitation mail: the new member chooses a password. */
export function ActivateScreen({ token }: { token: string }) {
  const t = useT();
  return (
    <MailedLinkScreen purpose="activation" token={token} title={t.activate.title}>
      <p>{t.activate.intro}</p>
      <NewPasswordForm submitLabel={t.activate.submit} doneText={t.activate.done} save={(password) => portalApi.mailLinks.activate(token, password)} />
    </MailedLinkScreen>
  );
}
