import { ReactNode } from 'react';
import { MailedLinkPurpose } from '../api/types';
import { useT } from '../i18n/language';
import { Link } from '../routing/router';
import { Pending } from '../ui/Pending';
import { Screen } from '../ui/Screen';
import { useLinkCheck } from './use-link-check';

interface MailedLinkScreenProps {
  purpose: MailedLinkPurpose;
  token: string;
  title: string;
  children: ReactNode;
}

/**
 * A screen opened from a mailed link: its form for a usable link; for a used
 * or expired one, the way to a new link (a reset link also activates) and back to sign-in.
 */
export function MailedLinkScreen({ purpose, token, title, children }: MailedLinkScreenProps) {
  const t = useT();
  const state = useLinkCheck(purpose, token);
  if (state === 'usable') return <Screen title={title}>{children}</Screen>;
  if (state !== 'unusable') {
    return (
      <Screen title={title}>
        <Pending failure={state === 'checking' ? null : state.failure} />
      </Screen>
    );
  }
  return (
    <Screen title={t.deadLink.title}>
      <p>{t.deadLink[purpose]}</p>
      <p className="links">
        <Link to="/forgot-password">{t.deadLink.newLink}</Link>
        <Link to="/">{t.deadLink.backToSignIn}</Link>
      </p>
    </Screen>
  );
}
