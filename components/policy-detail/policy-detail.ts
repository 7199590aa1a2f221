import { initialState, Task, TaskStatus } from '@lit/task';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { InterpretationSummary, PolicyRef, RelatedItem, RelationKind } from '../../server/schemas/lineage.js';
import type { PolicyDetail } from '../../server/schemas/policy-detail.js';
import { GkErrorEvent } from '../events/gk-error.js';
import { GkLoadEvent } from '../events/gk-load.js';
import { GkSelectEvent } from '../events/gk-select.js';
import { getPolicy, relatedPolicies, toApiError } from '../shared/api-client.js';
import { define } from '../shared/define.js';
import { GkElement } from '../shared/gk-element.js';
import { FORMS, formBadge, formLabel, interpretationItem, interpretationStyles } from '../interpretation-list/interpretation-item.js';
import { listStyles } from '../shared/list-styles.js';
import { formatDate, msgParts, type MessageKey } from '../shared/localize.js';
import { badge, detailHref, emptyState, errorState, loadingState, meta, titleLink } from '../shared/parts.js';
import { baseStyles } from '../shared/styles.js';
import '../translations/lineage.js';
import { policyDetailStyles } from './policy-detail.styles.js';

type Document = PolicyRef | InterpretationSummary | RelatedItem['policy'];

/**
 * A policy document's page: metadata table, validity notice, body, attachments, interpretations
 * grouped by form (or, for an interpretation, its media and the policies it interprets), related
 * services, FAQs, the policy graph (loaded once its section scrolls into view) and related policies
 * with the reasons they are related.
 *
 * @tag gk-policy-detail
 * @slot - Fallback for pages without JavaScript (e.g. a link to the original page); replaced by the widget.
 * @slot loading - Replaces the loading skeleton.
 * @slot empty - Replaces the "not found" message.
 * @slot error - Replaces the error message (the retry button stays).
 * @csspart base - The whole widget.
 * @csspart header - Title and badges.
 * @csspart title - The document's title.
 * @csspart badge - A validity badge.
 * @csspart key - The 重点政策 mark.
 * @csspart notice - The validity notice of a repealed, replaced or amended document.
 * @csspart metadata - The metadata table.
 * @csspart body - The document's text.
 * @csspart section - Each section below the body (attachments, interpretations, services, FAQs, graph, related).
 * @csspart heading - A section's heading.
 * @csspart list - A list of documents, interpretations or services.
 * @csspart item - One entry of such a list.
 * @csspart form - An interpretation's form.
 * @csspart thumbnail - An interpretation's picture.
 * @csspart faq - One question and its answer.
 * @csspart reasons - Why a related policy is related.
 * @csspart graph - The policy graph.
 * @csspart button - The retry button.
 * @csspart loading - The loading state.
 * @csspart empty - The empty (not found) state.
 * @csspart error - The error state.
 * @fires gk-load - The document arrived: `{ total, page }` (total 1; page 1).
 * @fires gk-error - Loading the document or its related policies failed: `{ error }`.
 * @fires gk-select - A related document or interpretation was chosen, before navigation (cancelable): `{ policy }`.
 */
export class GkPolicyDetail extends GkElement {
  static override styles = [baseStyles, listStyles, interpretationStyles, policyDetailStyles];

  /** The document; else the page URL's `?id=`. */
  @property({ attribute: 'policy-id', type: Number }) policyId?: number;
  /** Another document's page, `{id}` replaced. Default: this page with `?id=`. */
  @property({ attribute: 'detail-url' }) detailUrl = '?id={id}';
  /** Hops the policy graph shows: 1 or 2. */
  @property({ attribute: 'graph-depth', type: Number }) graphDepth: 1 | 2 = 1;

  /** The graph's section came into view: its module is loaded and it is shown. */
  @state() private graphShown = false;
  private graphObserver?: IntersectionObserver;

  private get documentId(): number | undefined {
    const id = this.policyId ?? Number(new URLSearchParams(location.search).get('id'));
    return Number.isInteger(id) && id > 0 ? id : undefined;
  }

