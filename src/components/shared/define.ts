/**
 * Registers a custom element unless the name is taken, so a page that includes the script
 * tag twice (or an app that also bundles Ankieta) keeps working instead of throwing.
 * Call it after the class: `define('ankieta-rating', AnkietaRating)`.
 *
 * Elements declare their reactive properties in `static properties` (the JSDoc stays on the
 * field) rather than with decorators: the decorator helpers and one call per property cost
 * about 0.5 kB gzip of the script-tag bundle, which every visitor downloads. Internal state
 * says `attribute: false` as well (Lit implies it), so the manifest does not list it as an attribute.
 */
export function define(tagName: string, elementClass: CustomElementConstructor): void {
  if (!customElements.get(tagName)) customElements.define(tagName, elementClass);
}
