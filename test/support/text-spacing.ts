// WCAG 2.1 SC 1.4.12 Text spacing, as a test applies it: line height 1.5, paragraph spacing 2em,
// letter spacing 0.12em and word spacing 0.16em forced onto every element of a document and of
// every shadow root in it (as a text-spacing tool that reaches into shadow roots would), then
// checks that no text is cut off and nothing sticks out of the room the widget was given.

const RULES = `
  *, *::before, *::after {
    line-height: 1.5 !important;
    letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important;
  }
  p { margin-block-end: 2em !important; }
`;

/** One sheet per document: a constructed sheet can only be adopted in the document that made it. */
const sheets = new WeakMap<Document, CSSStyleSheet>();

function sheetFor(doc: Document): CSSStyleSheet {
  let sheet = sheets.get(doc);
  if (!sheet) {
    const Sheet = (doc.defaultView as (Window & typeof globalThis) | null)?.CSSStyleSheet ?? CSSStyleSheet;
    sheet = new Sheet();
    sheet.replaceSync(RULES);
    sheets.set(doc, sheet);
  }
  return sheet;
}

/** Every shadow root under `node`, nested ones included. */
export function shadowRoots(node: Document | ShadowRoot): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  for (const element of node.querySelectorAll('*')) {
    if (element.shadowRoot) found.push(element.shadowRoot, ...shadowRoots(element.shadowRoot));
  }
  return found;
}

const frame = (doc: Document) => new Promise((resolve) => (doc.defaultView ?? window).requestAnimationFrame(resolve));

/** Applies the spacing everywhere in `doc` (call again after a render, for shadow roots made since). */
export async function applyTextSpacing(doc: Document = document): Promise<void> {
  const sheet = sheetFor(doc);
  for (const root of [doc, ...shadowRoots(doc)]) {
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }
  await frame(doc);
  await frame(doc);
}

export function removeTextSpacing(doc: Document = document): void {
  const sheet = sheets.get(doc);
  if (!sheet) return;
  for (const root of [doc, ...shadowRoots(doc)]) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
}

const styleOf = (element: Element) => (element.ownerDocument.defaultView ?? window).getComputedStyle(element);

const describe = (element: Element) => {
  const host = (element.getRootNode() as ShadowRoot).host?.localName ?? 'document';
  return `${host} ${element.localName}.${element.className || '-'} "${element.textContent?.trim().slice(0, 40)}"`;
};

/** Elements in `host`'s shadow roots whose own box cuts off their content (screen-reader-only text aside). */
export function clippedText(host: Element): string[] {
  const problems: string[] = [];
  for (const root of [host.shadowRoot!, ...shadowRoots(host.shadowRoot!)]) {
    for (const element of root.querySelectorAll<HTMLElement>('*')) {
      const style = styleOf(element);
      if (style.display === 'none') continue;
      // Screen-reader-only text: a 1 px box clipped on purpose.
      if (element.clientWidth <= 1 || element.clientHeight <= 1) continue;
      const hides = (overflow: string) => overflow === 'hidden' || overflow === 'clip';
      const cutX = hides(style.overflowX) && element.scrollWidth > element.clientWidth + 1;
      const cutY = hides(style.overflowY) && element.scrollHeight > element.clientHeight + 1;
      if (cutX || cutY) problems.push(describe(element));
    }
  }
  return problems;
}

/** Inside a keyboard-focusable region that scrolls sideways: reachable, so not lost (1.4.10 allows it for tables). */
function inScrollRegion(element: Element): boolean {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const overflow = styleOf(node).overflowX;
    if (overflow === 'auto' || overflow === 'scroll') return node.getAttribute('role') === 'region' && node.tabIndex === 0;
  }
  return false;
}

/** What in `host`'s shadow roots reaches past `right` (a viewport x), with by how much. */
export function sticksOut(host: Element, right: number): string[] {
  const out: string[] = [];
  for (const root of [host.shadowRoot!, ...shadowRoots(host.shadowRoot!)]) {
    for (const element of root.querySelectorAll<HTMLElement>('*')) {
      const box = element.getBoundingClientRect();
      if (box.width > 1 && box.right > right + 1 && !inScrollRegion(element)) {
        out.push(`${describe(element)} by ${Math.round(box.right - right)} px`);
      }
    }
  }
  return out;
}
