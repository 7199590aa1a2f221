import type { Store } from './db/index.js';

/** Variables every request handler can read (`c.var`). */
export interface AppEnv {
  Variables: { store: Store };
}
