import { reauthenticate } from './reauthentication';

/** What the portal knows about a failed call: the API's `{ error, message }` plus the details screens use. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly attemptsLeft?: number,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** Code of a call that never got an answer (network down, gateway stopped). */
export const NETWORK_ERROR = 'network';

let acceptLanguage = 'fr';
let lastAnswerAt = Date.now();

/** When the gateway last answered a call: each one it answers keeps the session alive that long. */
export function lastAnsweredAt(): number {
  return lastAnswerAt;
}

/** Every call tells the gateway the portal's language, so that its `message` texts can follow it. */
export function setApiLanguage(language: string): void {
  acceptLanguage = language;
}

/** The one error a call answers by asking the person, then sending it again. */
const REAUTHENTICATION_REQUIRED = 'reauthentication_required';

async function call<T>(method: string, path: string, body?: unknown, proved = false): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': acceptLanguage };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    // Same origin only: the session cookie is HttpOnly and the CSRF rule compares Origin with this host.
    response = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, NETWORK_ERROR, 'The server could not be reached.');
  }
  const answer = await readJson(response);
  lastAnswerAt = Date.now();
  if (response.ok) return answer as T;
  const problem = (answer ?? {}) as { error?: unknown; message?: unknown; attemptsLeft?: unknown; needs?: unknown };
  if (problem.error === REAUTHENTICATION_REQUIRED && !proved && (await reauthenticate(problem.needs === 'second_factor'))) {
    return call<T>(method, path, body, true);
  }
  throw new ApiError(
    response.status,
    typeof problem.error === 'string' ? problem.error : 'internal',
    typeof problem.message === 'string' ? problem.message : response.statusText,
    typeof problem.attemptsLeft === 'number' ? problem.attemptsLeft : undefined,
    Number(response.headers.get('Retry-After')) || undefined,
  );
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const http = {
  get: <T>(path: string) => call<T>('GET', path),
  post: <T = void>(path: string, body?: unknown) => call<T>('POST', path, body),
  patch: <T = void>(path: string, body?: unknown) => call<T>('PATCH', path, body),
  delete: <T = void>(path: string, body?: unknown) => call<T>('DELETE', path, body),
};
