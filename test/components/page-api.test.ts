// The parts of a native field's API that a developer composing the question elements in a page
// or a framework reaches for: names given by the page, setCustomValidity(), labels, a reset
// default that follows the attribute, and the launcher's `open` bound by a framework.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements.js';
import type { AnkietaLauncher } from '../../src/components/launcher/launcher.js';
import type { AnkietaSurvey } from '../../src/components/survey/survey.js';
import type { FormControl } from '../../src/components/shared/form-control.js';
import { threePages } from './survey-fixtures.js';
import { clearDevice, settled } from './survey-helpers.js';

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

      it('takes setCustomValidity() as a native field does: invalid with the message shown, valid again with ""', async () => {
        const form = await fixture<HTMLFormElement>(html`<form></form>`);
        const el = make(tag, { name: 'q', label: 'Pytanie', locale: 'pl' });
        form.append(el);
        await el.updateComplete;
        expect(form.checkValidity()).to.equal(true);
        el.setCustomValidity('Ta odpowiedź jest zajęta.');
        await el.updateComplete;
        expect(el.validity.customError).to.equal(true);
        expect(el.validationMessage).to.equal('Ta odpowiedź jest zajęta.');
        expect(form.checkValidity()).to.equal(false);
        expect(errorShown(el)).to.equal('Ta odpowiedź jest zajęta.');
        el.setCustomValidity('');
        await el.updateComplete;
        expect(form.checkValidity()).to.equal(true);
        expect(errorShown(el)).to.equal('');
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
    await el.updateComplete;
    expect(el.open).to.equal(true);
    el.remove();
  });
});
