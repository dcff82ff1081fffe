import { portalApi } from '../api/portal-api';
import { useErrorText, useT } from '../i18n/language';
import { ErrorMessage } from '../ui/Alerts';
import { Pending } from '../ui/Pending';
import { Screen } from '../ui/Screen';
import { useAction } from '../ui/use-action';
import { useExpectedStep, useSignInFlow } from './sign-in-flow';

/** On the easy access host, an email with several portals picks one. */
export function PortalChoiceScreen() {
  const t = useT();
  const errorText = useErrorText();
  const { follow, restart } = useSignInFlow();
  const { step, failure } = useExpectedStep('select_portal');
  const { run, error } = useAction();
  const portals = step?.next === 'select_portal' ? step.portals : undefined;

  if (!step) {
    return (
      <Screen title={t.portalChoice.title}>
        <Pending failure={failure} />
      </Screen>
    );
  }
  if (!portals?.length) {
    return (
      <Screen title={t.portalChoice.title}>
        <ErrorMessage>{t.portalChoice.missing}</ErrorMessage>
        <button type="button" className="button" onClick={() => void restart()}>
          {t.common.backToSignIn}
        </button>
      </Screen>
    );
  }
  return (
    <Screen title={t.portalChoice.title}>
      <p>{t.portalChoice.intro}</p>
      <ul className="choices">
        {portals.map((portal) => (
          <li key={portal.id}>
            <button type="button" className="choice" onClick={() => void run(async () => follow(await portalApi.signIn.choosePortal(portal.id)))}>
              <span className="choice-name">{portal.name}</span>
              <span className="choice-detail">{new URL(portal.url).host}</span>
            </button>
          </li>
        ))}
      </ul>
      <ErrorMessage>{error ? errorText(error) : null}</ErrorMessage>
    </Screen>
  );
}
