// Print mode for an element's own `@media print` rules, shared by the results and report tests.
import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';

/**
 * Puts the element in print mode: print media emulation where the browser offers it
 * (Chromium), else the element's own `@media print` rules applied as a plain sheet (Firefox
 * and WebKit drivers cannot emulate media), which still tests what those rules do.
 */
export async function printMode(el: Element): Promise<() => Promise<void>> {
  try {
    await emulateMedia({ media: 'print' });
    return () => emulateMedia({ media: 'screen' });
  } catch {
    const shadow = el.shadowRoot!;
    const printRules = shadow.adoptedStyleSheets
      .flatMap((sheet) => [...sheet.cssRules])
      .filter((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule && rule.media.mediaText === 'print')
      .flatMap((rule) => [...rule.cssRules].map((r) => r.cssText));
    expect(printRules.length, 'the element has print rules').to.be.greaterThan(0);
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(printRules.join('\n'));
    // A copy: adoptedStyleSheets is a live array in newer browsers.
    const before = [...shadow.adoptedStyleSheets];
    shadow.adoptedStyleSheets = [...before, sheet];
    return async () => {
      shadow.adoptedStyleSheets = before;
    };
  }
}
