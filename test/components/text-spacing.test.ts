// WCAG 2.1 SC 1.4.12 Text spacing: with line height 1.5, paragraph spacing 2em, letter
// spacing 0.12em and word spacing 0.16em forced onto every element (in every shadow root, as a
// text-spacing tool that reaches into them would), no text is cut off and nothing overflows
// the widget sideways, at a phone's 320 px and at 800 px.
import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import '../../src/elements.js';
import type { AnkietaSurvey } from '../../src/components/survey/survey.js';
import type { AnkietaResults } from '../../src/components/results/results.js';
import type { SurveyDefinition } from '../../src/schema/index.js';
import { conferenceEvaluation } from '../../src/templates/conference.js';
import { partnershipSelfAssessment } from '../../src/templates/partnership.js';
import { clearDevice, settled } from './survey-helpers.js';

const spacing = new CSSStyleSheet();
spacing.replaceSync(`
  *, *::before, *::after {
    line-height: 1.5 !important;
    letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important;
  }
  p { margin-block-end: 2em !important; }
`);

/** Every shadow root under `node`, nested ones included. */
function shadowRoots(node: Document | ShadowRoot): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  for (const element of node.querySelectorAll('*')) {
    if (element.shadowRoot) found.push(element.shadowRoot, ...shadowRoots(element.shadowRoot));
  }
  return found;
}

/** Applies the spacing everywhere (again after a render, for shadow roots made since). */
async function applySpacing(): Promise<void> {
  for (const root of [document, ...shadowRoots(document)]) {
    if (!root.adoptedStyleSheets.includes(spacing)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, spacing];
  }
  await nextFrame();
  await nextFrame();
}

/** Elements in shadow roots whose own box cuts off their content (screen-reader-only text aside). */
function clipped(host: Element): string[] {
  const problems: string[] = [];
  const roots = [host.shadowRoot!, ...shadowRoots(host.shadowRoot!)];
  for (const root of roots) {
    for (const element of root.querySelectorAll<HTMLElement>('*')) {
      const style = getComputedStyle(element);
      if (style.display === 'none') continue;
      // Screen-reader-only text: a 1 px box clipped on purpose.
      if (element.clientWidth <= 1 || element.clientHeight <= 1) continue;
      const hides = (overflow: string) => overflow === 'hidden' || overflow === 'clip';
      const cutX = hides(style.overflowX) && element.scrollWidth > element.clientWidth + 1;
      const cutY = hides(style.overflowY) && element.scrollHeight > element.clientHeight + 1;
      if (cutX || cutY) {
        const where = (root.host as HTMLElement).localName;
        problems.push(`${where} ${element.localName}.${element.className || '-'} "${element.textContent?.trim().slice(0, 40)}"`);
      }
    }
  }
  return problems;
}

/** Inside a box that scrolls sideways: reachable by scrolling, so not lost (WCAG 1.4.10 allows it for tables). */
function inScrollRegion(element: Element): boolean {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const overflow = getComputedStyle(node).overflowX;
    if (overflow === 'auto' || overflow === 'scroll') return node.getAttribute('role') === 'region' && node.tabIndex === 0;
  }
  return false;
}

/** What sticks out of the room the widget was given (empty when nothing does). */
function overflowsSideways(host: HTMLElement): string[] {
  const right = host.parentElement!.getBoundingClientRect().right + 1;
  const out: string[] = [];
  for (const root of [host.shadowRoot!, ...shadowRoots(host.shadowRoot!)]) {
    for (const element of root.querySelectorAll<HTMLElement>('*')) {
      const box = element.getBoundingClientRect();
      if (box.width > 1 && box.right > right && !inScrollRegion(element))
        out.push(`${element.localName}.${element.className || '-'} ${Math.round(box.right - right)} px`);
    }
  }
  return out;
}

/** The conference evaluation with every page's questions on one page, to see them all at once. */
function allOnOnePage(definition: SurveyDefinition): SurveyDefinition {
  return { ...definition, pages: [{ id: 'all', questions: definition.pages.flatMap((page) => page.questions) }] };
}

function removeSpacing(): void {
  for (const root of [document, ...shadowRoots(document)]) {
    root.adoptedStyleSheets = root.adoptedStyleSheets.filter((sheet) => sheet !== spacing);
  }
}

describe('text spacing (WCAG 1.4.12)', () => {
  beforeEach(clearDevice);
  afterEach(removeSpacing);

  for (const width of [320, 800]) {
    it(`cuts off no text of the conference evaluation, with and without errors, at ${width} px`, async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: ${width}px"></div>`);
      const el = document.createElement('ankieta-survey') as AnkietaSurvey;
      el.definition = allOnOnePage(conferenceEvaluation());
      wrapper.append(el);
      await settled(el);
      await applySpacing();
      const questions = el.shadowRoot!.querySelectorAll('[data-question]').length;
      expect(questions, 'the questions are on the page').to.be.greaterThan(10);
      expect(clipped(el), 'clipped text').to.deep.equal([]);
      expect(overflowsSideways(el), 'wider than its room').to.deep.equal([]);

      // Submit empty: the error summary and an error under every required question.
      (el.shadowRoot!.querySelector('[part~="button-primary"]') as HTMLButtonElement).click();
      await settled(el);
      await applySpacing();
      expect(el.shadowRoot!.querySelector('[part~="error-summary"], [role="alert"]'), 'errors shown').to.exist;
      expect(clipped(el), 'clipped text with errors').to.deep.equal([]);
      expect(overflowsSideways(el), 'wider than its room with errors').to.deep.equal([]);
    });

    it(`cuts off no text of the self-assessment results at ${width} px`, async () => {
      const definition = partnershipSelfAssessment({ crossSector: true });
      const answers = { sector: 'jst', a1: 5, a2: 4, a3: 4, a4: 3, a5: 4, a6: 4, b1: 2, b2: 1, b3: 2, b4: 3, b5: 2, b6: 3, b7: 2 };
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: ${width}px"></div>`);
      const el = document.createElement('ankieta-results') as AnkietaResults;
      el.definition = definition;
      el.response = {
        id: '0b5e5c3e-8a3b-4c1e-9d2a-3f4e5a6b7c8d',
        surveyId: definition.id,
        submittedAt: '2016-04-18T12:00:00.000Z',
        answers,
      };
      wrapper.append(el);
      await el.updateComplete;
      await applySpacing();
      expect(el.shadowRoot!.querySelector('svg[role="img"]'), 'the chart').to.exist;
      expect(clipped(el), 'clipped text').to.deep.equal([]);
      expect(overflowsSideways(el), 'wider than its room').to.deep.equal([]);
    });
  }
});
