import { css } from 'lit';

/**
 * Shared widget CSS. Public tokens (`--gk-color-brand`, `--gk-font-family`, `--gk-radius`, …) are
 * only read, with fallbacks, never declared here, so a host page themes every widget from :root.
 * Fallback colours keep 4.5:1 contrast on white.
 */
export const baseStyles = css`
  :host {
    display: block;
    color: var(--gk-color-text, #1f2328);
    font-family: var(
      --gk-font-family,
      system-ui,
      'PingFang SC',
      'Hiragino Sans GB',
      'Microsoft YaHei',
      'Noto Sans CJK SC',
      'WenQuanYi Micro Hei',
      sans-serif
    );
    font-size: var(--gk-font-size, 1rem);
    line-height: 1.6;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  a {
    color: var(--gk-color-link, #0b4f99);
  }
  a:hover {
    color: var(--gk-color-brand, #b3261e);
  }
  :focus-visible {
    outline: 2px solid var(--gk-color-focus, #0b4f99);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    min-height: 2.25rem;
    padding: 0.25rem 0.875rem;
    border: 1px solid var(--gk-color-border-strong, #6e7781);
    border-radius: var(--gk-radius, 4px);
    background: var(--gk-color-surface, #ffffff);
    color: var(--gk-color-text, #1f2328);
    cursor: pointer;
  }
  button:hover:not(:disabled) {
    border-color: var(--gk-color-brand, #b3261e);
    color: var(--gk-color-brand, #b3261e);
  }
  button:disabled {
    color: var(--gk-color-muted, #57606a);
    border-color: var(--gk-color-border, #d0d7de);
    cursor: not-allowed;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  @media (forced-colors: active) {
    button {
      border-color: ButtonText;
    }
    button:disabled {
      border-color: GrayText;
      color: GrayText;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
    }
  }
`;
