import { browserSupportsWebAuthn } from '@simplewebauthn/browser';
import { useEffect, useState } from 'react';
import { Link } from '../routing/router';
import { useMe } from '../signed-in/me-context';
import { ErrorMessage, Notice } from '../ui/Alerts';
import { PasskeyHero } from './PasskeyHero';
import { passkeysApi } from './passkeys-api';
import { usePasskeyText } from './passkeys-text';
import { dismissOffer, offerDismissed, takeSignInMoment } from './sign-in-moment';
import { usePasskeyCreation } from './use-passkey-creation';

type OfferState = 'hidden' | 'offered' | 'answered' | 'declined';

/**
 * Right after a sign-in, on the dashboard: the offer to create a passkey, for
 * someone who has none on this portal. Never a gate: the dashboard is already
 * there, and "Not now" closes it for a month.
 */
export function PasskeyOffer() {
  const t = usePasskeyText();
  const { me } = useMe();
  const [afterSignIn] = useState(takeSignInMoment);
  const [state, setState] = useState<OfferState>('hidden');
  const creation = usePasskeyCreation(() => setState('answered'));

  useEffect(() => {
    if (!afterSignIn || !browserSupportsWebAuthn() || offerDismissed(me.user.id)) return;
    passkeysApi.list().then(
      (passkeys) => passkeys.length === 0 && setState('offered'),
      () => undefined,
    );
  }, [afterSignIn, me.user.id]);

  const notNow = () => {
    dismissOffer(me.user.id);
    setState('declined');
  };

  if (state === 'hidden') return null;
  // Where to find it later, said once: the FIDO Alliance's "persist helpful information".
  if (state === 'declined') return <Notice>{t.offerLater}</Notice>;
  return (
    <>
      <Notice>{creation.outcome}</Notice>
      <ErrorMessage>{creation.error}</ErrorMessage>
      {state === 'offered' && (
        <PasskeyHero onCreate={() => void creation.create()} pending={creation.pending}>
          <button type="button" className="button button-secondary" onClick={notNow}>
            {t.offerNotNow}
          </button>
        </PasskeyHero>
      )}
      {state === 'answered' && <Link to="/settings/passkeys">{t.title}</Link>}
    </>
  );
}
