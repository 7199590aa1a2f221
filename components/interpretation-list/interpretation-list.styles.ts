import { css } from 'lit';

/** On top of listStyles and interpretationStyles: the heading and the form filter. */
export const interpretationListStyles = css`
  .heading {
    margin: 0 0 0.75rem;
    padding-bottom: 0.5rem;
    border-bottom: 2px solid var(--gk-color-brand, #b3261e);
    font-size: var(--gk-interpretation-list-heading-size, 1.25rem);
    line-height: 1.4;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    margin-bottom: 0.5rem;
  }
  .filter {
    min-height: 2rem;
    padding: 0.125rem 0.75rem;
    border-radius: 1rem;
    font-size: 0.875rem;
  }
  .filter[aria-pressed='true'],
  .filter[aria-pressed='true']:hover:not(:disabled) {
    border-color: var(--gk-color-brand, #b3261e);
    background: var(--gk-color-brand, #b3261e);
    color: #ffffff;
  }
  .title {
    font-size: var(--gk-interpretation-list-title-size, 1.0625rem);
  }
  @media (forced-colors: active) {
    .filter[aria-pressed='true'] {
      forced-color-adjust: none;
      border-color: Highlight;
      background: Highlight;
      color: HighlightText;
    }
  }
`;
