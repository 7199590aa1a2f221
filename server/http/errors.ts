import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import type { ErrorBody } from '../schemas/common.js';

type Issue = NonNullable<ErrorBody['error']['issues']>[number];

/** An error that becomes the one error body (DESIGN §5) with its status. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly issues?: Issue[],
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} not found`);

export function errorBody(code: string, message: string, issues?: Issue[]): ErrorBody {
  return { error: issues ? { code, message, issues } : { code, message } };
}

export function zodIssues(error: ZodError): Issue[] {
  return error.issues.map((i) => ({
    path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    message: i.message,
    code: i.code,
  }));
}

/** The validation hook shared by every route: 400 with the zod issues. */
export function validationHook(result: { success: boolean; error?: ZodError }, c: Context) {
  if (!result.success && result.error) {
    return c.json(errorBody('invalid_request', 'The request is not valid.', zodIssues(result.error)), 400);
  }
}

/** app.onError: known errors keep their status; anything else is a 500 without a stack. */
export function toErrorResponse(err: Error, c: Context, log: (msg: string, err: unknown) => void) {
  if (err instanceof ApiError) return c.json(errorBody(err.code, err.message, err.issues), err.status);
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    const code = status === 413 ? 'payload_too_large' : status === 401 ? 'unauthorized' : 'http_error';
    return c.json(errorBody(code, err.message || 'Request failed.'), status);
  }
  log('unhandled error', err);
  return c.json(errorBody('internal', 'Internal server error.'), 500);
}
