/**
 * The one error the server shows to a person: a readable message and the HTTP status that
 * fits it. The HTTP layer turns it into `{ "error": message }`, the CLI prints the message;
 * anything else thrown is a bug and is reported as a bare 500.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Extra response headers, such as Retry-After on a 429. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const badRequest = (message: string) => new ApiError(400, message);
export const notFound = (message: string) => new ApiError(404, message);
export const conflict = (message: string) => new ApiError(409, message);
