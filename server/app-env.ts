import type { Store } from './db/index.js';

/** Variables every request handler can read (`c.var`). */
export interface AppEnv {
  Variables: {
    store: Store;
    /** The content revision read for this request's ETag (http/conditional.ts), for its handler to reuse. */
    revision?: number;
  };
}
