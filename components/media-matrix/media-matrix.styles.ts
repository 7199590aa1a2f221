import { css } from 'lit';

/** On top of listStyles: the controls, the groups and the QR-code cards, and the enlarged QR code. */
export const mediaMatrixStyles = css`
  .heading {
    margin: 0 0 0.75rem;
    padding-bottom: 0.5rem;
    border-bottom: 2px solid var(--gk-color-brand, #b3261e);
    font-size: var(--gk-media-matrix-heading-size, 1.25rem);
    line-height: 1.4;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.5rem;
    margin-bottom: 0.5rem;
  }
  .control {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    font-size: 0.9375rem;
  }
  input,
  select {
    font: inherit;
    min-height: 2.25rem;
    padding: 0.25rem 0.5rem;
    border: 1px solid var(--gk-color-border-strong, #6e7781);
    border-radius: var(--gk-radius, 4px);
    background: var(--gk-color-surface, #ffffff);
    color: var(--gk-color-text, #1f2328);
  }
  input {
    width: 16rem;
    max-width: 100%;
  }
  .group-heading {
    margin: 1rem 0 0.5rem;
    font-size: var(--gk-media-matrix-group-size, 1.0625rem);
  }
  .count {
    margin-inline-start: 0.25rem;
    color: var(--gk-color-muted, #57606a);
    font-size: 0.875rem;
    font-weight: normal;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(var(--gk-media-matrix-card-width, 9rem), 1fr));
    gap: 0.75rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .card {
    padding: 0.75rem 0.5rem;
    border: 1px solid var(--gk-color-border, #d0d7de);
    border-radius: var(--gk-radius, 4px);
    text-align: center;
    font-size: 0.875rem;
    line-height: 1.4;
  }
  .card p {
    margin: 0.25rem 0 0;
    overflow-wrap: anywhere;
  }
  .name {
    font-size: 0.9375rem;
    font-weight: 600;
  }
  .platform,
  .org {
    color: var(--gk-color-muted, #57606a);
  }
  .qr {
    position: relative;
    padding: 0.25rem;
    border-color: transparent;
    line-height: 0;
    transition: transform 0.15s ease-out;
  }
  /* Enlarged where the reader's attention is: on hover and on keyboard focus. */
  .qr:hover,
  .qr:focus-visible {
    z-index: 1;
    transform: scale(1.35);
    box-shadow: 0 2px 10px rgb(0 0 0 / 0.25);
  }
  .qr img,
  .dialog-qr {
    display: block;
    max-width: 100%;
    height: auto;
    background: #ffffff;
  }
  .dialog {
    max-width: min(22rem, 90vw);
    padding: 1.25rem;
    border: 1px solid var(--gk-color-border, #d0d7de);
    border-radius: var(--gk-radius, 4px);
    color: var(--gk-color-text, #1f2328);
    text-align: center;
  }
  .dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
  .dialog-name {
    margin: 0 0 0.75rem;
    font-size: 1.125rem;
  }
  .dialog-qr {
    margin: 0 auto;
  }
  .dialog-actions {
    display: flex;
    justify-content: center;
    align-items: center;
    gap: 1rem;
  }
  .skeleton {
    height: 9rem;
  }
  @media (forced-colors: active) {
    .qr {
      border-color: ButtonText;
    }
  }
`;
