import { css } from 'lit';

/** On top of listStyles: the document's header, notice, metadata table, body typography and sections. */
export const policyDetailStyles = css`
  .base {
    container-type: inline-size;
  }
  .header {
    padding-bottom: 0.75rem;
    border-bottom: 2px solid var(--gk-color-brand, #b3261e);
    text-align: center;
  }
  .doc-title {
    margin: 0 0 0.5rem;
    font-size: var(--gk-policy-detail-title-size, 1.5rem);
    line-height: 1.4;
    overflow-wrap: anywhere;
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: 0.5rem;
  }
  .key {
    padding: 0 0.5rem;
    border: 1px solid var(--gk-color-brand, #b3261e);
    border-radius: var(--gk-radius, 4px);
    color: var(--gk-color-brand, #b3261e);
    font-size: 0.8125rem;
    line-height: 1.5rem;
  }
  .notice {
    margin: 1rem 0 0;
    padding: 0.75rem 1rem;
    border: 1px solid #cf222e;
    border-inline-start-width: 4px;
    border-radius: var(--gk-radius, 4px);
    background: #fff5f5;
    color: #82071e;
  }
  .notice--amended {
    border-color: #9a6700;
    background: #fff8c5;
    color: #4d2d00;
  }
  .notice a {
    color: inherit;
    font-weight: 600;
  }
  .metadata {
    width: 100%;
    margin: 1rem 0;
    border-collapse: collapse;
    font-size: 0.9375rem;
  }
  .metadata th,
  .metadata td {
    padding: 0.375rem 0.625rem;
    border: 1px solid var(--gk-color-border, #d0d7de);
    text-align: start;
    vertical-align: top;
    overflow-wrap: anywhere;
  }
  .metadata th {
    width: 7em;
    background: var(--gk-policy-detail-label-background, #f6f8fa);
    font-weight: 600;
    white-space: nowrap;
  }
  @container (max-width: 36rem) {
    .metadata tr {
      display: grid;
      grid-template-columns: 6.5em 1fr;
    }
    .metadata th {
      width: auto;
      white-space: normal;
    }
  }
  .body {
    margin: 1.5rem 0;
    font-size: var(--gk-policy-detail-body-size, 1.0625rem);
    line-height: 1.9;
    overflow-wrap: anywhere;
  }
  .body p {
    margin: 0 0 0.75em;
    text-indent: 2em;
  }
  .body h2,
  .body h3,
  .body h4 {
    margin: 1.25em 0 0.5em;
    font-size: 1.0625em;
    text-align: center;
  }
  .body table {
    display: block;
    max-width: 100%;
    overflow-x: auto;
    margin: 0.75em 0;
    border-collapse: collapse;
    font-size: 0.9375em;
    line-height: 1.6;
  }
  .body th,
  .body td {
    padding: 0.25rem 0.625rem;
    border: 1px solid var(--gk-color-border-strong, #6e7781);
  }
  .body img {
    max-width: 100%;
    height: auto;
  }
  .original {
    margin: 0;
    text-align: end;
  }
  .section {
    margin-top: 1.75rem;
  }
  .heading {
    margin: 0 0 0.5rem;
    padding-bottom: 0.375rem;
    border-bottom: 1px solid var(--gk-color-border, #d0d7de);
    font-size: var(--gk-policy-detail-heading-size, 1.1875rem);
    line-height: 1.4;
  }
  .heading::before {
    content: '';
    display: inline-block;
    width: 4px;
    height: 1em;
    margin-inline-end: 0.5rem;
    vertical-align: -0.125em;
    background: var(--gk-color-brand, #b3261e);
  }
  .subheading {
    margin: 1rem 0 0;
    font-size: 1rem;
    color: var(--gk-color-muted, #57606a);
  }
  .plain {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .facts {
    margin: 0.25rem 0 0;
    color: var(--gk-color-muted, #57606a);
    font-size: 0.875rem;
  }
  .service .title {
    display: inline-block;
  }
  .faq {
    border-bottom: 1px solid var(--gk-color-border, #d0d7de);
  }
  .faq summary,
  .transcript summary {
    padding: 0.625rem 0;
    cursor: pointer;
    font-weight: 600;
  }
  .faq p,
  .transcript p {
    margin: 0 0 0.75rem;
    white-space: pre-line;
  }
  .media-image {
    display: block;
    max-width: 100%;
    height: auto;
    margin: 0.75rem auto;
  }
  .reasons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    margin: 0.375rem 0 0;
    padding: 0;
    list-style: none;
  }
  .reason {
    padding: 0 0.5rem;
    border-radius: var(--gk-radius, 4px);
    background: var(--gk-color-subtle, #eaeef2);
    font-size: 0.8125rem;
    line-height: 1.5rem;
  }
  @media (forced-colors: active) {
    .notice,
    .key,
    .reason {
      border: 1px solid CanvasText;
    }
    .heading::before {
      background: CanvasText;
    }
  }
`;
