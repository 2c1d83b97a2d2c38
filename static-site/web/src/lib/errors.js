/** An answer of the API that is not 2xx, in the shape of docs/api.md: {error, message}. */
export class ApiError extends Error {
  constructor(status, code, message, retryAfterS = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.retryAfterS = retryAfterS;
  }
}

const FALLBACK = {
  400: 'A parameter was not accepted.',
  403: 'This browser is no longer allowed into the session.',
  404: 'Not found (the session may have expired).',
  409: 'The file is not ready yet.',
  413: 'The file is too large.',
  415: 'This file type cannot be read.',
  422: 'The file could not be read as a recording.',
  502: 'The analysis service did not answer.',
  503: 'Storage is unavailable right now.',
};

/** Builds an ApiError from a status, the response text (JSON or not) and a Retry-After header value. */
export function apiErrorFrom(status, bodyText, retryAfter = null) {
  let code = 'http_' + status;
  let message = null;
  try {
    const body = JSON.parse(bodyText);
    if (body && typeof body === 'object') {
      if (typeof body.error === 'string') code = body.error;
      if (typeof body.message === 'string' && body.message.trim()) message = body.message.trim();
    }
  } catch {
    // Not JSON (a proxy or gateway page): keep the status-based wording.
  }
  const retry = retryAfter != null && /^\d+$/.test(String(retryAfter).trim()) ? Number(retryAfter) : null;
  return new ApiError(status, code, message || FALLBACK[status] || `The server answered ${status}.`, retry);
}

/** One line a person can act on, for an ApiError, a network failure or anything else thrown. */
export function formatError(error, context = '') {
  // The API often names the file itself; say it once.
  const prefix = context && !(error?.message ?? '').includes(context) ? context + ': ' : '';
  if (error instanceof ApiError) {
    const retry = error.retryAfterS != null ? ` Try again in ${error.retryAfterS} s.` : '';
    return `${prefix}${error.message}${retry}`;
  }
  if (error && error.name === 'TypeError') {
    return `${prefix}the server could not be reached; check the connection.`;
  }
  return prefix + (error && error.message ? error.message : String(error));
}
