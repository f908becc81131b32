// The parts of a native field's API that a developer composing the question elements in a page
// or a framework reaches for: names given by the page, setCustomValidity() (inside
// <ankieta-survey> too), labels, a reset default that follows the attribute, and the launcher's
// `open` bound by a framework.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements.js';
import type { AnkietaLauncher } from '../../src/components/launcher/launcher.js';
import type { AnkietaSurvey } from '../../src/components/survey/survey.js';
import type { SurveyDefinition } from '../../src/schema/index.js';
import type { FormControl } from '../../src/components/shared/form-control.js';
import { threePages } from './survey-fixtures.js';
import { clearDevice, settled } from './survey-helpers.js';
import { typeText } from '../support/keyboard.js';

type Question = FormControl & { value: unknown; checked?: boolean; options?: unknown; rows?: unknown };

const OPTIONS = [
  { value: 'mayor', label: 'Wójt' },
  { value: 'staff', label: 'Pracownik urzędu' },
];
const ROWS = [{ id: 'venue', label: 'Sala' }];
/** Every question element, without a `label`. */
const TAGS = ['ankieta-rating', 'ankieta-scale', 'ankieta-nps', 'ankieta-choice', 'ankieta-text', 'ankieta-matrix', 'ankieta-consent'];

function make(tag: string, attrs: Record<string, string> = {}): Question {
  const el = document.createElement(tag) as Question;
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  if (tag === 'ankieta-choice') el.options = OPTIONS;
  if (tag === 'ankieta-matrix') el.rows = ROWS;
  return el;
}

/** What the element's own label (the `<legend>` or `<label>` of the question) says; a consent without a name has none. */
const labelText = (el: Question) => (el.shadowRoot!.querySelector('[part~="label"]')?.textContent ?? '').replace(/\s+/g, ' ').trim();
const errorShown = (el: Question) => el.shadowRoot!.querySelector('[part~="error"]')!.textContent!.trim();
const announced = (el: Question) => el.shadowRoot!.querySelector('[aria-live]')?.textContent!.replace(/\s+/g, ' ').trim();

