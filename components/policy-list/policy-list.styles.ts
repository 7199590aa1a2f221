import { css } from 'lit';

/** On top of listStyles: the heading, this widget's tokens and the "more" footer. */
export const policyListStyles = css`
  .base {
    position: relative;
  }
  .heading {
    margin: 0 0 0.75rem;
    padding-bottom: 0.5rem;
    border-bottom: 2px solid var(--gk-color-brand, #b3261e);
    font-size: var(--gk-policy-list-heading-size, 1.25rem);
    line-height: 1.4;
  }
  .item {
    padding: var(--gk-policy-list-item-padding, 0.75rem 0);
  }
  .title {
    font-size: var(--gk-policy-list-title-size, 1.0625rem);
  }
  .footer {
    margin-top: 0.75rem;
    text-align: end;
  }
  /* The page's own link styles win; this only replaces the browser default. */
  .footer ::slotted(a) {
    color: var(--gk-color-link, #0b4f99);
  }
`;
