import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/browser';
import type { Answer } from '../api/contract';
import { http } from '../api/http';

/** A passkey of this portal host, as GET /api/me/passkeys lists it. */
export type PasskeyCard = Answer<'/api/me/passkeys', 'get'>[number];

const path = (id: string) => `/api/me/passkeys/${encodeURIComponent(id)}`;

/** The passkey calls of the security settings, one line each. */
export const passkeysApi = {
  list: () => http.get<PasskeyCard[]>('/api/me/passkeys'),
  registrationOptions: () => http.post<PublicKeyCredentialCreationOptionsJSON>('/api/me/passkeys/registration-options'),
  register: (response: RegistrationResponseJSON) => http.post<PasskeyCard>('/api/me/passkeys', { response }),
  rename: (id: string, name: string) => http.patch<PasskeyCard>(path(id), { name }),
  proofOptions: () => http.post<PublicKeyCredentialRequestOptionsJSON>('/api/me/passkeys/proof-options'),
  removeWithPassword: (id: string, password: string) => http.delete(path(id), { password }),
  removeWithPasskey: (id: string, passkey: AuthenticationResponseJSON) => http.delete(path(id), { passkey }),
};
