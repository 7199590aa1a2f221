/**
 * Registers a custom element unless the tag is taken, so a page that loads a widget twice
 * (say, the IIFE and the autoloader) keeps working.
 */
export function define(tag: string, ctor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, ctor);
}
