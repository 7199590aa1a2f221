import { css } from 'lit';

/** On top of listStyles: topics as wrapping pills. */
export const hotTopicsStyles = css`
  .heading {
    margin: 0 0 0.5rem;
    font-size: var(--gk-hot-topics-heading-size, 1.125rem);
  }
  .topics {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .topic {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    min-height: 2.25rem;
    padding: 0.25rem 0.75rem;
    border: 1px solid var(--gk-color-border, #d0d7de);
    border-radius: 1.125rem;
    text-decoration: none;
  }
  .topic:hover {
    border-color: currentColor;
  }
  .pinned {
    padding: 0 0.25rem;
    border-radius: 2px;
    background: var(--gk-color-brand, #b3261e);
    color: var(--gk-color-on-brand, #ffffff);
    font-size: 0.75rem;
  }
  .skeleton {
    height: 2.25rem;
  }
  @media (forced-colors: active) {
    .pinned {
      border: 1px solid CanvasText;
    }
  }
`;
