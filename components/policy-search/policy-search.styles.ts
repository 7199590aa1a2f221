import { css } from 'lit';

/** On top of listStyles: the combobox, facets, chips and the two-column layout on wide hosts. */
export const policySearchStyles = css`
  :host {
    container-type: inline-size;
  }
  .heading {
    margin: 0 0 0.75rem;
    font-size: var(--gk-policy-search-heading-size, 1.25rem);
    line-height: 1.4;
  }
  .form {
    display: flex;
    gap: 0.5rem;
  }
  .box {
    position: relative;
    flex: 1;
    min-width: 0;
  }
  input {
    width: 100%;
    min-height: 2.75rem;
    padding: 0.375rem 0.75rem;
    border: 2px solid var(--gk-color-brand, #b3261e);
    border-radius: var(--gk-radius, 4px);
    background: var(--gk-color-surface, #ffffff);
    color: inherit;
    font: inherit;
  }
  .submit {
    min-height: 2.75rem;
    padding-inline: 1.5rem;
    border-color: var(--gk-color-brand, #b3261e);
    background: var(--gk-color-brand, #b3261e);
    color: var(--gk-color-on-brand, #ffffff);
  }
  .submit:hover:not(:disabled) {
    background: var(--gk-color-surface, #ffffff);
  }
  .suggestions {
    position: absolute;
    z-index: 10;
    inset-inline: 0;
    top: calc(100% + 2px);
    max-height: 22rem;
    overflow-y: auto;
    border: 1px solid var(--gk-color-border-strong, #6e7781);
    border-radius: var(--gk-radius, 4px);
    background: var(--gk-color-surface, #ffffff);
    box-shadow: 0 6px 16px rgb(0 0 0 / 0.12);
  }
  .suggestions[hidden] {
    display: none;
  }
  .kind {
    padding: 0.25rem 0.75rem 0;
    color: var(--gk-color-muted, #57606a);
    font-size: 0.8125rem;
  }
  .option {
    padding: 0.375rem 0.75rem;
    cursor: pointer;
    overflow-wrap: anywhere;
  }
  .option:hover,
  .option[aria-selected='true'] {
    background: var(--gk-color-hover, #eef4fb);
  }
  .option[aria-selected='true'] {
    box-shadow: inset 3px 0 0 var(--gk-color-brand, #b3261e);
  }
  .layout {
    display: grid;
    gap: 1rem 1.5rem;
    margin-top: 1rem;
  }
  @container (min-width: 44rem) {
    .layout {
      grid-template-columns: minmax(11rem, 15rem) 1fr;
    }
  }
  .results {
    min-width: 0;
  }
  .facet {
    margin: 0 0 0.75rem;
    padding: 0;
    border: 0;
  }
  legend {
    padding: 0;
    font-weight: 600;
  }
  .values {
    max-height: 12.5rem;
    margin: 0.25rem 0 0;
    padding: 0;
    overflow-y: auto;
    list-style: none;
  }
  .value {
    display: flex;
    align-items: baseline;
    gap: 0.375rem;
    padding: 0.125rem 0;
    cursor: pointer;
  }
  .value input {
    width: auto;
    min-height: 0;
    flex: none;
  }
  .count {
    margin-inline-start: auto;
    color: var(--gk-color-muted, #57606a);
    font-size: 0.875rem;
  }
  .chips-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.5rem;
    margin-bottom: 0.5rem;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .chip {
    min-height: 2rem;
    padding: 0 0.625rem;
    border-radius: 1rem;
    background: var(--gk-color-hover, #eef4fb);
  }
  .chip.clear {
    background: none;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    border-bottom: 2px solid var(--gk-color-brand, #b3261e);
  }
  .toolbar .count {
    margin: 0;
    color: inherit;
    font-size: inherit;
  }
  select {
    min-height: 2.25rem;
    margin-inline-start: 0.25rem;
    font: inherit;
  }
  .title {
    font-size: var(--gk-policy-search-title-size, 1.0625rem);
  }
  .alternatives {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: center;
    gap: 0.5rem;
    margin: 0;
  }
  @media (forced-colors: active) {
    .option[aria-selected='true'] {
      outline: 2px solid Highlight;
    }
  }
`;
