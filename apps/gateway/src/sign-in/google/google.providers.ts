import { Provider } from '@nestjs/common';
import { GATEWAY_CONFIG } from '../../config';
import { GoogleAdmission } from './google-admission.service';
import { GoogleHandoff } from './google-handoff.service';
import { GOOGLE_SETTINGS, GoogleSettings, googleSettingsOf } from './google-settings';
import { GoogleSignIn } from './google-sign-in.service';
import { GoogleStateStore } from './google-state.store';
import { GoogleStrategy } from './google.strategy';
import { SingleUseTokens } from './single-use-tokens';

/** Everything but the controller; the strategy exists (and registers with Passport) only when Google is configured. */
export const googleProviders: Provider[] = [
  { provide: GOOGLE_SETTINGS, inject: [GATEWAY_CONFIG], useFactory: googleSettingsOf },
  {
    provide: GoogleStrategy,
    inject: [GOOGLE_SETTINGS, GoogleStateStore],
    useFactory: (settings: GoogleSettings | null, states: GoogleStateStore) => settings && new GoogleStrategy(settings, states),
  },
  SingleUseTokens,
  GoogleStateStore,
  GoogleSignIn,
  GoogleHandoff,
  GoogleAdmission,
];
