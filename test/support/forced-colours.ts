/**
 * Forced colours for tests: no driver here emulates the mode, so an element's
 * `@media (forced-colors: active)` rules are added to its shadow root as a plain sheet (after its
 * own, as in the real cascade, where the media block follows the rules it overrides).
 */
export function forcedColours(el: Element): void {
  const shadow = el.shadowRoot!;
  const rules = shadow.adoptedStyleSheets
    .flatMap((sheet) => [...sheet.cssRules])
    .filter((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule && rule.media.mediaText.includes('forced-colors'))
    .flatMap((rule) => [...rule.cssRules].map((r) => r.cssText));
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(rules.join('\n'));
  shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
}

/** A system colour (CanvasText, Canvas, Highlight …) as computed, to compare with a computed style. */
export function systemColour(name: string): string {
  const probe = document.createElement('span');
  document.body.append(probe);
  probe.style.color = name;
  const value = getComputedStyle(probe).color;
  probe.remove();
  return value;
}
