import { ErrorBody } from '../schemas/common.js';

const error = (description: string) => ({ description, content: { 'application/json': { schema: ErrorBody } } });

/** Error responses every public route may answer with. */
export const errorResponses = {
  400: error('Invalid parameters; `issues` lists each problem'),
  404: error('Not found'),
  500: error('Internal error'),
} as const;
