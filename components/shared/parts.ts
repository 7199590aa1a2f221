import { html, nothing } from 'lit';
import type { Validity } from '../../server/schemas/policy.js';
import type { SearchHit, Segment } from '../../server/schemas/search.js';
import { formatDate, type Locale, type MessageKey } from './localize.js';

/** Template pieces shared by the list widgets, so a document looks the same in each. */
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Highlighted text: marks become <mark> elements, never HTML strings. */
export const marked = (segments: readonly Segment[]) =>
  segments.map((s) => (s.mark ? html`<mark>${s.text}</mark>` : s.text));

export const badge = (t: Translate, validity: Validity) =>
  html`<span part="badge" class="badge badge--${validity}">${t(`validity.${validity}`)}</span>`;

/** 文号 (when there is one), issuer and publish date. */
export function meta(t: Translate, locale: Locale, docNo: string | null, issuer: string, publishedAt: string) {
  const colon = t('punct.colon');
  return html`<dl part="meta" class="meta">
    ${docNo ? html`<div><dt>${t('policyList.docNo')}${colon}</dt><dd>${docNo}</dd></div>` : nothing}
    <div><dt>${t('policyList.issuer')}${colon}</dt><dd>${issuer}</dd></div>
    <div>
      <dt>${t('policyList.published')}${colon}</dt>
      <dd><time datetime=${publishedAt}>${formatDate(locale, publishedAt)}</time></dd>
    </div>
  </dl>`;
}

/** A document's title: a link, or a button when there is nowhere to go (the select event still fires). */
export const titleLink = (href: string | null | undefined, content: unknown, select: (event: Event) => void) =>
  href
    ? html`<a part="title" class="title" href=${href} @click=${select}>${content}</a>`
    : html`<button part="title" class="title" type="button" @click=${select}>${content}</button>`;

/** One search hit: highlighted title, validity, the best passage and its place, then the metadata. */
export function hitItem(t: Translate, locale: Locale, hit: SearchHit, href: string | null, select: (event: Event) => void) {
  const { title, snippet, passage } = hit.highlight;
  return html`<li part="item" class="item">
    <div class="head">${titleLink(href, title.length ? marked(title) : hit.title, select)} ${badge(t, hit.validity)}</div>
    ${snippet.length
      ? html`<p part="snippet" class="snippet">
          ${passage ? html`<span part="passage" class="passage">${passage}</span>` : nothing}${marked(snippet)}
        </p>`
      : nothing}
    ${meta(t, locale, hit.docNo, hit.issuer, hit.publishedAt)}
  </li>`;
}

/** `detail-url` with `{id}` filled in, else the document's own page. */
export const detailHref = (template: string | undefined, id: number, url: string | null) =>
  template ? template.replaceAll('{id}', encodeURIComponent(id)) : url;

/**
 * Previous / next with the page status. `go` receives the page and the selector of the other
 * button, which takes focus if the pressed one becomes disabled.
 */
export function pager(t: Translate, page: number, pages: number, go: (page: number, other: string) => void) {
  if (pages <= 1) return nothing;
  return html`<nav part="pager" class="pager" aria-label=${t('pager.label')}>
    <button part="button" type="button" class="previous" ?disabled=${page <= 1} @click=${() => go(page - 1, '.next')}>
      ${t('pager.previous')}
    </button>
    <span>${t('pager.status', { page, pages })}</span>
    <button part="button" type="button" class="next" ?disabled=${page >= pages} @click=${() => go(page + 1, '.previous')}>
      ${t('pager.next')}
    </button>
  </nav>`;
}

export const pageCount = (total: number, pageSize: number) => Math.max(1, Math.ceil(total / Math.max(1, pageSize)));

export const loadingState = (rows = 3) =>
  html`<div part="loading"><slot name="loading">${Array.from({ length: rows }, () => html`<div class="skeleton" aria-hidden="true"></div>`)}</slot></div>`;

export const emptyState = (content: unknown) =>
  html`<div part="empty"><slot name="empty"><p class="message">${content}</p></slot></div>`;

export const errorState = (t: Translate, message: string, retry: () => void) =>
  html`<div part="error" class="error" role="alert">
    <slot name="error"><p>${message}</p></slot>
    <button part="button retry" type="button" @click=${retry}>${t('policyList.retry')}</button>
  </div>`;

/** After a page turn, focus leaves a button that became disabled for the other one. */
export function keepPagerFocus(root: ShadowRoot | null, other: string): void {
  const active = root?.activeElement;
  if (!active || (active as HTMLButtonElement).disabled) root?.querySelector<HTMLElement>(other)?.focus();
}
