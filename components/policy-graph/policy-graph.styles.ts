import { css } from 'lit';

/** On top of listStyles: the drawing, its key and the grouped list of relations. */
export const policyGraphStyles = css`
  .chart {
    position: relative;
    height: var(--gk-policy-graph-height, 26rem);
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
  .key {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.375rem;
    margin: 0.375rem 0 0.75rem;
    color: var(--gk-color-muted, #57606a);
    font-size: 0.8125rem;
  }
  .dashed {
    display: inline-block;
    width: 0.875rem;
    height: 0.875rem;
    border: 2px dashed currentColor;
    border-radius: 50%;
  }
  .groups {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .group + .group {
    margin-top: 0.75rem;
  }
  .group-title {
    display: block;
    padding-bottom: 0.25rem;
    border-bottom: 2px solid var(--gk-color-brand, #b3261e);
    font-weight: 600;
  }
  .entry {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.75rem;
    padding: 0.5rem 0;
  }
  .entry .title {
    flex: 1 1 16rem;
    font-size: 1rem;
  }
  .verb {
    color: var(--gk-color-muted, #57606a);
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.75rem;
    color: var(--gk-color-muted, #57606a);
    font-size: 0.875rem;
  }
  @media (forced-colors: active) {
    .chart {
      border-color: CanvasText;
    }
    .group-title {
      border-color: CanvasText;
    }
  }
`;
