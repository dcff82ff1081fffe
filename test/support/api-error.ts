import { PortalResponse } from './portal-client';

/**
 * An error answer: the status, and a body with a code for programs and a
 * sentence for people. Extra details (`issues`, `reason`, `attemptsLeft`) are
 * welcome; internals (a stack trace) are not. Status and body are compared in
 * one assertion, so that a wrong status shows the body that explains it.
 */
export function expectError(answer: PortalResponse, status: number, code?: string): void {
  expect({ status: answer.status, body: answer.body }).toEqual({ status, body: errorBody(code) });
  expect(answer.body).not.toHaveProperty('stack');
}

/** For errors whose status may be any 4xx (the contract names none): never a 5xx. */
export function expectClientError(answer: PortalResponse): void {
  const status = answer.status >= 400 && answer.status < 500 ? '4xx' : answer.status;
  expect({ status, body: answer.body }).toEqual({ status: '4xx', body: errorBody() });
  expect(answer.body).not.toHaveProperty('stack');
}

function errorBody(code?: string): unknown {
  return expect.objectContaining({ error: code ?? expect.stringMatching(/^[a-z_]+$/), message: expect.stringMatching(/\S/) });
}

/** The refusal of a change a second factor proved in the session must allow: the password alone will not do. */
export function expectSecondFactorNeeded(answer: PortalResponse): void {
  expectError(answer, 403, 'reauthentication_required');
  expect(answer.body.needs).toBe('second_factor');
}
