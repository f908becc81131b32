// WCAG 1.4.4 (text at 200 %) and 1.4.10 (reflow at 320 CSS px): a phone user with the largest
// text (root font 200 %, 32 px) reads every word whole. The nested paddings of the launcher's
// dialog, the survey and a matrix row all grew with the font and left matrix headings and scale
// labels so little width that words were cut inside ("Prz|eci|ętni|e"). Every page of the
// conference evaluation and of the partnership self-assessment, in Polish and English, in
// `<ankieta-survey>` alone and in an open popup, at 320 × 640 and 360 × 740: a host page with the
// real dist/ankieta.js in an iframe of that size (WebKitGTK's window cannot be made narrower
// than 447 px, so the test page's own viewport cannot be a phone's there).
//
// Allowed, and logged: a word wider on one line than every line the survey has (its content
// box: at 320 px, 320 − 16 of the page's margins − 2 of border − 2 × 8 of inset = 286 px). Those
// are in bold question titles and labels at 32 px, e.g. "reprezentowana" (294 px in semibold
// DejaVu Sans, system-ui here) or "i odpowiedzialność" (342 px: Polish text joins a one-letter
// word to the next with a no-break space). Only smaller text or hyphenation could keep them
// whole, and Polish hyphenation is not reliable across browsers. So that this allowance cannot
// grow by wider frames, the frames may take at most 40 px of the screen's width.
import { expect } from '@open-wc/testing';
import type { SurveyDefinition, Page, Question } from '../../src/schema/index.js';
import { conferenceEvaluation, type Session } from '../../src/templates/conference.js';
import { partnershipSelfAssessment } from '../../src/templates/partnership.js';
import { shadowRoots } from '../support/text-spacing.js';
import { clearDevice } from '../components/survey-helpers.js';
import { openHost, waitFor } from './embed-helpers.js';

const sessions: Session[] = [
  { id: 'keynote', title: { pl: 'Partnerstwa w polityce rozwoju', en: 'Partnerships in development policy' }, speakers: ['Anna Nowak'] },
  { title: 'Zarządzanie strategiczne w partnerstwie', speakers: ['Jan Kowalski', 'Ewa Wiśniewska'] },
  { type: 'workshop', title: 'Narzędzia współpracy' },
];

const templates: [string, SurveyDefinition][] = [
  [
    'conference evaluation',
    conferenceEvaluation({ event: 'Współpraca w partnerstwach samorządowych', date: '2016-04-18', place: 'Opole', sessions }),
  ],
  ['partnership self-assessment', partnershipSelfAssessment({ crossSector: true })],
];

/** Without its condition, so the follow-ups a low score opens are measured too. */
const shown = <T extends Page | Question>(item: T): T => {
  const { visibleIf: _, ...rest } = item as T & { visibleIf?: unknown };
  return rest as T;
};

/** Each page of a template as a survey of its own, every question shown. */
const eachPage = ({ scoring: _, ...definition }: SurveyDefinition): SurveyDefinition[] =>
  definition.pages.map((page) => ({ ...definition, pages: [{ ...shown(page), questions: page.questions.map(shown) }] }));

/** Whether an element's text is on screen: not visually hidden, not in a box of no size, not hidden. */
function seen(element: Element): boolean {
  if (element.closest('.visually-hidden, .stop')) return false;
  const box = element.getBoundingClientRect();
  if (box.width <= 1 || box.height <= 1) return false;
  return element.ownerDocument.defaultView!.getComputedStyle(element).visibility === 'visible';
}

/**
 * The words of visible text broken across lines, as "host: word (N lines)": a Range over each
 * word of each text node, its line boxes told apart by their tops (empty boxes left out). A break
 * after a hyphen ("Non-|governmental") is a break between words; a no-break space joins two
 * ("w\u00a0partnerstwie"). A word wider on one line than `room` (the survey's content box, the
 * widest line anything in it gets) cannot be kept whole: it goes to `tooLong`, logged, not failed.
 */
function brokenWords(roots: ShadowRoot[], room: number): { broken: string[]; tooLong: string[] } {
  const broken: string[] = [];
  const tooLong: string[] = [];
  for (const root of roots) {
    const doc = root.ownerDocument;
    const probe = doc.createElement('span');
    probe.style.cssText = 'position: absolute; white-space: nowrap; visibility: hidden';
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
    for (const node of nodes) {
      const parent = node.parentElement;
      // The required asterisk is bound to the label's last word by a no-break space in its own
      // span: where word and asterisk do not fit one line, the asterisk goes to the next and the
      // word stays whole; measured alone, the span looks like a broken word.
      if (!parent || ['STYLE', 'SCRIPT'].includes(parent.tagName) || !seen(parent) || parent.matches('.required')) continue;
      for (const match of node.data.matchAll(/(?:[^\s\-‐–—]|[\u00a0\u202f])+[\-‐–—]*|[\-‐–—]+/g)) {
        const range = doc.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops: number[] = [];
        for (const rect of range.getClientRects()) {
          if (rect.width < 0.5 || rect.height < 0.5) continue;
          if (!tops.some((top) => Math.abs(top - rect.top) < 2)) tops.push(rect.top);
        }
        if (tops.length < 2) continue;
        probe.textContent = match[0];
        parent.append(probe);
        const width = probe.getBoundingClientRect().width;
        probe.remove();
        const word = `${root.host.localName} ${parent.localName}.${parent.className || '-'}: "${match[0]}" (${tops.length} lines, ${Math.round(width)} px)`;
        (width > room - 1 ? tooLong : broken).push(word);
      }
    }
  }
  return { broken, tooLong };
}

