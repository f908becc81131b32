import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/choice/choice.js';
import type { AnkietaChoice } from '../../src/components/choice/choice.js';
import { translate } from '../../src/i18n/index.js';
import { formControlSuite, type Control } from './form-control-suite.js';

const choice = (el: Control) => el as unknown as AnkietaChoice;
const OPTIONS = [
  { value: 'mayor', label: 'Wójt, burmistrz, prezydent' },
  { value: 'councillor', label: 'Radna lub radny' },
  { value: 'staff', label: 'Pracownik JST' },
];
const boxes = (el: AnkietaChoice) => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio], input[type=checkbox]')];
const otherField = (el: AnkietaChoice) => el.shadowRoot!.querySelector<HTMLInputElement>('#other-text');
const errorText = (el: AnkietaChoice) => el.shadowRoot!.querySelector('[part~="error"]')!.textContent!.trim();
const setTexts = (el: Control, text: string) => {
  choice(el).options = [
    { value: 'a', label: text },
    { value: 'b', label: text },
  ];
  choice(el).other = true;
  choice(el).otherLabel = text;
};
const common = {
  tag: 'ankieta-choice' as const,
  get: (el: Control) => choice(el).value,
  set: (el: Control, answer: unknown) => (choice(el).value = answer as string | string[] | null),
  setTexts,
};

formControlSuite({
  ...common,
  variant: 'radios',
  setup: (el) => (choice(el).options = OPTIONS),
  empty: null,
  valid: 'staff',
  validEntries: [['q', 'staff']],
  userChange: () => sendKeys({ press: ' ' }),
  changed: 'mayor',
  arrows: ['mayor', 'councillor'],
});

formControlSuite({
  ...common,
  variant: 'checkboxes',
  setup: (el) => {
    choice(el).options = OPTIONS;
    choice(el).multiple = true;
  },
  empty: [],
  valid: ['mayor', 'staff'],
  validEntries: [
    ['q', 'mayor'],
    ['q', 'staff'],
  ],
  userChange: () => sendKeys({ press: ' ' }),
  changed: ['mayor'],
  requiredInLabel: true,
});

formControlSuite({
  ...common,
  variant: 'dropdown',
  setup: (el) => {
    choice(el).options = OPTIONS;
    choice(el).display = 'dropdown';
  },
  empty: null,
  valid: 'councillor',
  validEntries: [['q', 'councillor']],
  userChange: () => sendKeys({ press: 'ArrowDown' }),
  changed: 'mayor',
});

async function inForm(template: ReturnType<typeof html>) {
  const form = await fixture<HTMLFormElement>(html`<form>${template}</form>`);
  return { form, el: form.querySelector('ankieta-choice')! };
}

