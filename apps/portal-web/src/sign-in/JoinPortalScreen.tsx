import { useEffect, useState } from 'react';
import { portalApi } from '../api/portal-api';
import type { Answer } from '../api/contract';
import { useErrorText, useT } from '../i18n/language';
import { Link, useLocation } from '../routing/router';
import { ErrorMessage } from '../ui/Alerts';
import { Screen } from '../ui/Screen';
import { useAction } from '../ui/use-action';

type Question = Answer<'/api/auth/google/join', 'get'>;

/**
 * `/join-portal?offer=…`, on the easy access host, where Google's callback
 * sends a person whom the company of the starting host invited and who has
 * not answered: joining is their click here, on a host no firm serves.
 */
export function JoinPortalScreen() {
  const t = useT();
  const errorText = useErrorText();
  const offer = useLocation().query.get('offer') ?? '';
  const [question, setQuestion] = useState<Question | { failure: unknown } | null>(null);
  const { run, pending, error } = useAction();

  useEffect(() => {
    portalApi.signIn.joinQuestion(offer).then(setQuestion, (failure: unknown) => setQuestion({ failure }));
  }, [offer]);

  const answer = (join: boolean) =>
    run(async () => {
      window.location.assign((await portalApi.signIn.answerJoin(offer, join)).location);
    });

  if (question === null) return <Screen title={t.joinPortal.title}>{null}</Screen>;
  if ('failure' in question) {
    return (
      <Screen title={t.joinPortal.title}>
        <ErrorMessage>{errorText(question.failure)}</ErrorMessage>
        <p className="links">
          <Link to="/sign-in">{t.common.backToSignIn}</Link>
        </p>
      </Screen>
    );
  }
  return (
    <Screen title={t.joinPortal.title}>
      <p>{t.joinPortal.intro(question.portal.name, question.email)}</p>
      <ErrorMessage>{error ? errorText(error) : null}</ErrorMessage>
      <button type="button" className="button" disabled={pending} onClick={() => void answer(true)}>
        {t.joinPortal.join(question.portal.name)}
      </button>
      <button type="button" className="button button-secondary" disabled={pending} onClick={() => void answer(false)}>
        {t.joinPortal.decline}
      </button>
    </Screen>
  );
}
