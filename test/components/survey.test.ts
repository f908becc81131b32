import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements.js';
import type { AnkietaSurvey } from '../../src/components/survey/survey.js';
import type { AnkietaChoice } from '../../src/components/choice/choice.js';
import type { Response, SurveyDefinition } from '../../src/schema/index.js';
import { ratings, threePages } from './survey-fixtures.js';
import { clearDevice, settled } from './survey-helpers.js';
import { typeText } from '../support/keyboard.js';
import { rawRecords } from '../support/offline-fixtures.js';

const root = (el: AnkietaSurvey) => el.shadowRoot!;
const part = (el: AnkietaSurvey, name: string) => root(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const control = (el: AnkietaSurvey, id: string) => root(el).querySelector<HTMLElement & { value: unknown }>(`#q-${id}`)!;
const primary = (el: AnkietaSurvey) => part(el, 'button-primary') as HTMLButtonElement;
const backButton = (el: AnkietaSurvey) => root(el).querySelector<HTMLButtonElement>('button.secondary');

/** The focused element, looking through shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

const settle = (el: AnkietaSurvey) => settled(el);

async function mount(definition: unknown, attrs: { locale?: string } = {}) {
  const el = await fixture<AnkietaSurvey>(html`<ankieta-survey .definition=${definition} locale=${attrs.locale ?? 'pl'}></ankieta-survey>`);
  await settle(el);
  return el;
}

/** Answers a question the way a respondent does: clicking its inner inputs. */
async function clickOption(el: AnkietaSurvey, id: string, index: number) {
  const inputs = control(el, id).shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio], input[type=checkbox]');
  inputs[index]!.click();
  await settle(el);
}

