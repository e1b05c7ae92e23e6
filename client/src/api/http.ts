/**
 * The one place the app talks HTTP to the Factdesk server: same-origin JSON requests with the
 * session cookie, and the server's `{ error }` bodies turned into an ApiError carrying the status,
 * so callers can tell "signed out" (401) from "not allowed" (403) from a bad request.
 */

const sessionOverListeners = new Set<() => void>();

/**
 * Tells `listener` whenever the server answers 401: the session is over (it expired, was signed
 * out elsewhere, or the account was deactivated) — or, on the sign-in form, the password was wrong.
 * Returns the unsubscribe function.
 */
export function onUnauthorized(listener: () => void): () => void {
  sessionOverListeners.add(listener);
  return () => void sessionOverListeners.delete(listener);
}

/** A failed API call: the server's readable message and the HTTP status (0 when unreachable). */
export class ApiError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Sends a JSON request and returns the parsed JSON answer; throws ApiError on failure. */
export function requestJson<T>(method: string, path: string, body?: unknown): Promise<T> {
  return readJson<T>(
    fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
}

/** The parsed JSON answer of a request already made; throws ApiError on failure (status 0: unreachable). */
export async function readJson<T>(request: Promise<Response>): Promise<T> {
  let response: Response;
  try {
    response = await request;
  } catch {
    throw new ApiError('The server cannot be reached. Check your connection and try again.', 0);
  }
  const text = await response.text();
  const data = parseJson(text);
  if (!response.ok) throw failure(response, data);
  return data as T;
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function failure(response: Response, data: unknown): ApiError {
  if (response.status === 401) for (const listener of [...sessionOverListeners]) listener();
  const message = data && typeof data === 'object' && typeof (data as { error?: unknown }).error === 'string'
    ? (data as { error: string }).error
    : `The server answered ${response.status} ${response.statusText}`.trim();
  return new ApiError(message, response.status);
}

/** The ApiError for a failed response, with the server's `{ error }` message when it sent one. */
export async function responseError(response: Response): Promise<ApiError> {
  return failure(response, parseJson(await response.text().catch(() => '')));
}
