import { css } from 'lit';

/**
 * Styles of the pieces in parts.ts: document rows, validity badges, metadata, highlights, pager and
 * the loading, empty and error states. Widgets add their own tokens on top (e.g. title size).
 */
export const listStyles = css`
  .list {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .list[aria-busy='true'] {
    opacity: 0.6;
  }
  .item {
    padding: 0.75rem 0;
    border-bottom: 1px solid var(--gk-color-border, #d0d7de);
  }
  .head {
    display: flex;
    align-items: baseline;
    gap: 0.5rem;
  }
  .title {
    flex: 1;
    min-width: 0;
    overflow-wrap: anywhere;
    font-size: 1.0625rem;
    text-decoration: none;
  }
  a.title:hover {
    text-decoration: underline;
  }
  button.title {
    min-height: 0;
    padding: 0;
    border: 0;
    background: none;
    color: var(--gk-color-link, #0b4f99);
    text-align: start;
  }
  mark {
    padding: 0 0.0625rem;
    background: var(--gk-color-mark, #fff1b8);
    color: inherit;
    font-weight: 600;
  }
  .snippet {
    margin: 0.25rem 0 0;
    overflow-wrap: anywhere;
  }
  .passage {
    margin-inline-end: 0.5rem;
    padding: 0 0.375rem;
    border-radius: var(--gk-radius, 4px);
    background: var(--gk-color-subtle, #eaeef2);
    color: var(--gk-color-text, #1f2328);
    font-size: 0.8125rem;
  }
  .badge {
    flex: none;
    padding: 0 0.5rem;
    border: 1px solid currentColor;
    border-radius: var(--gk-radius, 4px);
    font-size: 0.8125rem;
    line-height: 1.5rem;
    white-space: nowrap;
  }
  .badge--valid {
    color: #116329;
    background: #dafbe1;
  }
  .badge--not_yet_effective {
    color: #0a4b8f;
    background: #ddf4ff;
  }
  .badge--amended {
    color: #6f4400;
    background: #fff8c5;
  }
  .badge--expired,
  .badge--repealed {
    border-style: dashed;
  }
  .badge--expired {
    color: #4d545c;
    background: #eaeef2;
  }
  .badge--repealed {
    color: #82071e;
    background: #ffebe9;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.125rem 1.25rem;
    margin: 0.25rem 0 0;
    color: var(--gk-color-muted, #57606a);
    font-size: 0.875rem;
  }
  .meta div {
    display: flex;
  }
  .meta dt {
    flex: none;
    white-space: pre; /* keeps the space after an English colon */
  }
  .meta dd {
    margin: 0;
  }
  .skeleton {
    height: 3.5rem;
    margin: 0.75rem 0;
    border-radius: var(--gk-radius, 4px);
    background: linear-gradient(90deg, #eaeef2 25%, #f6f8fa 50%, #eaeef2 75%) 0 0 / 200% 100%;
    animation: shimmer 1.4s linear infinite;
  }
  @keyframes shimmer {
    to {
      background-position: -200% 0;
    }
  }
  .message {
    margin: 0;
    padding: 1.5rem 0;
    color: var(--gk-color-muted, #57606a);
    text-align: center;
  }
  .error {
    padding: 1rem;
    border: 1px solid #cf222e;
    border-radius: var(--gk-radius, 4px);
    background: #fff5f5;
    text-align: center;
  }
  .error p {
    margin: 0 0 0.75rem;
    color: #82071e;
  }
  .pager {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    justify-content: center;
    gap: 0.5rem 1rem;
    margin-top: 0.75rem;
    white-space: nowrap;
  }
  @media (forced-colors: active) {
    .badge,
    .passage {
      border-color: CanvasText;
      forced-color-adjust: none;
      color: CanvasText;
      background: Canvas;
    }
    mark {
      forced-color-adjust: none;
      color: HighlightText;
      background: Highlight;
    }
    .skeleton {
      background: GrayText;
    }
  }
`;
