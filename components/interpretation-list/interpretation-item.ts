import { css, html, nothing } from 'lit';
import '../translations/lineage.js';
import type { InterpretationForm, InterpretationSummary, PolicyRef } from '../../server/schemas/lineage.js';
import type { Locale, MessageKey } from '../shared/localize.js';
import { meta, titleLink, type Translate } from '../shared/parts.js';

/** Each form's label, in display order; a Record, so a form added to the API schema fails the typecheck here. */
const FORM_LABELS: Record<InterpretationForm, MessageKey> = {
  text: 'form.text',
  graphic: 'form.graphic',
  video: 'form.video',
  digital_human: 'form.digital_human',
  press_conference: 'form.press_conference',
  leader: 'form.leader',
  expert: 'form.expert',
  qa: 'form.qa',
};

export const FORMS = Object.keys(FORM_LABELS) as InterpretationForm[];
export const formLabel = (form: InterpretationForm): MessageKey => FORM_LABELS[form];

export const formBadge = (t: Translate, form: InterpretationForm) =>
  html`<span part="form" class="form form--${form}">${t(FORM_LABELS[form])}</span>`;

export interface InterpretationItemOptions {
  /** A document's page, or null when there is none (the title becomes a button). */
  href: (id: number, url: string | null) => string | null;
  /** Fires the select event for a document; cancels the click when it is cancelled. */
  select: (policy: InterpretationSummary | PolicyRef, event: Event) => void;
  /** The form badge (lists that mix forms). */
  showForm: boolean;
  /** The policies it interprets (lists not already about one policy). */
  showPolicies: boolean;
}

/** A policy it interprets: a link to its page, or its title alone when there is no page. */
function policyLink(p: PolicyRef, o: InterpretationItemOptions) {
  const href = o.href(p.id, null);
  return href ? html`<a href=${href} @click=${(e: Event) => o.select(p, e)}>${p.title}</a>` : p.title;
}

/** One interpretation: thumbnail, form, title, issuer, date, who speaks and what it interprets. */
export function interpretationItem(t: Translate, locale: Locale, item: InterpretationSummary, o: InterpretationItemOptions) {
  const colon = t('punct.colon');
  return html`<li part="item" class="item interpretation">
    ${item.thumbnail
      ? html`<img part="thumbnail" class="thumbnail" src=${item.thumbnail.url} alt=${item.thumbnail.alt} loading="lazy" />`
      : nothing}
    <div class="interpretation-main">
      <div class="head">
        ${o.showForm ? formBadge(t, item.form) : nothing}
        ${titleLink(o.href(item.id, item.url), item.title, (event) => o.select(item, event))}
      </div>
      ${meta(t, locale, null, item.org.name, item.publishedAt)}
      ${item.speaker ? html`<p class="speaker">${t('interp.speaker')}${colon}${item.speaker}</p>` : nothing}
      ${o.showPolicies
        ? html`<p part="interprets" class="interprets">
            ${item.policies.length
              ? html`${t('interp.interprets')}${colon}${item.policies.map(
                  (p, i) => html`${i ? t('list.separator') : ''}${policyLink(p, o)}`,
                )}`
              : t('interp.unlinked')}
          </p>`
        : nothing}
    </div>
  </li>`;
}

/** Styles of the pieces above, on top of listStyles. */
export const interpretationStyles = css`
  .interpretation {
    display: flex;
    gap: 0.75rem;
    align-items: flex-start;
  }
  .interpretation-main {
    flex: 1;
    min-width: 0;
  }
  .thumbnail {
    flex: none;
    width: var(--gk-interpretation-thumbnail-width, 7.5rem);
    aspect-ratio: 16 / 9;
    object-fit: cover;
    border-radius: var(--gk-radius, 4px);
    background: var(--gk-color-subtle, #eaeef2);
  }
  .form {
    flex: none;
    padding: 0 0.5rem;
    border-radius: var(--gk-radius, 4px);
    background: var(--gk-color-brand, #b3261e);
    color: #ffffff;
    font-size: 0.8125rem;
    line-height: 1.5rem;
    white-space: nowrap;
  }
  .speaker,
  .interprets {
    margin: 0.125rem 0 0;
    color: var(--gk-color-muted, #57606a);
    font-size: 0.875rem;
  }
  @media (forced-colors: active) {
    .form {
      border: 1px solid CanvasText;
      forced-color-adjust: none;
      color: CanvasText;
      background: Canvas;
    }
  }
`;
