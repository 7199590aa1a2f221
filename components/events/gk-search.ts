import type { SearchFilters } from '../shared/api-client.js';

export interface GkSearchDetail {
  q: string;
  filters: SearchFilters;
}

/**
 * A search was asked for: a query submitted or a filter changed. Cancelable: `preventDefault()`
 * stops the widget from searching or from going to its results page (for sites that route themselves).
 */
export class GkSearchEvent extends Event {
  static readonly type = 'gk-search';
  constructor(readonly detail: GkSearchDetail) {
    super(GkSearchEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}