/** Long enough for the matrix's ResizeObserver (it sets `.fits`) and a layout after it. */
async function laidOut(win: Window): Promise<void> {
  const frame = () => new Promise((r) => win.requestAnimationFrame(r));
  await frame();
  await frame();
  await new Promise((r) => setTimeout(r, 50));
  await frame();
}

type Survey = HTMLElement & { definition: unknown; shadowRoot: ShadowRoot };
type Launcher = HTMLElement & { open: boolean; close(): void; shadowRoot: ShadowRoot };

describe('text at 200 % on a phone (WCAG 1.4.4, 1.4.10): no word is cut inside', () => {
  beforeEach(clearDevice);
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  for (const [width, height] of [
    [320, 640],
    [360, 740],
  ] as const) {
    for (const [name, definition] of templates) {
      for (const where of ['alone', 'in a popup'] as const) {
        it(`${name}, every page, ${where}, at ${width} × ${height}`, async () => {
          const { doc, win: host } = await openHost('/embed/phone', { width, height });
          const win = host as unknown as Window & typeof globalThis;
          await waitFor(() => win.customElements.get('ankieta-launcher'), 'the elements');
          doc.documentElement.style.fontSize = '200%';
          // A phone's scrollbars take no width (headless Chromium's neither); Firefox's took 14 px.
          doc.documentElement.style.scrollbarWidth = 'none';
          const overlayScrollbars = new win.CSSStyleSheet();
          overlayScrollbars.replaceSync('dialog { scrollbar-width: none }');
          expect(`${win.innerWidth} × ${win.innerHeight}`, 'the viewport').to.equal(`${width} × ${height}`);
          const problems: string[] = [];
          const wider: string[] = [];
          for (const locale of ['pl', 'en']) {
            for (const [index, page] of eachPage(definition).entries()) {
              const survey = doc.createElement('ankieta-survey') as Survey;
              survey.setAttribute('locale', locale);
              survey.definition = win.JSON.parse(JSON.stringify(page));
              let launcher: Launcher | undefined;
              if (where === 'alone') doc.body.append(survey);
              else {
                launcher = doc.createElement('ankieta-launcher') as Launcher;
                launcher.setAttribute('mode', 'popup');
                launcher.setAttribute('locale', locale);
                launcher.setAttribute('storage-key', `large-text-${Math.random()}`);
                launcher.append(survey);
                doc.body.append(launcher);
              }
              await waitFor(() => survey.shadowRoot?.querySelector('[part~="page-title"]'), 'the survey');
              if (launcher) {
                await waitFor(() => launcher!.open, 'the popup to open');
                launcher.shadowRoot.adoptedStyleSheets = [...launcher.shadowRoot.adoptedStyleSheets, overlayScrollbars];
              }
              await laidOut(win);
              const at = `${locale} page ${index + 1}`;
              const roots = [...(launcher ? [launcher.shadowRoot] : []), survey.shadowRoot, ...shadowRoots(survey.shadowRoot)];
              const form = survey.shadowRoot.querySelector('.survey')!;
              const style = win.getComputedStyle(form);
              const room = form.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
              // The frames round the questions (the page's 8 px margins, the dialog's, the survey's)
              // take at most 40 px of the screen, so only words nearly as wide as it count as too long.
              const least = width - 40;
              if (room < least) problems.push(`${at}: the questions get ${room} px of ${width} (less than ${least})`);
              const { broken, tooLong } = brokenWords(roots, room);
              for (const word of broken) problems.push(`${at}: ${word}`);
              for (const word of tooLong) wider.push(`${width} ${where} ${name} ${at}: ${word} > ${Math.round(room)} px`);
              if (form.scrollWidth > form.clientWidth + 1)
                problems.push(`${at}: the survey scrolls sideways (${form.scrollWidth} > ${form.clientWidth})`);
              const dialog = launcher?.shadowRoot.querySelector('dialog');
              if (dialog && dialog.scrollWidth > dialog.clientWidth + 1)
                problems.push(`${at}: the dialog scrolls sideways (${dialog.scrollWidth} > ${dialog.clientWidth})`);
              if (doc.documentElement.scrollWidth > width)
                problems.push(`${at}: the page scrolls sideways (${doc.documentElement.scrollWidth})`);
              launcher?.close();
              (launcher ?? survey).remove();
            }
          }
          if (wider.length) console.log(`Words wider than any line the survey has:\n${wider.join('\n')}`);
          expect(problems).to.deep.equal([]);
        });
      }
    }
  }
});
