import { ErrorBody } from '../schemas/common.js';

/** A JSON response of this schema, for OpenAPI route definitions. */
export const json = <T>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
/** A required JSON request body of this schema. */
export const body = <T>(schema: T) => ({ body: { required: true, content: { 'application/json': { schema } } } });
export const error = (description: string) => json(ErrorBody, description);

/** Error responses every public route may answer with. */
export const errorResponses = {
  400: error('Invalid parameters; `issues` lists each problem'),
  404: error('Not found'),
  500: error('Internal error'),
} as const;

/** Error responses every admin route may answer with. */
export const adminErrorResponses = {
  400: error('Invalid input; `issues` lists each problem'),
  401: error('No bearer token, or an unknown or revoked one'),
  403: error("The token's role or organisation scope does not allow this"),
  404: error('Not found'),
  500: error('Internal error'),
} as const;

/** Admin routes take a bearer token (see Administration in the README). */
export const bearerSecurity = [{ bearer: [] }];
