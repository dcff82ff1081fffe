import { useT } from '../i18n/language';
import { navigate } from '../routing/router';
import { useMe } from '../signed-in/me-context';
import { TotpEnrolment } from '../two-factor/TotpEnrolment';
import { Screen } from '../ui/Screen';

/** Enrolment chosen from the settings, outside any sign-in. */
export function TwoFactorSetupScreen() {
  const t = useT();
  const { reload } = useMe();

  const finish = async () => {
    await reload();
    navigate('/settings/two-factor');
  };

  return (
    <Screen title={t.enrol.title}>
      <p>{t.enrol.optional}</p>
      <TotpEnrolment onDone={() => void finish()} />
    </Screen>
  );
}