  private task = new Task(this, {
    task: ([base, , id], { signal }) => (id ? getPolicy(this.client, base, id, signal) : initialState),
    args: () => [this.resolvedApiBase, this.fetch, this.documentId] as const,
    onComplete: () => this.dispatchEvent(new GkLoadEvent({ total: 1, page: 1 })),
    onError: (error) => {
      if (toApiError(error).status !== 404) this.dispatchEvent(new GkErrorEvent({ error: toApiError(error) }));
    },
  });

  private related = new Task(this, {
    task: ([base, , id], { signal }) => (id ? relatedPolicies(this.client, base, id, { limit: 8 }, signal) : initialState),
    args: () => [this.resolvedApiBase, this.fetch, this.documentId] as const,
    onError: (error) => this.dispatchEvent(new GkErrorEvent({ error: toApiError(error) })),
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.graphObserver?.disconnect();
    this.graphObserver = undefined;
  }

  protected override updated(): void {
    this.watchGraph();
  }

  /** Loads <gk-policy-graph> (and later echarts) only once its section is near the viewport. */
  private watchGraph(): void {
    const section = this.renderRoot.querySelector('.graph-section');
    if (this.graphShown || !section || this.graphObserver) return;
    this.graphObserver = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        this.graphObserver?.disconnect();
        import('../policy-graph/policy-graph.js').then(
          () => (this.graphShown = true),
          (error: unknown) => console.error('gongkai: could not load <gk-policy-graph>', error),
        );
      },
      { rootMargin: '200px' },
    );
    this.graphObserver.observe(section);
  }

  protected override render() {
    const pending = this.task.status === TaskStatus.PENDING;
    return html`<article part="base" class="base" aria-label=${this.t('detail.label')} aria-busy=${pending ? 'true' : 'false'}>
      <div class="visually-hidden" role="status">${pending ? this.t('detail.loading') : ''}</div>
      ${this.documentId
        ? this.task.render({
            initial: () => loadingState(4),
            pending: () => loadingState(4),
            complete: (doc) => this.renderDocument(doc),
            error: (error) => {
              const { status, message } = toApiError(error);
              if (status === 404) return emptyState(this.t('detail.notFound'));
              return errorState(this.t, this.t('detail.error', { message: status ? message : this.t('error.network') }), () => this.task.run());
            },
          })
        : emptyState(this.t('detail.notFound'))}
    </article>`;
  }

  private href(id: number, url: string | null): string | null {
    return detailHref(this.detailUrl, id, url);
  }

  private select = (policy: Document, event: Event) => {
    if (!this.dispatchEvent(new GkSelectEvent({ policy }))) event.preventDefault();
  };

  private link(p: Document) {
    return titleLink(this.href(p.id, 'url' in p ? p.url : null), p.title, (event) => this.select(p, event));
  }

  private renderDocument(doc: PolicyDetail) {
    return html`
      <header part="header" class="header">
        <h1 part="title" class="doc-title">${doc.title}</h1>
        <div class="badges">
          ${badge(this.t, doc.validity)} ${doc.isKey ? html`<span part="key" class="key">${this.t('detail.key')}</span>` : nothing}
          ${doc.interpretation ? formBadge(this.t, doc.interpretation.form) : nothing}
        </div>
      </header>
      ${this.renderNotice(doc)} ${this.renderMetadata(doc)}
      <div part="body" class="body">
        <h2 class="visually-hidden">${this.t('detail.body')}</h2>
        ${unsafeHTML(doc.bodyHtml)}
      </div>
      ${doc.url ? html`<p class="original"><a href=${doc.url}>${this.t('detail.original')}</a></p>` : nothing}
      ${this.section(
        'detail.attachments',
        doc.attachments.length,
        () => html`<ul part="list" class="plain">
          ${doc.attachments.map((a) => html`<li part="item"><a href=${a.url}>${a.name}</a></li>`)}
        </ul>`,
      )}
      ${this.renderMedia(doc)}
      ${this.section('detail.interprets', doc.interprets.length, () => this.refList(doc.interprets))}
      ${this.section('detail.interpretations', doc.interpretations.length, () => this.renderInterpretations(doc.interpretations))}
      ${this.section('detail.services', doc.services.length, () => this.renderServices(doc))}
      ${this.section(
        'detail.faqs',
        doc.faqs.length,
        () => html`${doc.faqs.map(
          (f) => html`<details part="faq" class="faq">
            <summary>${f.question}</summary>
            <p>${f.answer}</p>
          </details>`,
        )}`,
      )}
      <!-- Not a named region: the graph inside is one, under the same name. -->
      <section part="section" class="section graph-section">
        <h2 part="heading" class="heading">${this.t('detail.graph')}</h2>
        ${this.graphShown
          ? html`<gk-policy-graph
              part="graph"
              policy-id=${doc.id}
              depth=${this.graphDepth === 2 ? 2 : 1}
              detail-url=${this.detailUrl}
              api-base=${this.resolvedApiBase}
              lang=${this.locale}
              .fetch=${this.fetch}
            ></gk-policy-graph>`
          : loadingState(2)}
      </section>
      ${this.renderRelated()}
    `;
  }

  /** 本文件已于…被《…》废止: the document that changed this one's validity, as a link. */
  private renderNotice({ validityNote: note }: PolicyDetail) {
    if (!note) return nothing;
    const href = this.href(note.by.id, null);
    const title = href ? html`<a href=${href} @click=${(e: Event) => this.select(note.by, e)}>《${note.by.title}》</a>` : `《${note.by.title}》`;
    const date = note.date ?? note.by.publishedAt;
    return html`<p part="notice" class="notice notice--${note.validity}" role="note">
      ${msgParts(this.locale, `detail.note.${note.kind}`, { date: formatDate(this.locale, date), title })}
    </p>`;
  }

  private renderMetadata(doc: PolicyDetail) {
    const date = (iso: string | null) => (iso ? html`<time datetime=${iso}>${formatDate(this.locale, iso)}</time>` : null);
    const theme = doc.terms.filter((term) => term.axis === 'theme').map((term) => term.name);
    const rows: [string, unknown][] = (
      [
        ['detail.indexNo', doc.indexNo],
        ['detail.theme', theme.length ? theme.join(this.t('list.separator')) : null],
        ['detail.issuer', (doc.issuers.length ? doc.issuers : [doc.org.name]).join(this.t('list.separator'))],
        ['detail.docNo', doc.docNo],
        ['detail.writtenAt', date(doc.writtenAt)],
        ['detail.publishedAt', date(doc.publishedAt)],
        ['detail.validity', this.t(`validity.${doc.validity}`)],
        ['detail.keywords', doc.keywords.length ? doc.keywords.join(this.t('list.separator')) : null],
      ] as const
    )
      .filter(([, value]) => value)
      .map(([key, value]) => [this.t(key), value]);
    // Two label–value pairs a row, as on gov.cn; narrow widgets stack them (see the styles).
    const pairs = Array.from({ length: Math.ceil(rows.length / 2) }, (_, i) => rows.slice(2 * i, 2 * i + 2));
    return html`<table part="metadata" class="metadata">
      <caption class="visually-hidden">${this.t('detail.meta')}</caption>
      <tbody>
        ${pairs.map(
          (pair) => html`<tr>
            ${pair.map(([label, value]) => html`<th scope="row">${label}</th><td>${value}</td>`)}
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  /** A section with a heading, shown only when it has something. */
  private section(heading: MessageKey, count: number, content: () => unknown) {
    if (!count) return nothing;
    const id = `section-${heading.replace(/\W/g, '-')}`;
    return html`<section part="section" class="section" aria-labelledby=${id}>
      <h2 part="heading" class="heading" id=${id}>${this.t(heading)}</h2>
      ${content()}
    </section>`;
  }

  private refList(refs: readonly PolicyRef[]) {
    return html`<ul part="list" class="list">
      ${refs.map(
        (p) => html`<li part="item" class="item">
          <div class="head">${this.link(p)} ${badge(this.t, p.validity)}</div>
          ${p.docNo ? html`<p class="facts">${p.docNo}</p>` : nothing}
        </li>`,
      )}
    </ul>`;
  }

  /** An interpretation's own content: who speaks, its pictures, video and transcript. */
  private renderMedia({ interpretation: media, title }: PolicyDetail) {
    if (!media) return nothing;
    const count = Number(!!media.speaker) + media.images.length + Number(!!media.videoUrl) + Number(!!media.transcript);
    return this.section('detail.media', count, () => html`
      ${media.speaker ? html`<p class="speaker">${this.t('detail.speaker')}${this.t('punct.colon')}${media.speaker}</p>` : nothing}
      ${media.images.map((image) => html`<img class="media-image" src=${image.url} alt=${image.alt} loading="lazy" />`)}
      ${media.videoUrl ? html`<p><a class="video" href=${media.videoUrl}>${this.t('detail.video', { title })}</a></p>` : nothing}
      ${media.transcript
        ? html`<details class="transcript">
            <summary>${this.t('detail.transcript')}</summary>
            <p>${media.transcript}</p>
          </details>`
        : nothing}
    `);
  }

  private renderInterpretations(items: readonly InterpretationSummary[]) {
    const options = { href: (id: number, url: string | null) => this.href(id, url), select: this.select, showForm: false, showPolicies: false };
    return FORMS.filter((form) => items.some((i) => i.form === form)).map(
      (form) => html`<h3 class="subheading" id="form-${form}">${this.t(formLabel(form))}</h3>
        <ul part="list" class="list" aria-labelledby="form-${form}">
          ${items.filter((i) => i.form === form).map((i) => interpretationItem(this.t, this.locale, i, options))}
        </ul>`,
    );
  }

  private renderServices({ services }: PolicyDetail) {
    const colon = this.t('punct.colon');
    return html`<ul part="list" class="list">
      ${services.map(
        (s) => html`<li part="item" class="item service">
          <a class="title" href=${s.url}>${s.name}</a>
          <dl class="meta">
            ${s.org ? html`<div><dt>${this.t('detail.serviceOrg')}${colon}</dt><dd>${s.org.name}</dd></div>` : nothing}
            ${s.conditions ? html`<div><dt>${this.t('detail.conditions')}${colon}</dt><dd>${s.conditions}</dd></div>` : nothing}
          </dl>
        </li>`,
      )}
    </ul>`;
  }

  private renderRelated() {
    if (this.related.status === TaskStatus.ERROR) {
      return this.section('detail.related', 1, () => html`<p class="message">${this.t('detail.relatedError')}</p>`);
    }
    const items = this.related.status === TaskStatus.COMPLETE ? this.related.value!.items : [];
    return this.section('detail.related', items.length, () => html`<ul part="list" class="list">
      ${items.map(
        ({ policy, reasons }) => html`<li part="item" class="item">
          <div class="head">${this.link(policy)} ${badge(this.t, policy.validity)}</div>
          ${meta(this.t, this.locale, policy.docNo, policy.issuer, policy.publishedAt)}
          <ul part="reasons" class="reasons" aria-label=${this.t('detail.reasons')}>
            ${reasons.map(
              (r) => html`<li class="reason reason--${r.kind}">
                ${this.t(`reason.${r.kind}`, { detail: r.kind === 'link' && isRelationKind(r.detail) ? this.t(`verb.${r.detail}`) : r.detail })}
              </li>`,
            )}
          </ul>
        </li>`,
      )}
    </ul>`);
  }
}

/** A Record, so a relation kind added to the API schema fails the typecheck here. */
const RELATION_KINDS: Record<RelationKind, true> = {
  amends: true,
  repeals: true,
  supersedes: true,
  based_on: true,
  implements: true,
  forwards: true,
  interprets: true,
  related: true,
};
const isRelationKind = (s: string): s is RelationKind => s in RELATION_KINDS;

define('gk-policy-detail', GkPolicyDetail);

declare global {
  interface HTMLElementTagNameMap {
    'gk-policy-detail': GkPolicyDetail;
  }
}
