import { portalApi } from '../api/portal-api';
import { useT } from '../i18n/language';
import { MailedLinkScreen } from './MailedLinkScreen';
import { NewPasswordForm } from './NewPasswordForm';

/** `/reset-password/:token`, from the reset mail. */
export function ResetPasswordScreen({ token }: { token: string }) {
  const t = useT();
  return (
    <MailedLinkScreen purpose="reset" token={token} title={t.reset.title}>
      <p>{t.reset.intro}</p>
      <NewPasswordForm submitLabel={t.reset.submit} doneText={t.reset.done} save={(password) => portalApi.mailLinks.resetPassword(token, password)} />
    </MailedLinkScreen>
  );
}
