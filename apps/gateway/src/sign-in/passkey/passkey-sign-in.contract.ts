import { z } from 'zod';
import { AuthenticationResponse } from '../../passkeys/ceremony-responses';

/** What `navigator.credentials.get()` answered, as @simplewebauthn/browser's `startAuthentication` returns it. */
export const PasskeySignInBody = z.object({ response: AuthenticationResponse }).strict();
