import { expect } from '@open-wc/testing';

// Polish typography in the static demo pages and the Polish accessibility statement, which JST
// copy into their own pages and declarations.
const PAGES = ['index', 'conference', 'municipal', 'kiosk', 'self-assessment', 'report'];

/** The Polish text of a page: every text node outside scripts, styles, code and other languages. */
async function polishText(path: string): Promise<string[]> {
  const response = await fetch(path);
  expect(response.ok, `${path} is served`).to.equal(true);
  const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  const found: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement!;
    if (parent.closest('script, style, code, pre')) continue;
    if ((parent.closest('[lang]')?.getAttribute('lang') ?? 'pl') !== 'pl') continue;
    found.push(node.textContent!);
  }
  return found;
}

describe('Polish typography of the demo pages and ACCESSIBILITY.md', () => {
  for (const page of PAGES) {
    it(`demo/${page}.html: no one-letter word ends a line, times written 11:00, "konkursu" lower case`, async () => {
      const text = (await polishText(`/demo/${page}.html`)).join('');
      expect(text.length, 'the page has Polish text to check').to.be.above(200);
      // A one-letter word followed by a breaking space (or a line break in the source).
      expect(text.match(/(?:^|[\s(„"])[aiouwz][ \t\n\r]+\S+/gi) ?? [], 'a no-break space after a, i, o, u, w, z').to.deep.equal([]);
      expect(text.match(/godz\.\s*\d{1,2}\.\d{2}/g) ?? [], 'a time written with a colon').to.deep.equal([]);
      expect(text.match(/Konkurs\w*/g) ?? [], 'konkurs is a common noun').to.deep.equal([]);
    });
  }

  it('ACCESSIBILITY.md in Polish: an en dash with spaces, not an em dash; "400%" without a space', async () => {
    const text = await (await fetch('/ACCESSIBILITY.md')).text();
    const start = text.indexOf('## Polski');
    expect(start, 'the Polish part is found').to.be.above(0);
    const polish = text.slice(start);
    expect(polish.length).to.be.above(2000);
    expect(polish.match(/.{0,20}—.{0,20}/g) ?? []).to.deep.equal([]);
    expect(polish.match(/\d %/g) ?? []).to.deep.equal([]);
  });
});