describe('<ankieta-choice>', () => {
  it("takes options = null, undefined (a framework's data still loading) or not a list as none, without throwing or a warning, and works once they arrive", async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><ankieta-choice name="role" label="Rola"></ankieta-choice><ankieta-choice name="withOther" label="Rola" other></ankieta-choice></form>`,
    );
    const el = form.querySelector('ankieta-choice')!;
    const withOther = form.querySelector<AnkietaChoice>('[name="withOther"]')!;
    const warn = console.warn;
    let warned = 0;
    console.warn = () => warned++;
    try {
      // With "Other", its radio shows while the options are on their way.
      withOther.value = 'mayor';
      await withOther.updateComplete;
      for (const empty of [null, undefined, 'staff,mayor' as never]) {
        el.options = empty;
        el.value = 'staff';
        await el.updateComplete;
        expect(boxes(el), String(empty)).to.have.length(0);
      }
    } finally {
      console.warn = warn;
    }
    expect(warned, 'a value waiting for its options is no mistake').to.equal(0);
    el.options = OPTIONS;
    await el.updateComplete;
    expect(boxes(el)).to.have.length(3);
    expect(boxes(el)[2]!.checked).to.equal(true);
    expect(new FormData(form).get('role')).to.equal('staff');
  });

  it("on its own in an app, follows a change of <html lang>: its shown error and the form's message", async () => {
    const root = document.documentElement;
    const before = root.getAttribute('lang');
    root.lang = 'pl';
    try {
      const form = await fixture<HTMLFormElement>(
        html`<form><ankieta-choice name="r" label="Rola" required .options=${OPTIONS}></ankieta-choice></form>`,
      );
      const el = form.querySelector<AnkietaChoice>('ankieta-choice')!;
      form.reportValidity();
      await el.updateComplete;
      expect(errorText(el)).to.equal('Proszę odpowiedzieć na to pytanie.');
      root.lang = 'en';
      await aTimeout(0);
      await el.updateComplete;
      expect(errorText(el)).to.equal('Please answer this question.');
      expect(el.validationMessage).to.equal('Please answer this question.');
    } finally {
      if (before === null) root.removeAttribute('lang');
      else root.lang = before;
    }
  });

  it('sizes its radios and checkboxes in em of the text beside them, so they grow with a page that enlarges its text', async () => {
    for (const multiple of [false, true]) {
      const el = await fixture<AnkietaChoice>(
        html`<ankieta-choice label="Rola" ?multiple=${multiple} .options=${OPTIONS} style="font-size: 32px"></ankieta-choice>`,
      );
      const box = boxes(el)[0]!.getBoundingClientRect();
      expect(Math.round(box.width), multiple ? 'checkbox' : 'radio').to.equal(40);
      expect(Math.round(box.height)).to.equal(40);
    }
  });

  it('submits one entry per chosen value in option order', async () => {
    const { form, el } = await inForm(html`<ankieta-choice name="q" label="Rola" multiple .options=${OPTIONS}></ankieta-choice>`);
    boxes(el)[2]!.click();
    boxes(el)[0]!.click();
    await el.updateComplete;
    expect(el.value).to.deep.equal(['mayor', 'staff']);
    expect(new FormData(form).getAll('q')).to.deep.equal(['mayor', 'staff']);
    boxes(el)[0]!.click();
    expect(el.value).to.deep.equal(['staff']);
  });

  it('toggles checkboxes with Space, one tab stop each', async () => {
    const el = await fixture<AnkietaChoice>(html`<ankieta-choice label="Rola" multiple .options=${OPTIONS}></ankieta-choice>`);
    el.focus();
    await sendKeys({ press: ' ' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: ' ' });
    expect(el.value).to.deep.equal(['mayor', 'staff']);
    await sendKeys({ press: ' ' });
    expect(el.value).to.deep.equal(['mayor']);
  });

  it('says how many boxes to tick before any error, in the description of every box (WCAG 3.3.2)', async () => {
    const limitsOf = async (attributes: { min?: number; max?: number }, locale = 'pl') => {
      const el = await fixture<AnkietaChoice>(
        html`<ankieta-choice label="Tematy" multiple locale=${locale} .options=${OPTIONS}></ankieta-choice>`,
      );
      el.minChoices = attributes.min;
      el.maxChoices = attributes.max;
      await el.updateComplete;
      const limits = el.shadowRoot!.getElementById('limits');
      for (const box of boxes(el)) {
        expect(box.getAttribute('aria-describedby')!.split(' ').includes('limits'), 'described by the limits').to.equal(!!limits);
      }
      return limits?.textContent!.trim();
    };
    expect(await limitsOf({ min: 2, max: 3 })).to.equal('Można wybrać od 2 do 3 odpowiedzi.');
    expect(await limitsOf({ min: 2, max: 2 })).to.equal('Proszę wybrać 2 odpowiedzi.');
    expect(await limitsOf({ min: 1, max: 1 })).to.equal('Proszę wybrać 1 odpowiedź.');
    expect(await limitsOf({ min: 2 })).to.equal('Proszę wybrać co najmniej 2 odpowiedzi.');
    expect(await limitsOf({ max: 5 })).to.equal('Można wybrać najwyżej 5 odpowiedzi.');
    expect(await limitsOf({ min: 2, max: 3 }, 'en')).to.equal('Please choose 2 to 3 answers.');
    expect(await limitsOf({ min: 1, max: 1 }, 'en')).to.equal('Please choose 1 answer.');
    expect(await limitsOf({})).to.equal(undefined);
  });

  it('checks min-choices and max-choices, showing the error once the user leaves', async () => {
    const { form, el } = await inForm(
      html`<ankieta-choice name="q" label="Rola" multiple min-choices="2" max-choices="2" .options=${OPTIONS}></ankieta-choice>
        <button type="button">Dalej</button>`,
    );
    el.focus();
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(el.validity.rangeUnderflow).to.equal(true);
    // The number the hint asks for, not "co najmniej 2".
    expect(el.validationMessage).to.equal(translate('pl', 'choicesExactly', { count: 2 }));
    expect(errorText(el), 'no error while the user is still choosing').to.equal('');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: ' ' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(el.validity.rangeOverflow).to.equal(true);
    expect(form.checkValidity()).to.equal(false);
    expect(errorText(el)).to.equal('');
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(errorText(el)).to.equal('Proszę wybrać 2 odpowiedzi.');
    expect(boxes(el)[0]!.getAttribute('aria-describedby'), 'the hint not read again: the error says it').to.not.include('limits');
    // Back to the third box (WebDriver, used for WebKit, cannot hold Shift for Shift+Tab).
    boxes(el)[2]!.focus();
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(errorText(el)).to.equal('');
    expect(form.checkValidity()).to.equal(true);
  });

  it('does not describe a box with the same sentence twice when the error repeats the limit', async () => {
    const el = await fixture<AnkietaChoice>(
      html`<ankieta-choice label="Rola" multiple max-choices="1" .options=${OPTIONS}></ankieta-choice>`,
    );
    boxes(el)[0]!.click();
    boxes(el)[1]!.click();
    el.reportValidity();
    await el.updateComplete;
    expect(errorText(el)).to.equal('Można wybrać najwyżej 1 odpowiedź.');
    const description = (box: HTMLInputElement) =>
      box
        .getAttribute('aria-describedby')!
        .split(' ')
        .map((id) => el.shadowRoot!.getElementById(id)?.textContent?.trim())
        .filter(Boolean);
    // A screen reader read "Można wybrać najwyżej 1 odpowiedź." twice: the limit, then the error.
    expect(description(boxes(el)[0]!)).to.deep.equal(['Można wybrać najwyżej 1 odpowiedź.']);
  });

  it('adds "Other" with a text field that appears when chosen and is submitted as <name>.other', async () => {
    const { form, el } = await inForm(
      html`<ankieta-choice name="q" label="Rola" other .options=${OPTIONS}></ankieta-choice><button type="button">Dalej</button>`,
    );
    const other = boxes(el)[3]!;
    expect(other.value).to.equal('other');
    expect(other.labels![0]!.textContent!.trim()).to.equal('Inne');
    expect(otherField(el)).to.equal(null);
    el.focus();
    // Arrows wrap from the first radio to the last in Chromium and Firefox, not in WebKitGTK: go down.
    for (let i = 0; i < 3; i++) await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.value).to.equal('other');
    const field = otherField(el)!;
    expect(field.labels![0]!.textContent!.trim()).to.equal(translate('pl', 'otherSpecify'));
    expect(form.checkValidity(), 'the text is needed once "Other" is chosen').to.equal(false);
    expect(el.validationMessage).to.equal(translate('pl', 'errorOtherText'));

    let inputs = 0;
    let changes = 0;
    el.addEventListener('input', () => inputs++);
    el.addEventListener('change', () => changes++);
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(field);
    await sendKeys({ type: 'Skarbnik' });
    await sendKeys({ press: 'Tab' });
    expect([inputs, changes]).to.deep.equal([8, 1]);
    expect(el.otherText).to.equal('Skarbnik');
    expect([...new FormData(form).entries()]).to.deep.equal([
      ['q', 'other'],
      ['q.other', 'Skarbnik'],
    ]);
    expect(form.checkValidity()).to.equal(true);

    boxes(el)[0]!.click();
    await el.updateComplete;
    expect(otherField(el)).to.equal(null);
    expect([...new FormData(form).entries()], 'the text leaves with "Other"').to.deep.equal([['q', 'mayor']]);
  });

  it('relabels "Other" with other-label and follows the locale', async () => {
    const el = await fixture<AnkietaChoice>(html`<ankieta-choice label="Rola" other locale="en" .options=${OPTIONS}></ankieta-choice>`);
    expect(boxes(el)[3]!.labels![0]!.textContent!.trim()).to.equal('Other');
    el.otherLabel = 'Inna funkcja';
    await el.updateComplete;
    expect(boxes(el)[3]!.labels![0]!.textContent!.trim()).to.equal('Inna funkcja');
  });

  it('renders a dropdown as a labelled native select starting with "Wybierz…"', async () => {
    const { form, el } = await inForm(
      html`<ankieta-choice name="q" label="Rola" display="dropdown" other .options=${OPTIONS}></ankieta-choice>`,
    );
    const select = el.shadowRoot!.querySelector('select')!;
    expect(select.labels![0]!.textContent!.trim()).to.equal('Rola');
    expect([...select.options].map((o) => o.textContent!.trim())).to.deep.equal(['Wybierz…', ...OPTIONS.map((o) => o.label), 'Inne']);
    expect(select.value).to.equal('');
    el.value = 'other';
    el.otherText = 'Sołtys';
    await el.updateComplete;
    expect(select.value).to.equal('other');
    expect(otherField(el)!.value).to.equal('Sołtys');
    expect(
      otherField(el)!.labels![0]!.textContent!.replace(/\s+/g, ' ').trim(),
      'outside any group, the name of the field carries the question',
    ).to.equal(`${translate('pl', 'otherSpecify').replace(/\s+/g, ' ')} (Rola)`);
    expect([...new FormData(form).entries()]).to.deep.equal([
      ['q', 'other'],
      ['q.other', 'Sołtys'],
    ]);
    el.value = null;
    await el.updateComplete;
    expect(select.selectedIndex).to.equal(0);
  });

  it("text-lang marks the question's own texts, not its own words, in a dropdown and in a group", async () => {
    const dropdown = await fixture<AnkietaChoice>(
      html`<ankieta-choice name="q" label="Rola" hint="Jedna" locale="en" text-lang="pl" display="dropdown" other .options=${OPTIONS}></ankieta-choice>`,
    );
    const langs = [...dropdown.shadowRoot!.querySelectorAll('option')].map((o) => [o.textContent!.trim(), o.getAttribute('lang')]);
    expect(langs).to.deep.equal([
      ['Choose…', null],
      ['Wójt, burmistrz, prezydent', 'pl'],
      ['Radna lub radny', 'pl'],
      ['Pracownik JST', 'pl'],
      ['Other', null],
    ]);
    expect(dropdown.shadowRoot!.querySelector('label[for=control] [lang=pl]')!.textContent).to.equal('Rola');
    expect(dropdown.shadowRoot!.querySelector('#hint')!.getAttribute('lang')).to.equal('pl');
    const group = await fixture<AnkietaChoice>(
      html`<ankieta-choice name="q" label="Rola" locale="en" text-lang="pl" other other-label="Inna rola" .options=${OPTIONS}></ankieta-choice>`,
    );
    const marked = [...group.shadowRoot!.querySelectorAll('[lang=pl]')].map((e) => e.textContent);
    expect(marked).to.deep.equal(['Rola', ...OPTIONS.map((o) => o.label), 'Inna rola']);
  });

  it('uses checkboxes for multiple even when a dropdown is asked for', async () => {
    const el = await fixture<AnkietaChoice>(
      html`<ankieta-choice label="Rola" multiple display="dropdown" .options=${OPTIONS}></ankieta-choice>`,
    );
    expect(el.shadowRoot!.querySelector('select')).to.equal(null);
    expect(boxes(el).every((b) => b.type === 'checkbox')).to.equal(true);
  });

  it('restores several values and the other text from a FormData state', async () => {
    const { form, el } = await inForm(html`<ankieta-choice name="q" label="Rola" multiple other .options=${OPTIONS}></ankieta-choice>`);
    const state = new FormData();
    state.append('q', 'councillor');
    state.append('q', 'other');
    state.append('q.other', 'Sekretarz');
    el.formStateRestoreCallback(state, 'restore');
    await el.updateComplete;
    expect(el.value).to.deep.equal(['councillor', 'other']);
    expect(el.otherText).to.equal('Sekretarz');
    expect([...new FormData(form).entries()]).to.deep.equal([...state.entries()]);
  });

  it('drops values that are not options', async () => {
    const { form, el } = await inForm(
      html`<ankieta-choice name="q" label="Rola" required .options=${OPTIONS} .value=${'ceo'}></ankieta-choice>`,
    );
    await aTimeout(0);
    expect(boxes(el).some((b) => b.checked)).to.equal(false);
    expect(new FormData(form).get('q')).to.equal(null);
    expect(el.validity.valueMissing).to.equal(true);
  });
});