describe('question elements used as native fields', () => {
  for (const tag of TAGS) {
    describe(`<${tag}>`, () => {
      it('names its question by aria-label, aria-labelledby or a <label for> when it has no label', async () => {
        const form = await fixture<HTMLFormElement>(html`<form>
          <span id="heading">Rola w samorządzie</span>
          <label for="labelled">Uwagi do organizacji</label>
        </form>`);
        const byAria = make(tag, { name: 'a', 'aria-label': 'Ocena sali', required: '' });
        const byId = make(tag, { name: 'b', 'aria-labelledby': 'heading missing' });
        const byLabel = make(tag, { name: 'c', id: 'labelled' });
        form.append(byAria, byId, byLabel);
        for (const el of [byAria, byId, byLabel]) await el.updateComplete;
        expect(labelText(byAria)).to.equal('Ocena sali *');
        expect(labelText(byId)).to.equal('Rola w samorządzie');
        expect(labelText(byLabel)).to.equal('Uwagi do organizacji');
        expect([...byLabel.labels].map((l) => l.textContent)).to.deep.equal(['Uwagi do organizacji']);
        // The name follows a change of the attribute, and the announced error starts with it.
        byAria.setAttribute('aria-label', 'Ocena cateringu');
        byAria.reportValidity();
        await byAria.updateComplete;
        expect(labelText(byAria)).to.equal('Ocena cateringu *');
        expect(announced(byAria)).to.match(/^Ocena cateringu: /);
        // Nothing is shown where the page gives no name (an empty element, as before).
        const unnamed = make(tag, { name: 'd' });
        form.append(unnamed);
        await unnamed.updateComplete;
        expect(labelText(unnamed)).to.equal('');
      });

      it('follows a name the page gives after it rendered: a <label for> added, its text changed', async () => {
        const form = await fixture<HTMLFormElement>(html`<form></form>`);
        const el = make(tag, { name: 'q', id: 'later' });
        form.append(el);
        await el.updateComplete;
        expect(labelText(el)).to.equal('');
        const label = document.createElement('label');
        label.htmlFor = 'later';
        label.textContent = 'Adres';
        form.prepend(label);
        await new Promise((r) => setTimeout(r));
        await el.updateComplete;
        expect(labelText(el)).to.equal('Adres');
        label.textContent = 'Adres do korespondencji';
        await new Promise((r) => setTimeout(r));
        await el.updateComplete;
        expect(labelText(el)).to.equal('Adres do korespondencji');
      });

      it('takes setCustomValidity() as a native field does: invalid at once, the message shown once the form is checked, valid again with ""', async () => {
        const form = await fixture<HTMLFormElement>(html`<form></form>`);
        const el = make(tag, { name: 'q', label: 'Pytanie', locale: 'pl' });
        form.append(el);
        await el.updateComplete;
        expect(form.checkValidity()).to.equal(true);
        el.setCustomValidity('Ta odpowiedź jest zajęta.');
        await el.updateComplete;
        expect(el.validity.customError).to.equal(true);
        expect(el.validationMessage).to.equal('Ta odpowiedź jest zajęta.');
        expect(errorShown(el), 'not shown before the user or the form checks it').to.equal('');
        expect(form.checkValidity()).to.equal(false);
        el.reportValidity();
        await el.updateComplete;
        expect(errorShown(el)).to.equal('Ta odpowiedź jest zajęta.');
        el.setCustomValidity('');
        await el.updateComplete;
        expect(form.checkValidity()).to.equal(true);
        expect(errorShown(el)).to.equal('');
        // Apart from `error`, which the page (or the survey) sets, and which it leaves alone.
        el.error = 'Błąd z serwera';
        el.setCustomValidity('');
        await el.updateComplete;
        expect(el.validationMessage).to.equal('Błąd z serwera');
        expect(errorShown(el)).to.equal('Błąd z serwera');
        el.error = '';
        (el.setCustomValidity as (m: unknown) => void)(null);
        expect(el.validationMessage, 'as native: the text "null"').to.equal('null');
      });
    });
  }

  /** Elements whose answer is an attribute: [tag, first value attribute, later one, its value, a value set from script]. */
  const VALUED: Array<[string, string, string, unknown, unknown]> = [
    ['ankieta-rating', '4', '2', 2, 5],
    ['ankieta-nps', '9', '3', 3, 10],
    ['ankieta-scale', '4', 'na', 'na', 1],
    ['ankieta-text', 'Pierwsza', 'Druga', 'Druga', 'Wpisana'],
  ];
  for (const [tag, first, later, expected, typed] of VALUED)
    it(`<${tag}>: form.reset() returns to the latest value attribute, written after the element was created`, async () => {
      const form = await fixture<HTMLFormElement>(html`<form></form>`);
      const el = make(tag, { name: 'q', label: 'Pytanie', value: first, ...(tag === 'ankieta-scale' ? { 'not-applicable': '' } : {}) });
      form.append(el);
      await el.updateComplete;
      el.setAttribute('value', later);
      el.value = typed;
      await el.updateComplete;
      form.reset();
      await el.updateComplete;
      expect(el.value).to.equal(expected);
      expect(new FormData(form).get('q')).to.equal(String(expected));
    });

  it('<ankieta-consent>: its value attribute (what a ticked box submits) is not its reset default', async () => {
    const form = await fixture<HTMLFormElement>(html`<form></form>`);
    const el = make('ankieta-consent', { name: 'q', label: 'Zgoda', value: 'tak' });
    form.append(el);
    await el.updateComplete;
    el.checked = true;
    el.setAttribute('value', 'zgoda-v2');
    form.reset();
    await el.updateComplete;
    expect(el.checked).to.equal(false);
    expect(new FormData(form).has('q')).to.equal(false);
  });

  it('<ankieta-choice> as a dropdown: the "Other" field carries the name the page gives', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><label for="role">Rola w samorządzie</label></form>`);
    const el = make('ankieta-choice', { name: 'q', id: 'role', display: 'dropdown', other: '', locale: 'pl' });
    form.append(el);
    el.value = 'other';
    await el.updateComplete;
    const otherLabel = el.shadowRoot!.querySelector('.other-label')!.textContent!.replace(/\s+/g, ' ').trim();
    expect(otherLabel).to.match(/\(Rola w samorządzie\)$/);
  });

  it('<ankieta-consent>: form.reset() follows the checked attribute', async () => {
    const form = await fixture<HTMLFormElement>(html`<form></form>`);
    const el = make('ankieta-consent', { name: 'q', label: 'Zgoda', checked: '' });
    form.append(el);
    await el.updateComplete;
    el.removeAttribute('checked');
    el.checked = true;
    form.reset();
    await el.updateComplete;
    expect(el.checked).to.equal(false);
    expect(new FormData(form).has('q')).to.equal(false);
  });
});

describe('setCustomValidity() on a question element inside <ankieta-survey>, as in a native form', () => {
  beforeEach(clearDevice);

  /** Page 1 holds every question type, the first one required. */
  const everyType: SurveyDefinition = {
    id: 'custom-validity',
    locale: 'pl',
    title: 'Zgłoszenie',
    pages: [
      {
        id: 'p1',
        title: 'Pierwsza strona',
        questions: [
          { id: 'rating', type: 'rating', title: 'Ocena', required: true },
          { id: 'scale', type: 'scale', scale: 'agree5', title: 'Teza' },
          { id: 'nps', type: 'nps', title: 'Polecenie' },
          { id: 'choice', type: 'choice', title: 'Rola', options: [{ value: 'a', label: 'Wójt' }] },
          { id: 'text', type: 'text', title: 'Uwagi' },
          { id: 'matrix', type: 'matrix', scale: 'quality5', title: 'Sesje', rows: [{ id: 'r', label: 'Otwarcie' }] },
          { id: 'consent', type: 'consent', title: 'Zgoda', text: 'Klauzula informacyjna' },
        ],
      },
      { id: 'p2', title: 'Druga strona', questions: [{ id: 'end', type: 'text', title: 'Na koniec' }] },
    ],
  };
  /** The last page asks for an address, a rating and, after a low one, why. */
  const address: SurveyDefinition = {
    id: 'custom-validity-address',
    locale: 'pl',
    title: 'Zgłoszenie',
    pages: [
      { id: 'p1', title: 'Pierwsza strona', questions: [{ id: 'name', type: 'text', title: 'Imię' }] },
      {
        id: 'p2',
        title: 'Druga strona',
        questions: [
          { id: 'email', type: 'text', title: 'Adres e-mail' },
          { id: 'overall', type: 'rating', title: 'Ocena' },
          { id: 'why', type: 'text', title: 'Dlaczego?', visibleIf: { question: 'overall', lte: 2 } },
        ],
      },
    ],
  };

  async function mountSurvey(definition: SurveyDefinition) {
    const survey = await fixture<AnkietaSurvey>(html`<ankieta-survey locale="pl" .definition=${definition}></ankieta-survey>`);
    await settled(survey);
    return survey;
  }
  /** A question element as page code finds it: in the survey's shadow root, named by its question id. */
  const field = (survey: AnkietaSurvey, id: string) => survey.shadowRoot!.querySelector<Question>(`[name="${id}"]`)!;
  const part = (survey: AnkietaSurvey, name: string) => survey.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
  const pageTitle = (survey: AnkietaSurvey) => part(survey, 'page-title')!.textContent!.trim();
  /** The error summary's links: where each goes, and what it says. */
  const summary = (survey: AnkietaSurvey) =>
    [...(part(survey, 'error-summary')?.querySelectorAll('a') ?? [])].map((a) => [a.getAttribute('href'), a.textContent!.trim()]);
  async function press(survey: AnkietaSurvey) {
    part(survey, 'button-primary')!.click();
    await settled(survey);
  }
  /** Replaces a text answer as a respondent does, and leaves the field (its `change`). */
  async function retype(survey: AnkietaSurvey, id: string, text: string) {
    const input = field(survey, id).shadowRoot!.querySelector('input')!;
    input.focus();
    input.select();
    await typeText(text);
    await sendKeys({ press: 'Tab' });
    await settled(survey);
  }
  async function rate(survey: AnkietaSurvey, stars: number) {
    field(survey, 'overall').shadowRoot!.querySelectorAll('input')[stars - 1]!.click();
    await settled(survey);
  }

  it('holds Next back on every question type: the summary lists each message (before the survey\'s own error), linked to its field, which shows it; "" lets it through', async () => {
    const survey = await mountSurvey(everyType);
    const pages: number[] = [];
    survey.addEventListener('ankieta-page', (event) => pages.push(event.detail.index));
    const ids = everyType.pages[0]!.questions.map((question) => question.id);
    for (const id of ids) field(survey, id).setCustomValidity(`Ta odpowiedź jest już zajęta (${id}).`);
    await press(survey);
    expect(pages, 'no page change').to.deep.equal([]);
    expect(pageTitle(survey)).to.equal('Pierwsza strona');
    const titles = ['Ocena', 'Teza', 'Polecenie', 'Rola', 'Uwagi', 'Sesje', 'Zgoda'];
    expect(summary(survey)).to.deep.equal(ids.map((id, i) => [`#q-${id}`, `${titles[i]}: ta odpowiedź jest już zajęta (${id}).`]));
    expect(part(survey, 'error-summary')!.textContent).to.contain('7 pytań wymaga uwagi');
    for (const id of ids) {
      expect(errorShown(field(survey, id)), id).to.equal(`Ta odpowiedź jest już zajęta (${id}).`);
      expect(field(survey, id).validity.customError, id).to.equal(true);
    }
    // Cleared, each field's message goes at once; one left still holds the page.
    for (const id of ids.slice(1)) field(survey, id).setCustomValidity('');
    await settled(survey);
    expect(errorShown(field(survey, 'text'))).to.equal('');
    await press(survey);
    expect(pages).to.deep.equal([]);
    expect(summary(survey)).to.deep.equal([['#q-rating', 'Ocena: ta odpowiedź jest już zajęta (rating).']]);
    // The survey's own error is next in line.
    field(survey, 'rating').setCustomValidity('');
    await settled(survey);
    expect(errorShown(field(survey, 'rating'))).to.equal('Proszę odpowiedzieć na to pytanie.');
    field(survey, 'rating').shadowRoot!.querySelector('input')!.click();
    await settled(survey);
    await press(survey);
    expect(pages).to.deep.equal([1]);
    expect(pageTitle(survey)).to.equal('Druga strona');
  });

  /** Two pages: an address the page checks, and one more. */
  const twoPages: SurveyDefinition = {
    id: 'custom-validity-undo',
    locale: 'pl',
    title: 'Zgłoszenie',
    pages: [
      { id: 'p1', title: 'Pierwsza strona', questions: [{ id: 'email', type: 'text', title: 'Adres e-mail' }] },
      { id: 'p2', title: 'Druga strona', questions: [{ id: 'end', type: 'text', title: 'Na koniec' }] },
    ],
  };
  const govOnly = 'Proszę podać adres w domenie gov.pl.';
  /** What README shows a page doing: a `change` listener that checks the address. */
  function checkAddresses(survey: AnkietaSurvey) {
    survey.addEventListener('change', (event) => {
      const control = event.composedPath()[0] as Question;
      if (control.getAttribute('name') === 'email') control.setCustomValidity(String(control.value).endsWith('.gov.pl') ? '' : govOnly);
    });
    return survey;
  }

  it('brings a refused answer back with its message when "Zacznij od nowa" is undone', async () => {
    // A draft from an earlier visit, so that "Zacznij od nowa" is offered.
    const first = checkAddresses(await mountSurvey(twoPages));
    await retype(first, 'email', 'jan@urzad.gov.pl');
    first.remove();
    const survey = checkAddresses(await mountSurvey(twoPages));
    const notice = () => survey.shadowRoot!.querySelector<HTMLButtonElement>('[part~="notice"] button')!;
    expect(notice().textContent!.trim()).to.equal('Zacznij od nowa');
    await retype(survey, 'email', 'jan@example.com');
    await press(survey);
    expect(pageTitle(survey)).to.equal('Pierwsza strona');
    notice().click();
    await settled(survey);
    expect(notice().textContent!.trim()).to.equal('Przywróć usunięte odpowiedzi');
    notice().click();
    await settled(survey);
    expect(field(survey, 'email').value).to.equal('jan@example.com');
    await press(survey);
    expect(pageTitle(survey), 'the refused address still holds Next back').to.equal('Pierwsza strona');
    expect(summary(survey)).to.deep.equal([['#q-email', 'Adres e-mail: proszę podać adres w domenie gov.pl.']]);
  });

  it('keeps a message to its own survey: another survey on the page is not held back', async () => {
    const page = await fixture<HTMLDivElement>(html`<div>
      <ankieta-survey locale="pl" .definition=${twoPages}></ankieta-survey>
      <ankieta-survey locale="pl" .definition=${{ ...twoPages, id: 'custom-validity-undo-2' }}></ankieta-survey>
    </div>`);
    const [held, free] = [...page.querySelectorAll<AnkietaSurvey>('ankieta-survey')] as [AnkietaSurvey, AnkietaSurvey];
    await settled(held);
    await settled(free);
    field(held, 'email').setCustomValidity(govOnly);
    await press(free);
    expect(pageTitle(free)).to.equal('Druga strona');
    await press(held);
    expect(pageTitle(held)).to.equal('Pierwsza strona');
  });

  it('holds Submit back, set from a `change` listener on the survey, also after Back and Next; a hidden question never does', async () => {
    const survey = await mountSurvey(address);
    const submitted: unknown[] = [];
    survey.addEventListener('ankieta-submit', (event) => submitted.push(event.detail.response.answers));
    // What a page does: the element is the first node of the event's path (the survey's shadow root is open).
    const refusal = 'Proszę podać adres w domenie gov.pl.';
    survey.addEventListener('change', (event) => {
      const control = event.composedPath()[0] as Question;
      if (control.getAttribute('name') === 'email') control.setCustomValidity(String(control.value).endsWith('.gov.pl') ? '' : refusal);
    });
    await press(survey);
    expect(pageTitle(survey)).to.equal('Druga strona');
    await retype(survey, 'email', 'jan@example.com');
    expect(errorShown(field(survey, 'email')), 'shown once the respondent left the field, as native').to.equal(refusal);
    await press(survey);
    expect(submitted).to.deep.equal([]);
    expect(summary(survey)).to.deep.equal([['#q-email', 'Adres e-mail: proszę podać adres w domenie gov.pl.']]);

    // Back and Next give the page new elements: the message is not lost with the old one.
    const before = field(survey, 'email');
    survey.shadowRoot!.querySelector<HTMLButtonElement>('button.secondary')!.click();
    await settled(survey);
    await press(survey);
    expect(field(survey, 'email')).to.not.equal(before);
    expect(field(survey, 'email').validationMessage).to.equal(refusal);
    await press(survey);
    expect(submitted).to.deep.equal([]);
    expect(summary(survey)).to.deep.equal([['#q-email', 'Adres e-mail: proszę podać adres w domenie gov.pl.']]);

    // A shown question's message holds Submit back; hidden, it does not.
    await rate(survey, 1);
    field(survey, 'why').setCustomValidity('PESEL ma 11 cyfr.');
    await retype(survey, 'email', 'jan@urzad.gov.pl');
    expect(errorShown(field(survey, 'email')), 'gone as soon as the page clears it').to.equal('');
    await press(survey);
    expect(submitted).to.deep.equal([]);
    expect(summary(survey), 'an acronym keeps its capitals').to.deep.equal([['#q-why', 'Dlaczego: PESEL ma 11 cyfr.']]);
    await rate(survey, 5);
    expect(field(survey, 'why')).to.equal(null);
    await press(survey);
    expect(submitted).to.deep.equal([{ email: 'jan@urzad.gov.pl', overall: 5 }]);
  });
});

