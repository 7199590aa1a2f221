import type { ApiError } from '../shared/api-client.js';

export interface GkErrorDetail {
  error: ApiError;
}

/** Loading failed; the widget shows its error state with a retry button. */
export class GkErrorEvent extends Event {
  static readonly type = 'gk-error';
  constructor(readonly detail: GkErrorDetail) {
    super(GkErrorEvent.type, { bubbles: true, composed: true });
  }
}
