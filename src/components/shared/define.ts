/**
 * Registers a custom element unless the name is taken, so a page that includes the script
 * tag twice (or an app that also bundles Ankieta) keeps working instead of throwing.
 * Use as a class decorator: `@define('ankieta-rating')`.
 */
export function define(tagName: string) {
  return (elementClass: CustomElementConstructor): void => {
    if (!customElements.get(tagName)) customElements.define(tagName, elementClass);
  };
}
