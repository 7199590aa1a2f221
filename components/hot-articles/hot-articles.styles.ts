import { css } from 'lit';

/** On top of listStyles: the micro-topic tabs and the article rows. */
export const hotArticlesStyles = css`
  .heading {
    margin: 0 0 0.75rem;
    padding-bottom: 0.5rem;
    border-bottom: 2px solid var(--gk-color-brand, #b3261e);
    font-size: var(--gk-hot-articles-heading-size, 1.25rem);
    line-height: 1.4;
  }
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    border-bottom: 1px solid var(--gk-color-border, #d0d7de);
  }
  .tab {
    margin-bottom: -1px;
    border-width: 0 0 3px;
    border-color: transparent;
    border-radius: 0;
    background: none;
  }
  .tab[aria-selected='true'] {
    border-color: var(--gk-color-brand, #b3261e);
    color: var(--gk-color-brand, #b3261e);
    font-weight: 600;
  }
  [role='tabpanel']:focus-visible {
    outline-offset: 4px;
  }
  .article {
    display: flex;
    gap: 0.75rem;
    align-items: flex-start;
  }
  .main {
    flex: 1;
    min-width: 0;
  }
  .image {
    flex: none;
    width: var(--gk-hot-articles-image-width, 7.5rem);
    aspect-ratio: 16 / 9;
    object-fit: cover;
    border-radius: var(--gk-radius, 4px);
    background: var(--gk-color-subtle, #eaeef2);
  }
  .title {
    display: block;
    font-size: var(--gk-hot-articles-title-size, 1.0625rem);
  }
  .meta {
    gap: 0.125rem 1rem;
  }
  .skeleton {
    height: 4.25rem;
  }
  @media (forced-colors: active) {
    .tab[aria-selected='true'] {
      border-color: Highlight;
    }
  }
`;
