export interface GkLoadDetail {
  total: number;
  page: number;
}

/** Data arrived and is shown. */
export class GkLoadEvent extends Event {
  static readonly type = 'gk-load';
  constructor(readonly detail: GkLoadDetail) {
    super(GkLoadEvent.type, { bubbles: true, composed: true });
  }
}
