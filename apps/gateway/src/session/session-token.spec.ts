import { randomUUID } from 'node:crypto';
import { newSessionToken, partsOfSessionId, sessionIdAt, sessionIdOf } from './session-token';

describe('session tokens', () => {
  const userId = randomUUID();

  test('carry their user, so that the keys of a session are known from its token alone', () => {
    const id = sessionIdOf(newSessionToken(userId))!;

    const parts = partsOfSessionId(id);

    expect(parts?.userId).toBe(userId);
    expect(sessionIdAt(userId, parts!.entry)).toBe(id);
  });

  test('of the versions before hash tags, or altered, have no id', () => {
    const token = newSessionToken(userId);

    expect(sessionIdOf(token.slice(22))).toBeNull();
    expect(sessionIdOf(`${'_'.repeat(22)}${token.slice(22)}`)).toBeNull();
    expect(sessionIdOf(token)).not.toBe(sessionIdOf(newSessionToken(randomUUID()).slice(0, 22) + token.slice(22)));
  });

  test('fit the bearer header and the cookie', () => {
    expect(newSessionToken(userId)).toMatch(/^[A-Za-z0-9_-]{20,100}$/);
  });
});
