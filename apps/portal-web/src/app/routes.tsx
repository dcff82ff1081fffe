import { ReactNode } from 'react';
import { AuditScreen } from '../admin/AuditScreen';
import { BrandingScreen } from '../admin/BrandingScreen';
import { HelpRequestsScreen } from '../admin/HelpRequestsScreen';
import { SecuritySettingsScreen } from '../admin/SecuritySettingsScreen';
import { AcceptInvitationScreen } from '../mail-links/AcceptInvitationScreen';
import { ActivateScreen } from '../mail-links/ActivateScreen';
import { ForgotPasswordScreen } from '../mail-links/ForgotPasswordScreen';
import { NotMeScreen } from '../mail-links/NotMeScreen';
import { HelpConfirmScreen } from '../mail-links/HelpConfirmScreen';
import { ResetPasswordScreen } from '../mail-links/ResetPasswordScreen';
import { matchPath } from '../routing/match-path';
import { PasskeysScreen } from '../passkeys/PasskeysScreen';
import { PasswordScreen } from '../settings/PasswordScreen';
import { SessionsScreen } from '../settings/SessionsScreen';
import { TwoFactorScreen } from '../settings/TwoFactorScreen';
import { TwoFactorSetupScreen } from '../settings/TwoFactorSetupScreen';
import { DashboardScreen } from '../signed-in/DashboardScreen';
import { SwitchAccountScreen } from '../signed-in/SwitchAccountScreen';
import { CodeScreen } from '../sign-in/CodeScreen';
import { EasyAccessScreen } from '../sign-in/EasyAccessScreen';
import { HomeScreen } from '../sign-in/HomeScreen';
import { JoinPortalScreen } from '../sign-in/JoinPortalScreen';
import { NoAccessScreen } from '../sign-in/NoAccessScreen';
import { PortalChoiceScreen } from '../sign-in/PortalChoiceScreen';
import { SignInScreen } from '../sign-in/SignInScreen';
import { SignInSetupScreen } from '../sign-in/SignInSetupScreen';

interface Route {
  path: string;
  /** Signed-in screens load `Me` and sit in the frame with the banner and the account name. */
  signedIn: boolean;
  render(params: Record<string, string>): ReactNode;
}

/** Every screen has an address: the gateway answers index.html for all of them. */
const routes: Route[] = [
  { path: '/', signedIn: false, render: () => <HomeScreen /> },
  { path: '/easy-access', signedIn: false, render: () => <EasyAccessScreen /> },
  { path: '/sign-in', signedIn: false, render: () => <SignInScreen /> },
  { path: '/sign-in/portal', signedIn: false, render: () => <PortalChoiceScreen /> },
  { path: '/sign-in/code', signedIn: false, render: () => <CodeScreen /> },
  { path: '/sign-in/no-access', signedIn: false, render: () => <NoAccessScreen /> },
  { path: '/sign-in/setup', signedIn: false, render: () => <SignInSetupScreen /> },
  { path: '/join-portal', signedIn: false, render: () => <JoinPortalScreen /> },
  { path: '/forgot-password', signedIn: false, render: () => <ForgotPasswordScreen /> },
  { path: '/activate/:token', signedIn: false, render: ({ token }) => <ActivateScreen token={token} /> },
  { path: '/invitation/:token', signedIn: false, render: ({ token }) => <AcceptInvitationScreen token={token} /> },
  { path: '/reset-password/:token', signedIn: false, render: ({ token }) => <ResetPasswordScreen token={token} /> },
  { path: '/not-me/:token', signedIn: false, render: ({ token }) => <NotMeScreen token={token} /> },
  { path: '/help-request/:token', signedIn: false, render: ({ token }) => <HelpConfirmScreen token={token} /> },
  { path: '/dashboard', signedIn: true, render: () => <DashboardScreen /> },
  { path: '/switch-account', signedIn: true, render: () => <SwitchAccountScreen /> },
  { path: '/settings/sessions', signedIn: true, render: () => <SessionsScreen /> },
  { path: '/settings/password', signedIn: true, render: () => <PasswordScreen /> },
  { path: '/settings/passkeys', signedIn: true, render: () => <PasskeysScreen /> },
  { path: '/settings/two-factor', signedIn: true, render: () => <TwoFactorScreen /> },
  { path: '/settings/two-factor/setup', signedIn: true, render: () => <TwoFactorSetupScreen /> },
  { path: '/admin/help-requests', signedIn: true, render: () => <HelpRequestsScreen /> },
  { path: '/admin/audit', signedIn: true, render: () => <AuditScreen /> },
  { path: '/admin/security', signedIn: true, render: () => <SecuritySettingsScreen /> },
  { path: '/admin/branding', signedIn: true, render: () => <BrandingScreen /> },
];

export function findRoute(path: string): { route: Route; params: Record<string, string> } | null {
  for (const route of routes) {
    const params = matchPath(route.path, path);
    if (params) return { route, params };
  }
  return null;
}
