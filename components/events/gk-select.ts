import type { InterpretationSummary, PolicyRef } from '../../server/schemas/lineage.js';
import type { PolicySummary, Validity } from '../../server/schemas/policy.js';
import type { SearchHit } from '../../server/schemas/search.js';

/** A document as the policy graph knows it (a graph node): enough to name it and go to it. */
export interface PolicyPick {
  id: number;
  title: string;
  docNo: string | null;
  validity: Validity | null;
  publishedAt: string | null;
}

export interface GkSelectDetail {
  /**
   * A list row (`<gk-policy-list>`), a search hit (`<gk-policy-search>`, `<gk-policy-browser>`), a
   * related document or an interpretation (`<gk-policy-detail>`, `<gk-interpretation-list>`) or a graph
   * node (`<gk-policy-graph>`). Every kind has the document's `id` and `title`.
   */
  policy: PolicySummary | SearchHit | PolicyRef | InterpretationSummary | PolicyPick;
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
