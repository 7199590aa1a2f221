import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { clientFor, type ApiClient } from './api-client.js';
import { resolveApiBase } from './config.js';
import { msg, toLocale, type Locale, type MessageKey } from './localize.js';

/** Base of every gongkai widget: locale, API base and the shared API client. */
export class GkElement extends LitElement {
  /** Overrides the page's language for this widget (`zh-CN` default, `en`). */
  @property({ reflect: true }) override lang!: string;

  /** API origin or base URL; see `resolveApiBase` for what applies when it is absent. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** A `fetch` to use instead of the global one (tests, stories, proxies). */
  @property({ attribute: false }) fetch?: typeof fetch;

  /** The nearest `lang` (this element, an ancestor, then <html>) mapped to a supported locale. */
  get locale(): Locale {
    return toLocale(this.closest('[lang]')?.getAttribute('lang') ?? this.ownerDocument.documentElement.lang);
  }

  /** Translates into the widget's locale; a bound function, so templates in parts.ts can take it. */
  protected t = (key: MessageKey, params?: Record<string, string | number>): string => msg(this.locale, key, params);

  protected get client(): ApiClient {
    return clientFor(this.fetch);
  }

  protected get resolvedApiBase(): string {
    return resolveApiBase(this.apiBase, this.ownerDocument);
  }
}
