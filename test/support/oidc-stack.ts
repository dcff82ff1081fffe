import { StackSettings } from './app-env';
import { OidcProvider } from './oidc-provider';
import { OwnStack, startOwnStack } from './own-stack';
import { randomSecret } from './run-isolation';

export interface GoogleStack extends OwnStack {
  /** Stands in for Google. */
  provider: OidcProvider;
  /** The one redirect URI, on the easy access host. */
  callbackUrl: string;
}

/** The gateway's Google settings, every endpoint at the local provider. */
export function googleEnvOf(provider: OidcProvider, settings: StackSettings): Record<string, string> {
  return {
    GOOGLE_CLIENT_ID: 'portal-web.apps.test',
    GOOGLE_CLIENT_SECRET: randomSecret(24),
    GOOGLE_AUTHORIZATION_URL: `${provider.url}/authorize`,
    GOOGLE_TOKEN_URL: `${provider.url}/token`,
    GOOGLE_USERINFO_URL: `${provider.url}/userinfo`,
    GOOGLE_ISSUER: provider.url,
    GOOGLE_JWKS_URL: `${provider.url}/jwks`,
    GOOGLE_CALLBACK_URL: `http://${settings.easyAccessHost}:${settings.gatewayPort}/api/auth/google/callback`,
    GOOGLE_MOBILE_CLIENT_IDS: 'portal-ios.apps.test',
  };
}

/**
 * A stack of its own with Google sign-in on, against a local OpenID Connect
 * provider: startOwnStack plus the provider and the GOOGLE_* variables, with
 * `overrides` (such as a short GOOGLE_TIMEOUT_MS) over them.
 */
export async function startGoogleStack(label: string, overrides: Record<string, string> = {}): Promise<GoogleStack> {
  const provider = await OidcProvider.start();
  try {
    const own = await startOwnStack(label, { extraEnv: (settings) => ({ ...googleEnvOf(provider, settings), ...overrides }) });
    const dispose = async () => {
      await own.dispose();
      await provider.stop();
    };
    return { ...own, provider, callbackUrl: own.settings.extraEnv!.GOOGLE_CALLBACK_URL, dispose };
  } catch (error) {
    await provider.stop();
    throw error;
  }
}
