import { css } from 'lit';

/** On top of listStyles: tabs, the axes beside the list on wide hosts, term toggles. */
export const policyBrowserStyles = css`
  :host {
    container-type: inline-size;
  }
  .heading {
    margin: 0 0 0.75rem;
    font-size: var(--gk-policy-browser-heading-size, 1.25rem);
  }
  .tabs {
    display: flex;
    gap: 0.25rem;
    border-bottom: 2px solid var(--gk-color-brand, #b3261e);
  }
  .tab {
    min-height: 2.5rem;
    border-bottom: 0;
    border-radius: var(--gk-radius, 4px) var(--gk-radius, 4px) 0 0;
  }
  .tab[aria-selected='true'] {
    border-color: var(--gk-color-brand, #b3261e);
    background: var(--gk-color-brand, #b3261e);
    color: var(--gk-color-on-brand, #ffffff);
  }
  .panel {
    display: grid;
    gap: 1rem 1.5rem;
    padding-top: 1rem;
  }
  @container (min-width: 44rem) {
    .panel {
      grid-template-columns: minmax(12rem, 18rem) 1fr;
    }
  }
  .results {
    min-width: 0;
  }
  .axis h3,
  .caption {
    margin: 0 0 0.375rem;
    font-size: 1rem;
  }
  .axis {
    margin-bottom: 1rem;
  }
  .terms {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    max-height: 14rem;
    margin: 0;
    padding: 0;
    overflow-y: auto;
    list-style: none;
  }
  .term {
    min-height: 2rem;
    padding: 0 0.625rem;
    border-color: var(--gk-color-border, #d0d7de);
    border-radius: 1rem;
  }
  .term[aria-pressed='true'] {
    border-color: var(--gk-color-brand, #b3261e);
    background: var(--gk-color-brand, #b3261e);
    color: var(--gk-color-on-brand, #ffffff);
  }
  .child .term {
    font-size: 0.875rem;
  }
  .count {
    color: inherit;
    font-size: 0.8125rem;
  }
  .caption {
    padding-bottom: 0.375rem;
    border-bottom: 1px solid var(--gk-color-border, #d0d7de);
  }
  .caption .count {
    margin-inline-start: 0.5rem;
    font-weight: normal;
  }
  @media (forced-colors: active) {
    .tab[aria-selected='true'],
    .term[aria-pressed='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
  }
`;
