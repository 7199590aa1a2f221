import { css } from 'lit';

/** On top of listStyles: the controls, the sections, their tables, the drawing and the alerts. */
export const statsPanelStyles = css`
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.25rem;
    margin-bottom: 0.75rem;
  }
  .controls label {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
  }
  select {
    font: inherit;
    min-height: 2.25rem;
    padding: 0.125rem 0.5rem;
    border: 1px solid var(--gk-color-border-strong, #6e7781);
    border-radius: var(--gk-radius, 4px);
    background: var(--gk-color-surface, #ffffff);
    color: var(--gk-color-text, #1f2328);
  }
  .section + .section {
    margin-top: 1.5rem;
  }
  .section-title {
    margin: 0 0 0.5rem;
    padding-bottom: 0.25rem;
    border-bottom: 2px solid var(--gk-color-brand, #b3261e);
    font-size: 1.125rem;
  }
  .table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.9375rem;
  }
  caption,
  .range {
    margin: 0 0 0.5rem;
    color: var(--gk-color-muted, #57606a);
    font-size: 0.875rem;
    text-align: left;
  }
  th,
  td {
    padding: 0.375rem 0.5rem;
    border-bottom: 1px solid var(--gk-color-border, #d0d7de);
    text-align: left;
  }
  thead th {
    background: var(--gk-color-subtle, #f6f8fa);
    white-space: nowrap;
  }
  tbody th {
    font-weight: 600;
  }
  .col--rank,
  .col--articles,
  .col--reads,
  .col--index {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .show-all {
    margin-top: 0.5rem;
  }
  details {
    margin-top: 0.5rem;
  }
  summary {
    cursor: pointer;
    color: var(--gk-color-link, #0b4f99);
  }
  .formula p {
    margin: 0.5rem 0 0;
    padding: 0.5rem 0.75rem;
    border-left: 3px solid var(--gk-color-border, #d0d7de);
    font-size: 0.875rem;
    overflow-wrap: anywhere;
  }
  .chart {
    position: relative;
    height: var(--gk-stats-panel-height, 18rem);
    border: 1px solid var(--gk-color-border, #d0d7de);
    border-radius: var(--gk-radius, 4px);
    background: var(--gk-color-surface, #ffffff);
  }
  .chart .message {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
  }
  .alerts {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .alert {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    padding: 0.5rem 0 0.5rem 0.75rem;
    border-bottom: 1px solid var(--gk-color-border, #d0d7de);
    border-left: 3px solid #9a6700;
  }
  .alert--feed_failing {
    border-left-color: #cf222e;
  }
  .account {
    font-weight: 600;
  }
  .where {
    color: var(--gk-color-muted, #57606a);
  }
  @media (forced-colors: active) {
    .section-title,
    .chart,
    .alert {
      border-color: CanvasText;
    }
    summary {
      color: LinkText;
    }
  }
`;
