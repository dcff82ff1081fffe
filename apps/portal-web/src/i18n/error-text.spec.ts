import { ApiError } from '../api/http';
import { errorText } from './error-text';
import { errorSentences } from './errors';

describe(errorText.name, () => {
  const sut = errorText;

  test('a known code becomes a sentence in the language asked, never the code', () => {
    const error = new ApiError(401, 'invalid_credentials', 'Invalid credentials.');

    expect(sut(error, 'fr')).toBe("L'adresse e-mail ou le mot de passe est incorrect.");
    expect(sut(error, 'en')).toBe('The email or password is incorrect.');
  });

  test('a screen may word a code for its own context', () => {
    const error = new ApiError(401, 'invalid_credentials', 'Invalid credentials.');

    expect(sut(error, 'en', { invalid_credentials: 'The current password is incorrect.' })).toBe('The current password is incorrect.');
  });

  test('a code this portal does not know yet shows the API’s own message', () => {
    expect(sut(new ApiError(409, 'brand_new_code', 'Something new happened.'), 'fr')).toBe('Something new happened.');
  });

  test('a wait that the API asks for is said in time people read', () => {
    expect(sut(new ApiError(429, 'rate_limited', 'Too many.', undefined, 40), 'en')).toBe(
      'Too many attempts. Wait a moment before trying again. Try again in 40 seconds.',
    );
    expect(sut(new ApiError(429, 'totp_locked', 'Locked.', undefined, 900), 'fr')).toBe(
      "Trop de codes erronés : l'authentification à deux facteurs est bloquée pour un moment. Réessayez dans 15 minutes.",
    );
  });

  test('anything that is not an API error is "something went wrong", not a stack trace', () => {
    expect(sut(new TypeError('x is undefined'), 'en')).toBe(errorSentences.internal.en);
  });
});