describe('<ankieta-launcher> open, as a framework binds it', () => {
  beforeEach(clearDevice);

  it('opens when `open` is set to true, also before the element is in the page, and closes when set to false', async () => {
    const wrapper = await fixture(html`<div></div>`);
    const el = document.createElement('ankieta-launcher') as AnkietaLauncher;
    el.setAttribute('storage-key', `k${Math.random()}`);
    el.setAttribute('locale', 'pl');
    const survey = document.createElement('ankieta-survey') as AnkietaSurvey;
    survey.definition = threePages;
    el.append(survey);
    // React 19 sets properties on a new element before it appends it.
    el.open = true;
    wrapper.append(el);
    await el.updateComplete;
    await settled(survey);
    const dialog = el.shadowRoot!.querySelector('dialog')!;
    expect(el.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    el.open = false;
    await el.updateComplete;
    expect(el.open).to.equal(false);
    el.open = true;
    expect(el.open, 'at once, once rendered').to.equal(true);
    el.remove();
    expect(() => (el.open = true), 'set when no longer in the page').to.not.throw();
  });

  /** `definition` may be invalid on purpose: it is assigned as JSON from elsewhere would be. */
  async function launcher(attrs: Record<string, string>, definition: unknown = threePages) {
    const wrapper = await fixture(html`<div><button id="page-button">Oceń spotkanie</button></div>`);
    const el = document.createElement('ankieta-launcher') as AnkietaLauncher;
    for (const [name, value] of Object.entries({ 'storage-key': `k${Math.random()}`, locale: 'pl', ...attrs }))
      el.setAttribute(name, value);
    const survey = document.createElement('ankieta-survey') as AnkietaSurvey;
    survey.definition = definition as SurveyDefinition;
    el.append(survey);
    wrapper.append(el);
    await el.updateComplete;
    await settled(survey);
    return { el, wrapper };
  }

  it('a popup does not open by itself once the page has opened or closed it, and focus returns to the page control that opened it', async () => {
    const { el, wrapper } = await launcher({ mode: 'popup', delay: '0.3' });
    const pageButton = wrapper.querySelector<HTMLButtonElement>('#page-button')!;
    pageButton.focus();
    el.open = true;
    el.open = false;
    expect(document.activeElement, 'focus back on the page control').to.equal(pageButton);
    await new Promise((r) => setTimeout(r, 600));
    expect(el.open, 'not reopened by its delay').to.equal(false);
  });

  it('takes the open attribute, as React 18 writes it', async () => {
    const { el } = await launcher({ open: '' });
    expect(el.open).to.equal(true);
    el.setAttribute('open', 'false');
    expect(el.open).to.equal(false);
  });

  it('does not open over an invalid survey, whose message is for the site owner', async () => {
    const { el } = await launcher({}, { id: 'bez-stron', title: 'Bez stron' });
    el.open = true;
    await new Promise((r) => setTimeout(r, 50));
    expect(el.shadowRoot!.querySelector('dialog')!.open).to.equal(false);
  });

  it('keeps `open` set before the element was defined (the script loaded after the page set it)', async () => {
    // An element made in a document without a window is not upgraded until it joins this one.
    const early = document.implementation.createHTMLDocument('').createElement('ankieta-launcher') as AnkietaLauncher;
    expect(early instanceof HTMLElement && !(early as unknown as { show?: unknown }).show, 'not upgraded yet').to.equal(true);
    early.open = true;
    early.setAttribute('storage-key', `k${Math.random()}`);
    const survey = document.createElement('ankieta-survey') as AnkietaSurvey;
    survey.definition = threePages;
    early.append(survey);
    const wrapper = await fixture(html`<div></div>`);
    wrapper.append(document.adoptNode(early));
    await early.updateComplete;
    await settled(survey);
    await new Promise((r) => setTimeout(r));
    const dialog = early.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open, 'the dialog, not a property hiding the accessor').to.equal(true);
    early.open = false;
    expect(dialog.open).to.equal(false);
  });
});