describe('<ankieta-survey>', () => {
  beforeEach(clearDevice);

  it('follows a change of <html lang> when it has no locale of its own, its questions too', async () => {
    const html_ = document.documentElement;
    const before = html_.getAttribute('lang');
    html_.lang = 'pl';
    try {
      const el = await fixture<AnkietaSurvey>(html`<ankieta-survey .definition=${threePages}></ankieta-survey>`);
      await settle(el);
      expect(part(el, 'title')!.textContent).to.equal('Ankieta testowa');
      primary(el).click();
      await settle(el);
      const role = control(el, 'role') as unknown as AnkietaChoice;
      const shownError = () => role.shadowRoot!.querySelector('[part~="error"]')!.textContent!.trim();
      expect(shownError()).to.equal('Proszę odpowiedzieć na to pytanie.');

      // An app's language switch: only the document's lang changes.
      html_.lang = 'en';
      await settle(el);
      await role.updateComplete;
      expect(part(el, 'title')!.textContent).to.equal('Test survey');
      expect(primary(el).textContent!.trim()).to.equal('Next');
      expect(shownError()).to.equal('Please answer this question.');
      expect(role.validationMessage, 'the form sees the same language').to.equal('Please answer this question.');
    } finally {
      if (before === null) html_.removeAttribute('lang');
      else html_.lang = before;
    }
  });

  it('keeps the page, the answers and the focus when given an equal definition again (a framework re-render)', async () => {
    const definition: SurveyDefinition = {
      id: 'rerender',
      title: 'Ocena',
      pages: [
        { id: 'a', questions: [{ id: 'q', type: 'rating', title: 'Ocena' }] },
        { id: 'b', questions: [{ id: 'comments', type: 'text', title: 'Uwagi' }] },
      ],
    };
    const el = await mount(definition);
    primary(el).click();
    await settle(el);
    control(el, 'comments').shadowRoot!.querySelector('input')!.focus();
    await typeText('Dobra');
    let ready = 0;
    el.addEventListener('ankieta-ready', () => (ready += 1));
    // What React does when the definition is written inline in JSX: a new, equal object each render.
    el.definition = structuredClone(definition);
    await settle(el);
    await typeText(' organizacja');
    el.definition = JSON.parse(JSON.stringify(definition)) as SurveyDefinition;
    await settle(el);
    expect(ready, 'not loaded again').to.equal(0);
    expect(root(el).querySelector('#q-q'), 'still on the second page').to.equal(null);
    expect(control(el, 'comments').value).to.equal('Dobra organizacja');
    expect(deepActive()?.tagName).to.equal('INPUT');
    expect(part(el, 'notice'), 'no "restored" notice').to.equal(null);

    el.definition = { ...definition, title: 'Ocena spotkania' };
    await oneEvent(el, 'ankieta-ready');
    await settle(el);
    expect(part(el, 'title')!.textContent, 'a changed definition is loaded').to.equal('Ocena spotkania');

    // Changed in place, then handed over as a copy: equal to the object, not to what was loaded.
    (el.definition as SurveyDefinition).title = 'Ocena konferencji';
    el.definition = structuredClone(el.definition);
    await oneEvent(el, 'ankieta-ready');
    await settle(el);
    expect(part(el, 'title')!.textContent).to.equal('Ocena konferencji');
  });

  it('renders a definition given as a property, with the title, the first page and lang', async () => {
    const el = await mount(threePages);
    expect(part(el, 'title')!.textContent).to.equal('Ankieta testowa');
    expect(part(el, 'page-title')!.textContent!.trim()).to.equal('Pierwsza strona');
    expect(part(el, 'base')!.getAttribute('lang')).to.equal('pl');
    expect(control(el, 'role').localName).to.equal('ankieta-choice');
    expect(control(el, 'overall').localName).to.equal('ankieta-rating');
    expect(root(el).querySelector('#q-overall_why'), 'hidden by its condition').to.equal(null);
    expect(backButton(el)).to.equal(null);
    expect(primary(el).textContent!.trim()).to.equal('Dalej');
  });

  it('loads a definition from a src URL', async () => {
    const el = await fixture<AnkietaSurvey>(html`<ankieta-survey src="/demo/surveys/sample.json" locale="pl"></ankieta-survey>`);
    await oneEvent(el, 'ankieta-ready');
    await settle(el);
    expect(part(el, 'title')!.textContent).to.equal('Ocena spotkania informacyjnego');
  });

  it('reports a src that cannot be loaded, in the chosen language', async () => {
    const el = await fixture<AnkietaSurvey>(html`<ankieta-survey src="/no/such/survey.json" locale="en"></ankieta-survey>`);
    const event = await oneEvent(el, 'ankieta-error');
    await settle(el);
    expect(event.detail.kind).to.equal('definition');
    expect(event.detail.message).to.contain('404');
    expect(part(el, 'message')!.textContent).to.contain('could not be loaded');
  });

  it('takes an HTML page where the survey should be (a CMS answering a wrong address) as not loaded, not as invalid JSON', async () => {
    const el = await fixture<AnkietaSurvey>(html`<ankieta-survey src="/demo/index.html" locale="pl"></ankieta-survey>`);
    const event = await oneEvent(el, 'ankieta-error');
    await settle(el);
    expect(event.detail.message).to.equal(
      `Could not load ${location.origin}/demo/index.html: the server sent an HTML page, not the survey (is the address right?)`,
    );
    expect(event.detail.issues, 'no JSON paths for the visitor').to.equal(undefined);
    expect(part(el, 'message')!.querySelector('p')!.textContent!.trim()).to.equal(
      'Nie udało się wczytać ankiety. Prosimy odświeżyć stronę lub spróbować później.',
    );
  });

  it("takes definition = null (a framework's state before its data arrives) as none: the inline definition shows, no error", async () => {
    const errors: Event[] = [];
    const el =
      await fixture<AnkietaSurvey>(html`<ankieta-survey locale="pl" .definition=${null} @ankieta-error=${(e: Event) => errors.push(e)}
      ><script type="application/json">
        {"id":"inline-null","title":"Ankieta z treści","pages":[{"id":"p","questions":[{"id":"q","type":"nps","title":"NPS"}]}]}
      </script></ankieta-survey
    >`);
    await settle(el);
    expect(part(el, 'title')!.textContent).to.equal('Ankieta z\u00a0treści');
    el.definition = ratings(2);
    await settle(el);
    el.definition = null;
    await settle(el);
    expect(part(el, 'title')!.textContent, 'back to the inline one').to.equal('Ankieta z\u00a0treści');
    expect(errors.map((e) => JSON.stringify((e as CustomEvent).detail))).to.deep.equal([]);
  });

  it('reads an inline <script type="application/json"> child', async () => {
    const el = await fixture<AnkietaSurvey>(html`<ankieta-survey locale="pl"
      ><script type="application/json">
        {"id":"inline","title":"Z treści strony","pages":[{"id":"p","questions":[{"id":"q","type":"nps","title":"NPS"}]}]}
      </script></ankieta-survey
    >`);
    await settle(el);
    expect(part(el, 'title')!.textContent).to.equal('Z\u00a0treści strony');
    expect(control(el, 'q').localName).to.equal('ankieta-nps');
  });

  it("never ends a line with a one-letter Polish word, in the definition's texts or its own", async () => {
    const title = 'Ocena współpracy w ramach partnerstwa z udziałem gmin i powiatów, a także organizacji o zasięgu lokalnym u nas';
    const el = await mount({
      id: 'one-letter',
      title,
      pages: [{ id: 'p', questions: [{ id: 'q', type: 'text', title: `${title}.`, required: true }] }],
    });
    primary(el).click();
    await settle(el);
    const texts = [part(el, 'title')!, root(el).querySelector('#error-summary-list')!];
    expect(texts[1]!.textContent, "the summary's link, without the title's full stop before the colon").to.contain(
      'u\u00a0nas: proszę odpowiedzieć na to pytanie.',
    );
    /** The last word of every line but the last, in the element's text as laid out. */
    const lineEnds = (element: Element) => {
      const words: Array<{ word: string; top: number }> = [];
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of node.textContent!.matchAll(/[^\s]+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const rect = range.getBoundingClientRect();
          if (rect.height) words.push({ word: match[0], top: rect.top });
        }
      }
      return words.filter((w, i) => i + 1 < words.length && words[i + 1]!.top > w.top + 1).map((w) => w.word);
    };
    const stranded: string[] = [];
    let breaks = 0;
    for (let width = 200; width <= 420; width += 4) {
      el.style.width = `${width}px`;
      el.style.display = 'block';
      for (const text of texts) {
        const ends = lineEnds(text);
        breaks += ends.length;
        for (const word of ends) if (/^[aiouwz]$/i.test(word)) stranded.push(`${width}px: "${word}"`);
      }
    }
    expect(breaks, 'the texts wrap at these widths').to.be.greaterThan(100);
    expect(stranded).to.deep.equal([]);
  });

  it('shows an invalid definition as a message naming the JSON path and fires ankieta-error', async () => {
    const bad = {
      id: 'x',
      title: 'T',
      pages: [
        {
          id: 'p',
          questions: [
            { id: 'a', type: 'rating', title: 'A' },
            { id: 'b', type: 'ratng', title: 'B' },
          ],
        },
      ],
    };
    const errors: CustomEvent[] = [];
    const original = console.error;
    console.error = () => {};
    try {
      const el = document.createElement('ankieta-survey');
      el.addEventListener('ankieta-error', (e) => errors.push(e));
      // @ts-expect-error: the unknown type "ratng", on purpose (the type says so too; the element must, at run time)
      el.definition = bad;
      document.body.append(el);
      await settle(el);
      const message = part(el, 'message')!;
      expect(message.getAttribute('role')).to.equal('alert');
      expect(message.textContent).to.contain('pages[0].questions[1].type');
      expect(message.textContent).to.contain('unknown type "ratng"');
      expect(errors).to.have.length(1);
      expect(errors[0]!.detail.kind).to.equal('definition');
      expect(errors[0]!.detail.issues[0].path).to.equal('pages[0].questions[1].type');
      el.remove();
    } finally {
      console.error = original;
    }
  });

  it('explains the required marker once, at the top', async () => {
    const el = await mount(threePages);
    const legends = root(el).querySelectorAll('.required-legend');
    expect(legends).to.have.length(1);
    expect(legends[0]!.textContent).to.equal('Pola oznaczone gwiazdką (*) są wymagane.');
    const none = await mount(ratings(2));
    expect(root(none).querySelector('.required-legend')).to.equal(null);
  });

  for (const [count, text] of [
    [1, 'Zostało 1 pytanie'],
    [3, 'Zostały 3 pytania'],
    [5, 'Zostało 5 pytań'],
    [22, 'Zostały 22 pytania'],
    [12, 'Zostało 12 pytań'],
  ] as const) {
    it(`says "${text}" with ${count} questions left`, async () => {
      const el = await mount(ratings(count));
      expect(part(el, 'progress')!.textContent).to.contain(text);
    });
  }

  it('counts down questions left as they are answered, and says so in English too', async () => {
    const el = await mount(ratings(3));
    await clickOption(el, 'r0', 3);
    expect(part(el, 'progress')!.textContent).to.contain('Zostały 2 pytania');
    el.locale = 'en';
    await settle(el);
    expect(part(el, 'progress')!.textContent).to.contain('2 questions left');
    expect(part(el, 'progress')!.textContent).to.contain('Page 1 of 1');
  });

  it('keeps the page in step while typing: the count of questions left and a note shown once the text is answered', async () => {
    const el = await mount({
      id: 'typing',
      title: 'Pisanie',
      pages: [
        {
          id: 'p1',
          questions: [
            { id: 'idea', type: 'text', title: 'Pomysł' },
            { id: 'thanks', type: 'info', text: 'Dziękujemy za pomysł.', visibleIf: { question: 'idea', answered: true } },
            { id: 'r', type: 'rating', title: 'Ocena' },
          ],
        },
      ],
    });
    const progress = () => part(el, 'progress')!.textContent!;
    const note = () => root(el).querySelector('#q-thanks');
    expect(progress()).to.contain('Zostały 2 pytania');
    expect(note(), 'no note yet').to.equal(null);
    control(el, 'idea').shadowRoot!.querySelector('input')!.focus();
    await typeText('ab');
    await settle(el);
    expect(control(el, 'idea').value).to.equal('ab');
    expect(progress()).to.contain('Zostało 1 pytanie');
    expect(note(), 'the note').to.exist;
    await sendKeys({ press: 'Backspace' });
    await settle(el);
    expect(progress(), 'still answered').to.contain('Zostało 1 pytanie');
    await sendKeys({ press: 'Backspace' });
    await settle(el);
    expect(control(el, 'idea').value).to.equal('');
    expect(progress()).to.contain('Zostały 2 pytania');
    expect(note(), 'the note gone again').to.equal(null);
  });

  it('leaves the page where it is when the error summary it focuses is already in view (a site header may cover the top)', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div><ankieta-survey locale="pl" .definition=${threePages}></ankieta-survey><div style="height: 3000px"></div></div>`,
    );
    const el = wrapper.querySelector<AnkietaSurvey>('ankieta-survey')!;
    await settle(el);
    window.scrollTo(0, 0);
    primary(el).click();
    await settle(el);
    const summary = part(el, 'error-summary')!;
    expect(deepActive() === summary, 'focus').to.equal(true);
    const box = summary.getBoundingClientRect();
    expect(box.bottom, 'in view').to.be.at.most(innerHeight);
    expect(window.scrollY, 'not scrolled to the top edge, under a sticky site header').to.equal(0);
  });

  it("fits the host's outline at heading-level, given as an attribute or as a property holding text (React, Vue, Svelte)", async () => {
    // A framework sets headingLevel="3" as the string "3": "3" + 1 made page titles level 31, capped at 6.
    const levels = (el: AnkietaSurvey) =>
      ['title', 'page-title', 'error-summary-title'].map((name) => part(el, name)?.getAttribute('aria-level'));
    const byAttribute = await fixture<AnkietaSurvey>(
      html`<ankieta-survey .definition=${threePages} locale="pl" heading-level="3"></ankieta-survey>`,
    );
    const byText = await fixture<AnkietaSurvey>(
      html`<ankieta-survey .definition=${threePages} locale="pl" .headingLevel=${'3' as unknown as number}></ankieta-survey>`,
    );
    for (const el of [byAttribute, byText]) {
      await settle(el);
      primary(el).click();
      await settle(el);
      expect(levels(el)).to.deep.equal(['3', '4', '4']);
    }
  });

  it('blocks Next on a failed page: the error summary takes focus and links to each field', async () => {
    const el = await mount(threePages);
    primary(el).click();
    await settle(el);
    const summary = part(el, 'error-summary')!;
    expect(summary).to.exist;
    expect(deepActive() === summary, 'focus').to.equal(true);
    expect(summary.textContent).to.contain('2 pytania wymagają uwagi');
    const links = [...summary.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['#q-role', '#q-overall']);
    expect(links[0]!.textContent).to.contain('Rola: proszę odpowiedzieć na to pytanie.');
    expect((control(el, 'role') as unknown as { error: string }).error).to.equal('Proszę odpowiedzieć na to pytanie.');
    expect(part(el, 'page-title')!.textContent!.trim(), 'still on page 1').to.equal('Pierwsza strona');
    expect(summary.getAttribute('role'), 'a named group, so its name is read on focus').to.equal('group');
    const description = root(el).getElementById(summary.getAttribute('aria-describedby') ?? '');
    expect(description?.textContent?.replace(/\s+/g, ' ').trim(), 'and its problems, as its description').to.equal(
      'Rola: proszę odpowiedzieć na to pytanie. Ocena ogólna: proszę odpowiedzieć na to pytanie.',
    );
    // The summary is read on focus; live regions under each field would then repeat every
    // message without its question.
    for (const id of ['role', 'overall']) {
      const error = control(el, id).shadowRoot!.querySelector('[part~="error"]')!;
      expect(error.textContent!.trim()).to.equal('Proszę odpowiedzieć na to pytanie.');
      expect(control(el, id).shadowRoot!.querySelector('[aria-live]:not([aria-live="off"])'), id).to.equal(null);
    }
    // In English too the summary counts questions, and the message goes on in lower case after the colon.
    el.locale = 'en';
    await settle(el);
    expect(part(el, 'error-summary')!.textContent).to.contain('2 questions need your attention');
    expect(part(el, 'error-summary')!.querySelector('a')!.textContent).to.match(/^\S.*: please answer this question\.$/);
    el.locale = 'pl';
    await settle(el);

    links[1]!.click();
    await settle(el);
    const focused = deepActive();
    expect(
      focused?.closest('ankieta-rating') === control(el, 'overall') ||
        (focused?.getRootNode() as ShadowRoot).host === control(el, 'overall'),
      'focus in the rating',
    ).to.equal(true);
  });

  it('clears a field error as soon as the answer is corrected', async () => {
    const el = await mount(threePages);
    primary(el).click();
    await settle(el);
    await clickOption(el, 'role', 1);
    expect((control(el, 'role') as unknown as { error: string }).error).to.equal('');
    expect((control(el, 'overall') as unknown as { error: string }).error).to.not.equal('');
  });

  it('moves focus to the page heading on Next and Back, and fires ankieta-page', async () => {
    const el = await mount(threePages);
    await clickOption(el, 'role', 0);
    await clickOption(el, 'overall', 4);
    const pageEvent = oneEvent(el, 'ankieta-page');
    primary(el).click();
    expect((await pageEvent).detail).to.deep.equal({ index: 1, pageId: 'p2' });
    await settle(el);
    expect(part(el, 'page-title')!.textContent!.trim()).to.equal('Druga strona');
    expect(deepActive() === part(el, 'page-title'), 'focus').to.equal(true);
    backButton(el)!.click();
    await settle(el);
    expect(part(el, 'page-title')!.textContent!.trim()).to.equal('Pierwsza strona');
    expect(deepActive() === part(el, 'page-title'), 'focus').to.equal(true);
    expect(control(el, 'overall').value, 'answers kept on Back').to.equal(5);
  });

  it('shows a follow-up only while its condition holds and never submits it when hidden', async () => {
    const el = await mount(threePages);
    await clickOption(el, 'role', 0);
    await clickOption(el, 'overall', 1);
    const why = control(el, 'overall_why');
    expect(why).to.exist;
    const input = why.shadowRoot!.querySelector<HTMLInputElement>('input, textarea')!;
    input.value = 'Za długo';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await settle(el);
    await clickOption(el, 'overall', 4);
    expect(root(el).querySelector('#q-overall_why')).to.equal(null);

    primary(el).click();
    await settle(el);
    await clickOption(el, 'a1', 3);
    primary(el).click();
    await settle(el);
    (control(el, 'consent').shadowRoot!.querySelector('input[type=checkbox]') as HTMLInputElement).click();
    await settle(el);
    const submitted = oneEvent(el, 'ankieta-submit');
    primary(el).click();
    const response: Response = (await submitted).detail.response;
    expect(response.answers).to.deep.equal({ role: 'mayor', overall: 5, a1: 4, consent: true });
  });

  it('submits a response with a device-made UUID, timestamps, locale and scores, then thanks and focuses', async () => {
    const el = await mount(threePages, { locale: 'en' });
    await clickOption(el, 'role', 1);
    await clickOption(el, 'overall', 2);
    primary(el).click();
    await settle(el);
    await clickOption(el, 'a1', 4); // 5 on agree5
    await clickOption(el, 'a2', 2); // 3
    primary(el).click();
    await settle(el);
    expect(primary(el).textContent!.trim()).to.equal('Submit answers');
    (control(el, 'consent').shadowRoot!.querySelector('input[type=checkbox]') as HTMLInputElement).click();
    await settle(el);
    const submitted = oneEvent(el, 'ankieta-submit');
    primary(el).click();
    const event = await submitted;
    const response: Response = event.detail.response;
    expect(event.cancelable).to.equal(true);
    expect(response.id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(response.surveyId).to.equal('test-survey');
    expect(response.surveyVersion).to.equal(2);
    expect(response.locale).to.equal('en');
    expect(Date.parse(response.submittedAt)).to.be.at.least(Date.parse(response.startedAt));
    const hour = new Date(Math.floor(Date.now() / 36e5) * 36e5).toISOString();
    expect(response.submittedAt, 'to the hour: a time to the ms ties responses together').to.be.oneOf([
      hour,
      new Date(Date.parse(hour) - 36e5).toISOString(),
    ]);
    expect(response.startedAt).to.match(/T\d\d:00:00\.000Z$/);
    // (5-1)/4 = 1 and (3-1)/4 = 0.5 → mean 0.75 → 75, band "High" (index 2)
    expect(response.scores).to.deep.equal({ a: { score: 75, band: 2 } });
    expect(response).to.not.have.any.keys('ip', 'userAgent', 'hp');
    await settle(el);
    const thanks = part(el, 'thank-you')!;
    expect(thanks.textContent).to.contain('Thank you!');
    expect(deepActive() === thanks.querySelector('[tabindex="-1"]'), 'focus').to.equal(true);
  });

  it('validates on Submit too: the summary points at the unticked consent', async () => {
    const el = await mount(threePages);
    await clickOption(el, 'role', 0);
    await clickOption(el, 'overall', 4);
    primary(el).click();
    await settle(el);
    await clickOption(el, 'a1', 0);
    primary(el).click();
    await settle(el);
    primary(el).click();
    await settle(el);
    const links = [...part(el, 'error-summary')!.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['#q-consent']);
    expect(links[0]!.textContent).to.contain('Zgoda: aby wysłać odpowiedzi, proszę zaznaczyć zgodę');
  });

  it('switches language live, keeping answers', async () => {
    const el = await mount(threePages);
    await clickOption(el, 'overall', 3);
    el.locale = 'en';
    await settle(el);
    expect(part(el, 'title')!.textContent).to.equal('Test survey');
    expect(part(el, 'base')!.getAttribute('lang')).to.equal('en');
    expect(primary(el).textContent!.trim()).to.equal('Next');
    expect(control(el, 'overall').getAttribute('locale')).to.equal('en');
    expect(control(el, 'overall').value).to.equal(4);
  });

  it('marks texts given only in Polish with lang="pl" in an English survey, and the translated ones not (WCAG 3.1.2)', async () => {
    /** The language a screen reader uses for a node: its closest `lang`, across shadow roots. */
    const langOf = (node: Node): string | null => {
      for (let n: Node | null = node; n; n = n instanceof ShadowRoot ? n.host : n.parentNode) {
        if (n instanceof Element && n.hasAttribute('lang')) return n.getAttribute('lang');
      }
      return null;
    };
    /** The language of each text node whose text contains `text`, under `rootNode` and its shadow roots. */
    const langsOf = (rootNode: Node, text: string): (string | null)[] => {
      const found: (string | null)[] = [];
      const walk = (n: Node) => {
        if (n.nodeType === Node.TEXT_NODE && n.textContent!.includes(text)) found.push(langOf(n));
        if (n instanceof Element && n.shadowRoot) walk(n.shadowRoot);
        n.childNodes.forEach(walk);
      };
      walk(rootNode);
      return found;
    };
    const definition = {
      id: 'mixed',
      locale: 'pl',
      title: 'Ankieta tylko po polsku',
      description: { pl: 'Opis', en: 'Description' },
      pages: [
        {
          id: 'p1',
          title: { pl: 'Strona pierwsza' },
          questions: [
            { id: 'info', type: 'info', text: 'Informacja dla uczestników' },
            {
              id: 'who',
              type: 'choice',
              required: true,
              title: 'Reprezentowana instytucja',
              hint: 'Podpowiedź',
              options: [{ value: 'a', label: 'Gminę' }],
              other: true,
            },
            { id: 'org', type: 'scale', title: { pl: 'Organizacja', en: 'Organisation' }, scale: 'agree5' },
            {
              id: 'level',
              type: 'scale',
              title: 'Poziom',
              points: [
                { value: 1, label: 'Niski' },
                { value: 2, label: 'Wysoki' },
              ],
              notApplicable: 'Brak zdania',
            },
            { id: 'stars', type: 'rating', title: 'Gwiazdki', minLabel: 'Słabo', maxLabel: 'Świetnie' },
            { id: 'grid', type: 'matrix', title: 'Tabela', scale: 'quality5', rows: [{ id: 'r1', label: 'Wiersz pierwszy' }] },
            { id: 'rodo', type: 'consent', title: 'Zgoda', text: 'Treść klauzuli', label: 'Zgadzam się na to' },
            { id: 'notes', type: 'text', title: 'Uwagi', hint: 'Proszę pisać krótko' },
            { id: 'mail', type: 'text', format: 'email', title: { pl: 'Adres', en: 'Address' } },
          ],
        },
      ],
      thankYou: 'Dziękujemy bardzo',
    };
    const el = await mount(definition, { locale: 'en' });
    const base = part(el, 'base')!;
    /** Every place `text` shows is read in `lang`. */
    const expectShownIn = (text: string, lang: string) => {
      const langs = langsOf(base, text);
      expect(langs.length, text).to.be.greaterThan(0);
      expect(
        langs.every((l) => l === lang),
        `${text}: ${langs.join(', ')}`,
      ).to.equal(true);
    };
    for (const text of [
      'Ankieta tylko po polsku',
      'Strona pierwsza',
      'Informacja dla uczestników',
      'Reprezentowana instytucja',
      'Podpowiedź',
      'Gminę',
      'Poziom',
      'Niski',
      'Brak zdania',
      'Słabo',
      'Świetnie',
      'Wiersz pierwszy',
      'Treść klauzuli',
      'Zgadzam się na to',
      'Uwagi',
      'Proszę pisać krótko',
    ]) {
      expectShownIn(text, 'pl');
    }
    // Translated texts and the widget's own words stay English.
    for (const text of [
      'Description',
      'Organisation',
      'Strongly agree',
      'Other',
      'required',
      'Submit answers',
      'For example, name@example.com',
    ]) {
      expectShownIn(text, 'en');
    }
    // In Polish nothing is marked again: every text takes the survey's own lang.
    el.locale = 'pl';
    await settle(el);
    const marked: Element[] = [];
    const collect = (node: ParentNode) =>
      node.querySelectorAll('*').forEach((e) => {
        if (e.hasAttribute('lang')) marked.push(e);
        if (e.shadowRoot) collect(e.shadowRoot);
      });
    collect(root(el));
    expect(marked.map((e) => e.getAttribute('part') ?? e.localName)).to.deep.equal(['base']);
    el.locale = 'en';
    await settle(el);
    primary(el).click();
    await settle(el);
    const summary = part(el, 'error-summary')!;
    expect(langsOf(summary, 'Reprezentowana instytucja')).to.deep.equal(['pl']);
    expect(langsOf(summary, 'please answer')).to.deep.equal(['en']);
    await clickOption(el, 'who', 0);
    primary(el).click();
    await settle(el);
    expect(langsOf(base, 'Dziękujemy bardzo')).to.deep.equal(['pl']);
  });

  it('ignores a message of another shape on its channel between tabs: any script of the page can post one', async () => {
    const el = await mount(threePages);
    await clickOption(el, 'role', 0);
    const errors: string[] = [];
    const onError = (event: ErrorEvent) => {
      errors.push(event.message);
      event.preventDefault();
    };
    window.addEventListener('error', onError);
    const channel = new BroadcastChannel('ankieta-drafts');
    try {
      for (const message of [null, 5, {}, [], [null, 'x']]) channel.postMessage(message);
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      channel.close();
      window.removeEventListener('error', onError);
    }
    expect(errors).to.deep.equal([]);
    expect((control(el, 'role') as unknown as AnkietaChoice).value, 'the answer stays').to.not.equal(null);
  });

  it('sends once when Submit is pressed twice before the thank-you screen replaces it', async () => {
    const el = await mount(ratings(2));
    const submits: Event[] = [];
    el.addEventListener('ankieta-submit', (e) => submits.push(e));
    for (const id of ['r0', 'r1']) await clickOption(el, id, 2);
    const button = primary(el);
    button.click();
    button.click();
    await settle(el);
    expect(submits).to.have.length(1);
    expect(part(el, 'thank-you')).to.exist;
  });

  it('an error-summary link about an empty "Other" field lands in that field', async () => {
    for (const multiple of [true, false]) {
      const el = await mount({
        id: `inne-${multiple}`,
        title: 'Inne',
        pages: [
          {
            id: 'p',
            questions: [
              {
                id: 'topics',
                type: 'choice',
                multiple,
                other: true,
                required: true,
                title: 'Tematy',
                options: [
                  { value: 'funds', label: 'Fundusze' },
                  { value: 'roads', label: 'Drogi' },
                ],
              },
            ],
          },
        ],
      });
      await clickOption(el, 'topics', 2); // Inne
      primary(el).click();
      await settle(el);
      const link = part(el, 'error-summary')!.querySelector('a')!;
      expect(link.textContent).to.contain('Inne');
      link.click();
      await settle(el);
      expect(deepActive()?.id, `multiple: ${multiple}`).to.equal('other-text');
      el.remove();
    }
  });

  it('counts characters only where a limit can matter: a set maxLength or a long answer, not every one-line field', async () => {
    const el = await mount({
      id: 'licznik',
      title: 'Licznik',
      pages: [
        {
          id: 'p',
          questions: [
            { id: 'email', type: 'text', format: 'email', title: 'Adres e-mail' },
            { id: 'name', type: 'text', title: 'Nazwa gminy' },
            { id: 'code', type: 'text', title: 'Kod', maxLength: 6 },
            { id: 'comments', type: 'text', multiline: true, title: 'Uwagi' },
          ],
        },
      ],
    });
    const counter = (id: string) => control(el, id).shadowRoot!.querySelector('[part~="counter"]')?.textContent!.trim() ?? null;
    expect(counter('email')).to.equal(null);
    expect(counter('name')).to.equal(null);
    expect(counter('code')).to.equal('Pozostało 6 znaków.');
    expect(counter('comments')).to.equal('Pozostało 5000 znaków.');
    const email = control(el, 'email').shadowRoot!;
    const described = email.querySelector('input')!.getAttribute('aria-describedby')!.split(' ');
    expect(
      described.map((id) => email.getElementById(id)!.textContent!.trim()).filter(Boolean),
      'the label is not read twice',
    ).to.deep.equal(['Na przykład nazwa@domena.pl.']);
  });

  it('takes its language from the closest [lang] when no locale is set', async () => {
    const wrapper = await fixture(html`<div lang="en-GB"><ankieta-survey .definition=${threePages}></ankieta-survey></div>`);
    const el = wrapper.querySelector('ankieta-survey')!;
    await settle(el);
    expect(part(el, 'title')!.textContent).to.equal('Test survey');
  });

  it('fires ankieta-ready and ankieta-answer', async () => {
    const el = document.createElement('ankieta-survey');
    el.locale = 'pl';
    const ready = oneEvent(el, 'ankieta-ready');
    el.definition = threePages;
    document.body.append(el);
    expect((await ready).detail.surveyId).to.equal('test-survey');
    await settle(el);
    const answer = oneEvent(el, 'ankieta-answer');
    await clickOption(el, 'overall', 2);
    expect((await answer).detail).to.deep.equal({ questionId: 'overall', value: 3 });
    el.remove();
  });

  it('passes axe on the first page, with errors, and on the thank-you screen', async () => {
    const el = await mount(threePages);
    await expect(el).to.be.accessible();
    primary(el).click();
    await settle(el);
    await expect(el).to.be.accessible();
    const single = await mount(ratings(1));
    primary(single).click();
    await settle(single);
    await expect(single).to.be.accessible();
  });

  it('can be completed with the keyboard alone', async () => {
    const el = await mount(threePages);
    const submitted = oneEvent(el, 'ankieta-submit');
    part(el, 'page-title')!.focus();
    // Page 1: choose a role (Tab into the group, Space selects), rate 4 (arrows move within the stars).
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: ' ' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: ' ' });
    for (let i = 0; i < 3; i++) await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(control(el, 'overall').value).to.equal(4);
    expect(part(el, 'page-title')!.textContent!.trim(), 'arrow keys never advance the page').to.equal('Pierwsza strona');
    await sendKeys({ press: 'Tab' });
    expect(deepActive() === primary(el), 'focus').to.equal(true);
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(part(el, 'page-title')!.textContent!.trim()).to.equal('Druga strona');
    // Page 2: A1 agree (the fourth point), then straight to Next past the optional questions.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: ' ' });
    for (let i = 0; i < 3; i++) await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(control(el, 'a1').value).to.equal(4);
    primary(el).focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    // Page 3: type a comment, tick the consent, submit.
    await sendKeys({ press: 'Tab' });
    await typeText('Dobra organizacja');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: ' ' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(deepActive() === primary(el), 'focus').to.equal(true);
    await sendKeys({ press: 'Enter' });
    const response: Response = (await submitted).detail.response;
    expect(response.answers).to.deep.equal({ role: 'mayor', overall: 4, a1: 4, comments: 'Dobra organizacja', consent: true });
  });

  it('renders XSS payloads from every text field of a definition as inert text', async () => {
    const payload = '<img src=x onerror="window.__ankietaXss=1"><script>window.__ankietaXss=1</script>';
    const hostile: SurveyDefinition = {
      id: 'xss',
      title: { pl: payload, en: payload },
      description: payload,
      thankYou: payload,
      pages: [
        {
          id: 'p',
          title: payload,
          description: payload,
          questions: [
            { id: 'i', type: 'info', title: payload, text: payload },
            { id: 'r', type: 'rating', title: payload, hint: payload, minLabel: payload, maxLabel: payload },
            {
              id: 's',
              type: 'scale',
              title: payload,
              points: [
                { value: 1, label: payload },
                { value: 2, label: payload },
              ],
              notApplicable: payload,
            },
            { id: 'n', type: 'nps', title: payload, minLabel: payload, maxLabel: payload },
            { id: 'c', type: 'choice', title: payload, options: [{ value: 'a', label: payload }], other: payload },
            { id: 'd', type: 'choice', title: payload, display: 'dropdown', options: [{ value: 'a', label: payload }] },
            { id: 't', type: 'text', title: payload, placeholder: payload },
            { id: 'm', type: 'matrix', title: payload, rows: [{ id: 'r1', label: payload }], scale: 'agree5' },
            { id: 'k', type: 'consent', title: payload, text: payload, label: payload, required: true },
          ],
        },
      ],
    };
    const el = await mount(hostile);
    primary(el).click(); // error summary repeats the titles
    await settle(el);
    const all = [el.shadowRoot!, ...[...el.shadowRoot!.querySelectorAll('*')].map((n) => n.shadowRoot).filter(Boolean)] as ShadowRoot[];
    for (const shadow of all) {
      expect(shadow.querySelector('img[src="x"]'), 'no injected <img>').to.equal(null);
      expect(shadow.querySelector('script'), 'no injected <script>').to.equal(null);
    }
    expect(part(el, 'title')!.textContent).to.equal(payload);
    await new Promise((r) => setTimeout(r, 50));
    expect((window as unknown as { __ankietaXss?: number }).__ankietaXss).to.equal(undefined);
  });

  it("shows a scored survey's results after sending and says to download or print them, except on a kiosk", async () => {
    const scored: SurveyDefinition = {
      id: 'scored',
      title: 'Samoocena',
      pages: [{ id: 'p', questions: [{ id: 'q', type: 'scale', scale: 'agree5', title: 'Mamy wspólną strategię' }] }],
      scoring: {
        dimensions: [
          {
            id: 'd',
            title: 'Strategia',
            questions: ['q'],
            bands: [
              { min: 0, max: 49, label: 'Niski' },
              { min: 50, max: 100, label: 'Wysoki' },
            ],
          },
        ],
      },
    };
    for (const kiosk of [false, true]) {
      const el = await fixture<AnkietaSurvey>(html`<ankieta-survey ?kiosk=${kiosk} locale="pl" .definition=${scored}></ankieta-survey>`);
      await settle(el);
      await clickOption(el, 'q', 3);
      primary(el).click();
      await settle(el);
      const results = part(el, 'thank-you')!.querySelector('ankieta-results')!;
      await (results as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      expect(results.shadowRoot!.textContent).to.include('75 na 100');
      const keep = part(el, 'thank-you')!.querySelector('.keep');
      if (kiosk) expect(keep, 'nothing to take away on a shared kiosk').to.equal(null);
      else
        expect(keep!.textContent).to.equal(
          'Aby zachować wyniki, prosimy je pobrać lub wydrukować: po zamknięciu strony nie będzie ich tutaj.',
        );
      el.remove();
      await clearDevice();
    }
  });

  it('shows each question its own answer after Back and Next, never one given to another question', async () => {
    const twoPages: SurveyDefinition = {
      id: 'dwie-strony',
      title: 'Dwie strony',
      pages: [
        { id: 'p1', title: 'Pierwsza', questions: [{ id: 'q1', type: 'rating', title: 'Pierwsze pytanie' }] },
        { id: 'p2', title: 'Druga', questions: [{ id: 'q2', type: 'rating', title: 'Drugie pytanie' }] },
      ],
    };
    const el = await mount(twoPages);
    const shown = (id: string) =>
      [...control(el, id).shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')].findIndex((r) => r.checked) + 1;
    await clickOption(el, 'q1', 3);
    primary(el).click();
    await settle(el);
    await clickOption(el, 'q2', 3);
    backButton(el)!.click();
    await settle(el);
    await clickOption(el, 'q1', 4);
    primary(el).click();
    await settle(el);
    expect(part(el, 'page-title')!.textContent!.trim()).to.equal('Druga');
    expect(shown('q2'), 'the second question shows its own 4 stars, not the 5 given to the first').to.equal(4);
    const submitted = oneEvent(el, 'ankieta-submit');
    primary(el).click();
    expect((await submitted).detail.response.answers).to.deep.equal({ q1: 5, q2: 4 });
  });

  describe('kiosk', () => {
    const oneQuestion: SurveyDefinition = {
      id: 'kiosk',
      title: 'Kiosk',
      pages: [{ id: 'p', questions: [{ id: 'q', type: 'rating', required: true, title: 'Ocena' }] }],
    };
    const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
    /** A kiosk survey just sent, its thank-you screen set to stay `thanks` seconds. */
    async function sentAtKiosk(thanks = 1) {
      const el = await fixture<AnkietaSurvey>(
        html`<ankieta-survey kiosk kiosk-thanks=${thanks} locale="pl" .definition=${oneQuestion}></ankieta-survey>`,
      );
      await settle(el);
      await clickOption(el, 'q', 4);
      primary(el).click();
      await settle(el);
      return el;
    }

    it('shows thanks, then a fresh form for the next person', async () => {
      const el = await sentAtKiosk();
      expect(part(el, 'thank-you')).to.exist;
      await wait(1300);
      await settle(el);
      expect(part(el, 'thank-you')).to.equal(null);
      expect(control(el, 'q').value, 'answers cleared').to.equal(null);
      expect(part(el, 'status')!.textContent).to.equal('Ankieta jest gotowa dla kolejnej osoby.');
      expect(deepActive() === part(el, 'title'), 'focus').to.equal(true);
    });

    it('counts scrolling with the mouse wheel as activity: someone reading at 400 % zoom is not idle', async () => {
      const el = await fixture<AnkietaSurvey>(
        html`<ankieta-survey kiosk kiosk-idle="2" locale="pl" .definition=${oneQuestion}></ankieta-survey>`,
      );
      await settle(el);
      await clickOption(el, 'q', 2);
      for (let i = 0; i < 6; i++) {
        await wait(400);
        control(el, 'q').dispatchEvent(new WheelEvent('wheel', { bubbles: true, composed: true, deltaY: 40 }));
      }
      await settle(el);
      expect(part(el, 'kiosk-warning'), 'no warning while scrolling').to.equal(null);
      expect(control(el, 'q').value, 'the answer stays').to.equal(3);
    });

    it("gives the next person a blank form without the previous person's errors", async () => {
      const el = await fixture<AnkietaSurvey>(
        html`<ankieta-survey kiosk kiosk-idle="2" locale="pl" .definition=${oneQuestion}></ankieta-survey>`,
      );
      await settle(el);
      control(el, 'q').focus();
      await clickOption(el, 'q', 2);
      part(el, 'title')!.focus(); // Tab on, then walk away
      await wait(2300);
      await settle(el);
      expect(control(el, 'q').value, 'cleared').to.equal(null);
      const stars = control(el, 'q').shadowRoot!;
      expect(stars.querySelector('[part~="error"]')!.textContent).to.equal('');
      expect([...stars.querySelectorAll('input')].map((i) => i.getAttribute('aria-invalid'))).to.deep.equal(Array(5).fill('false'));
    });

    for (const id of ['remarks', 'why'])
      it(`walked away with the cursor in a text field ("${id}"): none of that text is stored for, shown to or sent by the next person`, async () => {
        await clearDevice();
        const withText: SurveyDefinition = {
          id: 'kiosk-text',
          title: 'Kiosk',
          pages: [
            {
              id: 'p',
              questions: [
                { id: 'q', type: 'rating', required: true, title: 'Ocena' },
                { id: 'why', type: 'text', multiline: true, title: 'Dlaczego?', visibleIf: { question: 'q', lte: 2 } },
                { id: 'remarks', type: 'text', title: 'Uwagi' },
              ],
            },
          ],
        };
        const el = await fixture<AnkietaSurvey>(
          html`<ankieta-survey kiosk kiosk-idle="2" locale="pl" .definition=${withText}></ankieta-survey>`,
        );
        await settle(el);
        const field = (name: string) => control(el, name).shadowRoot!.querySelector<HTMLInputElement>('input, textarea')!;
        await clickOption(el, 'q', 0); // one star: "Dlaczego?" shows
        field(id).focus();
        await typeText('Anna Nowak, sołtys');
        await wait(2600); // idle 2 s, its warning the last second
        await settle(el);
        await wait(300);
        const answers = [...(await rawRecords('ankieta')).entries()].filter(([key]) => key.startsWith('answer:'));
        expect(answers, 'nothing of it on the device').to.deep.equal([]);
        await clickOption(el, 'q', 1); // two stars: "Dlaczego?" shows again
        expect([field('why').value, field('remarks').value], 'the fields the next person sees').to.deep.equal(['', '']);
        const submitted = oneEvent(el, 'ankieta-submit');
        primary(el).click();
        expect((await submitted).detail.response.answers).to.deep.equal({ q: 2 });
      });

    it('sent with the cursor still in a text field (a screen reader activating the button): the thank-you screen goes after kiosk-thanks as usual', async () => {
      const withText: SurveyDefinition = {
        id: 'kiosk-sent-from-text',
        title: 'Kiosk',
        pages: [{ id: 'p', questions: [{ id: 'remarks', type: 'text', multiline: true, title: 'Uwagi' }] }],
      };
      const el = await fixture<AnkietaSurvey>(
        html`<ankieta-survey kiosk kiosk-idle="30" kiosk-thanks="1" locale="pl" .definition=${withText}></ankieta-survey>`,
      );
      await settle(el);
      control(el, 'remarks').shadowRoot!.querySelector('textarea')!.focus();
      await typeText('Dziękuję');
      primary(el).click(); // activated without moving focus to it
      await settle(el);
      expect(part(el, 'thank-you')).to.exist;
      await wait(1300);
      await settle(el);
      expect(!!part(el, 'thank-you'), 'a fresh form, not a thank-you screen waiting for the idle time').to.equal(false);
    });

    it('keeps a thank-you screen with results like a form in use: the idle warning, Continue, then cleared', async () => {
      const scored: SurveyDefinition = {
        id: 'kiosk-scored',
        title: 'Samoocena',
        pages: [{ id: 'p', questions: [{ id: 'q', type: 'scale', scale: 'agree5', title: 'Mamy wspólną strategię' }] }],
        scoring: {
          dimensions: [{ id: 'd', title: 'Strategia', questions: ['q'], bands: [{ min: 0, max: 100, label: 'Poziom' }] }],
        },
      };
      const el = await fixture<AnkietaSurvey>(
        html`<ankieta-survey kiosk kiosk-idle="2" kiosk-thanks="1" locale="pl" .definition=${scored}></ankieta-survey>`,
      );
      await settle(el);
      await clickOption(el, 'q', 3);
      primary(el).click();
      await settle(el);
      await wait(1300); // past kiosk-thanks, when a plain thank-you screen is cleared
      await settle(el);
      expect(part(el, 'thank-you'), 'the results stay').to.exist;
      const warning = part(el, 'kiosk-warning')!;
      expect(warning.querySelector('[role=alert]')!.textContent).to.equal(
        'Brak aktywności. Za 1 sekundę ekran zostanie wyczyszczony dla kolejnej osoby. Aby tego uniknąć, prosimy wybrać „Kontynuuj”.',
      );
      warning.querySelector('button')!.click();
      await settle(el);
      expect(part(el, 'kiosk-warning')).to.equal(null);
      expect(deepActive(), 'focus on the thank-you heading, not <body>').to.equal(part(el, 'thank-you')!.querySelector('[tabindex="-1"]'));
      await wait(2300);
      await settle(el);
      expect(part(el, 'thank-you'), 'left alone: cleared for the next person').to.equal(null);
      expect(control(el, 'q').value).to.equal(null);
    });

    it('warns with a countdown before clearing an abandoned form, and Continue keeps the answers', async () => {
      const el = await fixture<AnkietaSurvey>(
        html`<ankieta-survey kiosk kiosk-idle="2" locale="pl" .definition=${oneQuestion}></ankieta-survey>`,
      );
      await settle(el);
      await clickOption(el, 'q', 2);
      expect(part(el, 'kiosk-warning')).to.equal(null);
      await wait(1200);
      await settle(el);
      const warning = part(el, 'kiosk-warning')!;
      expect(warning).to.exist;
      expect(warning.querySelector('[role=alert]')!.textContent).to.equal(
        'Brak aktywności. Za 1 sekundę ekran zostanie wyczyszczony dla kolejnej osoby. Aby tego uniknąć, prosimy wybrać „Kontynuuj”.',
      );
      warning.querySelector('button')!.click();
      await settle(el);
      expect(part(el, 'kiosk-warning')).to.equal(null);
      expect(control(el, 'q').value).to.equal(3);
      // Left alone this time: warned, then cleared.
      await wait(2300);
      await settle(el);
      expect(control(el, 'q').value).to.equal(null);
      expect(part(el, 'kiosk-warning')).to.equal(null);
    });

    it('shows the warning at the top of the view to someone scrolled down, and leaves focus where it is', async () => {
      const long: SurveyDefinition = {
        ...oneQuestion,
        pages: [
          {
            id: 'p',
            questions: [
              { id: 'q', type: 'rating', title: 'Ocena' },
              ...Array.from({ length: 12 }, (_, i) => ({ id: `t${i}`, type: 'text' as const, multiline: true, title: `Uwagi ${i + 1}` })),
            ],
          },
        ],
      };
      const el = await fixture<AnkietaSurvey>(html`<ankieta-survey kiosk kiosk-idle="2" locale="pl" .definition=${long}></ankieta-survey>`);
      await settle(el);
      const last = control(el, 't11');
      last.shadowRoot!.querySelector('textarea')!.focus();
      await typeText('abc');
      last.scrollIntoView({ block: 'end' });
      expect(el.getBoundingClientRect().top, 'the survey top is out of view').to.be.below(0);
      await wait(1300);
      await settle(el);
      const warning = part(el, 'kiosk-warning')!;
      expect(warning, 'still warning: nothing dismissed it').to.exist;
      const box = warning.getBoundingClientRect();
      expect(box.top).to.be.at.least(0);
      expect(box.bottom).to.be.at.most(window.innerHeight);
      expect(deepActive(), 'focus stays in the field').to.equal(last.shadowRoot!.querySelector('textarea'));
    });

    it('keeps the thank-you screen while someone is still using it, then a fresh form', async () => {
      const el = await sentAtKiosk();
      for (let i = 0; i < 3; i++) {
        await wait(600);
        part(el, 'thank-you')!.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
      }
      expect(part(el, 'thank-you'), 'still there after 1.8 s of use').to.exist;
      await wait(1300);
      await settle(el);
      expect(part(el, 'thank-you'), 'gone 1 s after the last touch').to.equal(null);
    });

    it('has a button that clears the thank-you screen at once for the next person', async () => {
      const el = await sentAtKiosk(60);
      const finish = [...part(el, 'thank-you')!.querySelectorAll('button')].find(
        (b) => b.textContent!.trim() === 'Zakończ i\u00a0wyczyść ekran',
      )!;
      finish.click();
      await settle(el);
      expect(part(el, 'thank-you')).to.equal(null);
      expect(control(el, 'q').value).to.equal(null);
      expect(part(el, 'status')!.textContent).to.equal('Ankieta jest gotowa dla kolejnej osoby.');
    });

    for (const key of ['Enter', ' ']) {
      it(`moves focus to the page title when Continue is pressed with ${key === ' ' ? 'Space' : key}`, async () => {
        const el = await fixture<AnkietaSurvey>(
          html`<ankieta-survey kiosk kiosk-idle="2" locale="pl" .definition=${oneQuestion}></ankieta-survey>`,
        );
        await settle(el);
        await clickOption(el, 'q', 2);
        await wait(1200);
        await settle(el);
        part(el, 'kiosk-warning')!.querySelector('button')!.focus();
        await sendKeys({ press: key });
        await settle(el);
        expect(part(el, 'kiosk-warning')).to.equal(null);
        expect(control(el, 'q').value, 'the answers stay').to.equal(3);
        expect(deepActive() === part(el, 'page-title'), 'focus on the page title, not <body>').to.equal(true);
      });
    }

    it('leaves an untouched form alone', async () => {
      const el = await fixture<AnkietaSurvey>(
        html`<ankieta-survey kiosk kiosk-idle="2" locale="pl" .definition=${oneQuestion}></ankieta-survey>`,
      );
      await settle(el);
      await wait(1300);
      await settle(el);
      expect(part(el, 'kiosk-warning')).to.equal(null);
    });
  });
});
