import type { PolicySummary } from '../../server/schemas/policy.js';
import type { SearchHit } from '../../server/schemas/search.js';

export interface GkSelectDetail {
  /** A list row (`<gk-policy-list>`) or a search hit (`<gk-policy-search>`, `<gk-policy-browser>`). */
  policy: PolicySummary | SearchHit;
}

/**
 * A policy was chosen, before the browser follows its link. Cancelable: `preventDefault()` keeps
 * the page where it is (for single-page sites that route themselves).
 */
export class GkSelectEvent extends Event {
  static readonly type = 'gk-select';
  constructor(readonly detail: GkSelectDetail) {
    super(GkSelectEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}
