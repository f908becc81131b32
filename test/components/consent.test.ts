import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/consent/consent.js';
import type { AnkietaConsent } from '../../src/components/consent/consent.js';
import { translate } from '../../src/i18n/index.js';
import { formControlSuite, type Control } from './form-control-suite.js';

const consent = (el: Control) => el as unknown as AnkietaConsent;
const box = (el: AnkietaConsent) => el.shadowRoot!.querySelector<HTMLInputElement>('input[type=checkbox]')!;
const CLAUSE = 'Administratorem danych jest Związek Miast Polskich.\nDane są przetwarzane w celu oceny konferencji.';

formControlSuite({
  tag: 'ankieta-consent',
  setup: (el) => (consent(el).text = CLAUSE),
  empty: false,
  valid: true,
  validEntries: [['q', 'on']],
  get: (el) => consent(el).checked,
  set: (el, answer) => (consent(el).checked = answer as boolean),
  userChange: () => sendKeys({ press: ' ' }),
  changed: true,
  unfit: null,
  requiredKey: 'errorConsent',
  setTexts: (el, text) => {
    consent(el).text = text;
    consent(el).checkboxLabel = text;
  },
});

describe('<ankieta-consent>', () => {
  it('shows the clause above the checkbox, keeping its line breaks', async () => {
    const el = await fixture<AnkietaConsent>(html`<ankieta-consent label="Zgoda" text=${CLAUSE}></ankieta-consent>`);
    const clause = el.shadowRoot!.querySelector<HTMLElement>('[part~="text"]')!;
    expect(clause.textContent).to.equal(CLAUSE);
    expect(clause.getBoundingClientRect().bottom).to.be.at.most(box(el).getBoundingClientRect().top);
    expect(clause.getBoundingClientRect().height).to.be.greaterThan(30);
  });

  it('labels the checkbox "Wyrażam zgodę" / "I agree" unless checkbox-label says otherwise', async () => {
    const el = await fixture<AnkietaConsent>(html`<ankieta-consent label="Zgoda"></ankieta-consent>`);
    expect(box(el).labels![0]!.textContent!.trim()).to.equal('Wyrażam zgodę');
    el.locale = 'en';
    await el.updateComplete;
    expect(box(el).labels![0]!.textContent!.trim()).to.equal('I agree');
    el.checkboxLabel = 'Zgadzam się na kontakt';
    await el.updateComplete;
    expect(box(el).labels![0]!.textContent!.trim()).to.equal('Zgadzam się na kontakt');
  });

  it('submits its value while ticked and must be ticked when required', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><ankieta-consent name="rodo" value="tak" required text=${CLAUSE}></ankieta-consent></form>`,
    );
    const el = form.querySelector('ankieta-consent')!;
    expect(form.checkValidity()).to.equal(false);
    expect(el.validationMessage).to.equal(translate('pl', 'errorConsent'));
    el.focus();
    await sendKeys({ press: ' ' });
    expect(el.checked).to.equal(true);
    expect(new FormData(form).get('rodo')).to.equal('tak');
    expect(form.checkValidity()).to.equal(true);
    await sendKeys({ press: ' ' });
    expect(el.checked).to.equal(false);
    expect(new FormData(form).get('rodo')).to.equal(null);
  });

  it('submits what it shows when a framework sets checked to text: ticked and sent, as a native checkbox', async () => {
    // checked = "false" (a string from a template) showed the box ticked and submitted nothing.
    const form = await fixture<HTMLFormElement>(html`<form><ankieta-consent name="rodo" required></ankieta-consent></form>`);
    const el = form.querySelector('ankieta-consent')!;
    (el as unknown as { checked: unknown }).checked = 'false';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('input')!.checked, 'shown ticked').to.equal(true);
    expect(new FormData(form).get('rodo'), 'and submitted').to.equal('on');
    expect(form.checkValidity()).to.equal(true);
  });

  it('has the error read before the information clause, which can run to hundreds of words', async () => {
    const el = await fixture<AnkietaConsent>(html`<ankieta-consent label="Zgoda" required text=${CLAUSE}></ankieta-consent>`);
    el.reportValidity();
    await el.updateComplete;
    const ids = box(el).getAttribute('aria-describedby')!.split(/\s+/);
    expect(ids.indexOf('error') >= 0 && ids.indexOf('error') < ids.indexOf('text'), ids.join(' ')).to.equal(true);
  });

  it('starts ticked from the checked attribute and resets to it', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><ankieta-consent name="rodo" checked></ankieta-consent></form>`);
    const el = form.querySelector('ankieta-consent')!;
    expect(box(el).checked).to.equal(true);
    box(el).click();
    expect(el.checked).to.equal(false);
    form.reset();
    await el.updateComplete;
    expect(el.checked).to.equal(true);
    expect(box(el).checked).to.equal(true);
  });

  it('without a title, needs no fieldset and marks the checkbox label as required', async () => {
    const el = await fixture<AnkietaConsent>(html`<ankieta-consent required text=${CLAUSE}></ankieta-consent>`);
    expect(el.shadowRoot!.querySelector('fieldset')).to.equal(null);
    expect(box(el).labels![0]!.querySelector('[aria-hidden="true"]')!.textContent!.trim()).to.equal('*');
    await expect(el).to.be.accessible();
  });
});
