import type { GkErrorEvent } from './gk-error.js';
import type { GkLoadEvent } from './gk-load.js';
import type { GkSearchEvent } from './gk-search.js';
import type { GkSelectEvent } from './gk-select.js';

export * from './gk-error.js';
export * from './gk-load.js';
export * from './gk-search.js';
export * from './gk-select.js';

declare global {
  interface GlobalEventHandlersEventMap {
    'gk-load': GkLoadEvent;
    'gk-error': GkErrorEvent;
    'gk-select': GkSelectEvent;
    'gk-search': GkSearchEvent;
  }
}
