import { useErrorText, useT } from '../i18n/language';
import { ErrorMessage } from './Alerts';

/** What a screen shows while its first call runs, or the sentence for its failure. */
export function Pending({ failure }: { failure: unknown }) {
  const t = useT();
  const errorText = useErrorText();
  if (failure) return <ErrorMessage>{errorText(failure)}</ErrorMessage>;
  return <p className="loading">{t.common.loading}</p>;
}
