import { useT } from '../i18n/language';
import { TotpEnrolment } from '../two-factor/TotpEnrolment';
import { Pending } from '../ui/Pending';
import { Screen } from '../ui/Screen';
import { useExpectedStep, useSignInFlow } from './sign-in-flow';

/** `totp_enroll`: the company requires 2FA and the user has none yet; the confirm's answer carries the next step. */
export function SignInSetupScreen() {
  const t = useT();
  const { follow } = useSignInFlow();
  const { step, failure } = useExpectedStep('totp_enroll');

  return (
    <Screen title={t.enrol.title}>
      {step ? (
        <>
          <p>{t.enrol.required}</p>
          <TotpEnrolment onDone={(confirmation) => follow('next' in confirmation ? confirmation : { next: 'done' })} />
        </>
      ) : (
        <Pending failure={failure} />
      )}
    </Screen>
  );
}
