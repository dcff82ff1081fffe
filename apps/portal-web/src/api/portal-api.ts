import type { AuthenticationResponseJSON, PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import type { Answer } from './contract';
import { http } from './http';
import {
  AuditEntry,
  Branding,
  BrandingChange,
  HelpRequest,
  MailedLinkPurpose,
  Me,
  PasswordChanged,
  PortalFace,
  RecoveryCodes,
  SecuritySettings,
  SessionView,
  SignInState,
  SignInStep,
  TotpConfirmation,
  TotpSetup,
  TrustedBrowser,
} from './types';

/** Every call the portal makes: the part of the OpenAPI document (/docs-json) a web front end needs, one line each. */
export const portalApi = {
  portal: {
    face: () => http.get<PortalFace>('/api/portal'),
  },
  signIn: {
    login: (email: string, password: string) => http.post<SignInStep>('/api/auth/login', { email, password }),
    passkeyOptions: () => http.post<PublicKeyCredentialRequestOptionsJSON>('/api/auth/passkey/options'),
    withPasskey: (response: AuthenticationResponseJSON) => http.post<SignInStep>('/api/auth/passkey', { response }),
    choosePortal: (portalId: string) => http.post<SignInStep>('/api/auth/portal', { portalId }),
    /** `trustBrowser`: "don't ask again on this browser", where the step offered it. */
    verifyCode: (code: string, trustBrowser: boolean) => http.post<SignInStep>('/api/auth/totp', { code, trustBrowser }),
    verifyRecoveryCode: (recoveryCode: string, trustBrowser: boolean) => http.post<SignInStep>('/api/auth/totp', { recoveryCode, trustBrowser }),
    secondStepPasskeyOptions: () => http.post<PublicKeyCredentialRequestOptionsJSON>('/api/auth/totp/passkey-options'),
    verifyPasskey: (passkey: AuthenticationResponseJSON, trustBrowser: boolean) => http.post<SignInStep>('/api/auth/totp', { passkey, trustBrowser }),
    askForHelp: (message?: string) => http.post<Answer<'/api/auth/totp/help', 'post'>>('/api/auth/totp/help', message ? { message } : {}),
    state: () => http.get<SignInState>('/api/auth/state'),
    logout: () => http.post('/api/auth/logout'),
    /** A page, not a call: the browser follows the redirects to Google and back. */
    googleUrl: '/api/auth/google',
    /** After Google, on the easy access host: join the portal that invited you? */
    joinQuestion: (offer: string) => http.get<Answer<'/api/auth/google/join', 'get'>>(`/api/auth/google/join?offer=${encodeURIComponent(offer)}`),
    answerJoin: (offer: string, join: boolean) => http.post<Answer<'/api/auth/google/join', 'post'>>('/api/auth/google/join', { offer, join }),
  },
  mailLinks: {
    activate: (token: string, password: string) => http.post('/api/auth/activate', { token, password }),
    acceptInvitation: (token: string) => http.post('/api/invitations/accept', { token }),
    forgotPassword: (email: string) => http.post('/api/auth/password/forgot', { email }),
    resetPassword: (token: string, password: string) => http.post('/api/auth/password/reset', { token, password }),
    check: (purpose: MailedLinkPurpose, token: string) => http.post<Answer<'/api/auth/links/check', 'post'>>('/api/auth/links/check', { token, purpose }),
    notMe: (token: string) => http.post('/api/auth/not-me', { token }),
    confirmHelp: (token: string) =>
      http.post<Answer<'/api/auth/totp/help/confirm', 'post'>>('/api/auth/totp/help/confirm', { token }),
  },
  me: {
    get: () => http.get<Me>('/api/me'),
    switchAccount: (accountId: string) => http.post<Me>('/api/me/account', { accountId }),
    dismissBanner: () => http.post('/api/me/banner/dismiss'),
    /** Ending the other sessions is the default; kept, the answer lists them. */
    changePassword: (currentPassword: string, newPassword: string, endOtherSessions: boolean) =>
      http.post<PasswordChanged | undefined>('/api/me/password', { currentPassword, newPassword, endOtherSessions }),
    sessions: () => http.get<SessionView[]>('/api/me/sessions'),
    endSession: (id: string) => http.delete(`/api/me/sessions/${encodeURIComponent(id)}`),
    endOtherSessions: () => http.post('/api/me/sessions/sign-out-others'),
    trustedBrowsers: () => http.get<TrustedBrowser[]>('/api/me/trusted-browsers'),
    forgetBrowser: (id: string) => http.delete(`/api/me/trusted-browsers/${encodeURIComponent(id)}`),
    forgetAllBrowsers: () => http.delete('/api/me/trusted-browsers'),
    setUpTotp: () => http.post<TotpSetup>('/api/me/totp/setup'),
    confirmTotp: (code: string) => http.post<TotpConfirmation>('/api/me/totp/confirm', { code }),
    turnOffTotp: (password: string) => http.delete('/api/me/totp', { password }),
    regenerateRecoveryCodes: () => http.post<RecoveryCodes>('/api/me/totp/recovery-codes'),
    reauthenticate: (proof: { password: string } | { code: string } | { recoveryCode: string } | { passkey: unknown }) => http.post('/api/me/reauthenticate', proof),
    setLanguage: (language: 'fr' | 'en') => http.post('/api/me/language', { language }),
  },
  admin: {
    helpRequests: () => http.get<HelpRequest[]>('/api/admin/mfa-requests'),
    disableTotp: (userId: string, reason?: string) =>
      http.post(`/api/admin/users/${encodeURIComponent(userId)}/mfa/disable`, reason ? { reason } : {}),
    /** The latest page, or the one after the entry `before`. */
    audit: (before?: string) => http.get<AuditEntry[]>(before ? `/api/admin/audit?before=${encodeURIComponent(before)}` : '/api/admin/audit'),
    security: () => http.get<SecuritySettings>('/api/admin/security'),
    setSecurity: (settings: SecuritySettings) => http.patch<SecuritySettings>('/api/admin/security', settings),
    branding: () => http.get<Branding>('/api/admin/branding'),
    setBranding: (change: BrandingChange) => http.patch<Branding>('/api/admin/branding', change),
  },
};
