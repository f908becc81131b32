import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { deepActive, openHost, readySurvey, waitFor } from './embed-helpers.js';

const HOST_ELEMENTS = [
  '#host-heading',
  '#host-text',
  '#host-fieldset',
  '#host-legend',
  '#host-label',
  '#host-input',
  '#host-button',
  'main',
  'body',
];

function styleSnapshot(doc: Document): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const selector of HOST_ELEMENTS) {
    const style = doc.defaultView!.getComputedStyle(doc.querySelector(selector)!);
    const props: Record<string, string> = {};
    for (let i = 0; i < style.length; i++) props[style[i]!] = style.getPropertyValue(style[i]!);
    out[selector] = props;
  }
  return out;
}

describe('isolation inside a hostile host page (Bootstrap + `* { all: unset }` and friends)', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('stays readable and can be completed and submitted with the keyboard', async () => {
    const { frame, doc } = await openHost('/embed/isolation');
    const survey = await readySurvey(doc);
    const root = survey.shadowRoot;
    const title = root.querySelector<HTMLElement>('[part~="title"]')!;
    const titleBox = title.getBoundingClientRect();
    expect(titleBox.width, 'title has width').to.be.greaterThan(50);
    expect(titleBox.height, 'title has height').to.be.greaterThan(10);
    const titleStyle = getComputedStyle(title);
    expect(titleStyle.display).to.not.equal('none');
    expect(titleStyle.visibility).to.equal('visible');
    const primary = root.querySelector<HTMLButtonElement>('[part~="button-primary"]')!;
    expect(getComputedStyle(primary).display, '`button { display: none }` does not reach the widget').to.not.equal('none');
    expect(primary.getBoundingClientRect().height).to.be.at.least(44);

    const submitted = new Promise<CustomEvent>((resolve) =>
      survey.addEventListener('ankieta-submit', (e) => resolve(e as CustomEvent), { once: true }),
    );
    frame.focus();
    root.querySelector<HTMLElement>('[part~="page-title"]')!.focus();
    await sendKeys({ press: 'Tab' }); // into the stars
    await sendKeys({ press: ' ' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Tab' }); // into the scale
    await sendKeys({ press: ' ' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Tab' }); // comments
    await sendKeys({ type: 'OK' });
    await sendKeys({ press: 'Tab' });
    expect(deepActive(doc) === primary, 'focus').to.equal(true);
    await sendKeys({ press: 'Enter' });
    const event = await submitted;
    expect(event.detail.response.answers).to.deep.equal({ overall: 3, workshop: 2, comments: 'OK' });
    await waitFor(() => root.querySelector('[part~="thank-you"]'), 'thanks');
  });

  it('keeps its own sizes on a page whose root font is 10 px (Bootstrap 3): 16 px text, 44 px targets, no overflow at 320 px', async () => {
    const { doc } = await openHost('/embed/small-root', { width: 320, height: 900 });
    const survey = await readySurvey(doc);
    const root = survey.shadowRoot;
    const fontSize = (el: Element) => parseFloat(getComputedStyle(el).fontSize);
    expect(fontSize(root.querySelector('[part~="page-title"]')!), 'page title').to.be.at.least(20);
    const controls = [...root.querySelectorAll<HTMLElement>('[data-question]')];
    expect(controls).to.have.length(4);
    for (const control of controls) {
      const inner = control.shadowRoot!;
      const question = control.dataset.question;
      expect(fontSize(inner.querySelector('legend, label')!), `${question}: question text`).to.be.at.least(16);
      for (const target of inner.querySelectorAll<HTMLElement>('label:has(input[type=radio]), input[type=text], textarea')) {
        const box = target.getBoundingClientRect();
        if (target.matches('label'))
          expect(Math.min(box.width, box.height), `${question}: target ${box.width}×${box.height}`).to.be.at.least(44);
        expect(box.right, `${question}: inside the page`).to.be.at.most(320);
      }
    }
    const primary = root.querySelector<HTMLElement>('[part~="button-primary"]')!.getBoundingClientRect();
    expect(primary.height, 'the Next/Send button').to.be.at.least(44);
    expect(doc.documentElement.scrollWidth, 'no sideways scrolling').to.be.at.most(320);
  });

  it('leaves every computed style of the host page untouched', async () => {
    const without = await openHost('/embed/isolation-none');
    const before = styleSnapshot(without.doc);
    without.frame.remove();
    const { doc } = await openHost('/embed/isolation');
    await readySurvey(doc);
    const after = styleSnapshot(doc);
    for (const selector of HOST_ELEMENTS) {
      const changed = Object.keys(before[selector]!).filter((p) => before[selector]![p] !== after[selector]![p]);
      // Layout-dependent values (the widget takes room on the page) are not styles it set.
      const styleChanges = changed.filter(
        (p) => !['height', 'width', 'block-size', 'inline-size', 'perspective-origin', 'transform-origin'].includes(p),
      );
      expect(
        styleChanges,
        `${selector}: ${styleChanges.map((p) => `${p}: ${before[selector]![p]} → ${after[selector]![p]}`).join('; ')}`,
      ).to.deep.equal([]);
    }
    expect(doc.querySelectorAll('style, link[rel=stylesheet]').length, 'no stylesheet added to the host document').to.equal(2);
    expect(doc.adoptedStyleSheets.length, 'no adopted stylesheet on the host document').to.equal(0);
  });
});
