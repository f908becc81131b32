import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/rating/rating.js';
import type { AnkietaRating } from '../../src/components/rating/rating.js';
import { formControlSuite, type Control } from './form-control-suite.js';
import { cutWords, overflowing } from '../support/words.js';
import { forcedColours, systemColour } from '../support/forced-colours.js';

const rating = (el: Control) => el as unknown as AnkietaRating;
const radios = (el: AnkietaRating) => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')];
const nameOf = (input: HTMLInputElement) => input.labels![0]!.textContent!.replace(/\s+/g, ' ').trim();

formControlSuite({
  tag: 'ankieta-rating',
  empty: null,
  valid: 4,
  validEntries: [['q', '4']],
  validAsText: '4',
  get: (el) => rating(el).value,
  set: (el, answer) => (rating(el).value = answer as number | null),
  userChange: () => sendKeys({ press: ' ' }),
  changed: 1,
  arrows: [1, 2],
  setTexts: (el, text) => {
    rating(el).minLabel = text;
    rating(el).maxLabel = text;
  },
});

describe('<ankieta-rating>', () => {
  it('looks disabled when disabled, in its own colours and in forced colours (grey, as native controls)', async () => {
    const form = await fixture<HTMLFieldSetElement>(html`<fieldset><ankieta-rating label="Ocena" .value=${3}></ankieta-rating></fieldset>`);
    const el = form.querySelector('ankieta-rating')!;
    await el.updateComplete;
    const stroke = () => [...el.shadowRoot!.querySelectorAll('svg')].map((svg) => getComputedStyle(svg).stroke);
    const enabled = stroke();
    form.disabled = true;
    await el.updateComplete;
    const disabled = stroke();
    expect(disabled[0], 'a chosen star').to.not.equal(enabled[0]);
    expect(disabled[4], 'an empty star').to.not.equal(enabled[4]);
    forcedColours(el);
    expect([...new Set(stroke())], 'every star').to.deep.equal([systemColour('GrayText')]);
  });

  it("draws unanswered required stars in the user's forced colours, not the site's red (WCAG 1.4.11)", async () => {
    const el = await fixture<AnkietaRating>(html`<ankieta-rating label="Ocena" required data-theme="light"></ankieta-rating>`);
    el.reportValidity();
    await el.updateComplete;
    forcedColours(el);
    const strokes = [...el.shadowRoot!.querySelectorAll('svg')].map((svg) => getComputedStyle(svg).stroke);
    expect(radios(el)[0]!.getAttribute('aria-invalid')).to.equal('true');
    // Dark red on a black high-contrast background was 3.2:1, the only outline of the control.
    expect([...new Set(strokes)]).to.deep.equal([systemColour('CanvasText')]);
  });

  it('names each star "n z max" in Polish and "n of max" in English', async () => {
    const el = await fixture<AnkietaRating>(html`<ankieta-rating label="Ocena" max="7"></ankieta-rating>`);
    expect(radios(el).map(nameOf)).to.deep.equal(['1 z 7', '2 z 7', '3 z 7', '4 z 7', '5 z 7', '6 z 7', '7 z 7']);
    el.locale = 'en';
    await el.updateComplete;
    expect(nameOf(radios(el)[3]!)).to.equal('4 of 7');
  });

  it("says once on the console that a locale it does not speak gives way to the page's language", async () => {
    const locale = `de-x-${Math.random().toString(36).slice(2, 8)}`;
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const page = await fixture(
        html`<div lang="en"><ankieta-rating locale=${locale} label="A"></ankieta-rating><ankieta-rating locale=${locale} label="B"></ankieta-rating></div>`,
      );
      for (const el of page.querySelectorAll('ankieta-rating')) await (el as AnkietaRating).updateComplete;
      expect(nameOf(radios(page.querySelector('ankieta-rating')!)[0]!)).to.equal('1 of 5');
    } finally {
      console.warn = warn;
    }
    expect(warnings.filter((w) => w.includes(locale))).to.deep.equal([
      `<ankieta-rating>: locale "${locale}" is neither pl nor en; the page's lang decides`,
    ]);
  });

  it('has no lone spoken full stop under the first star when only the last has a label', async () => {
    const el = await fixture<AnkietaRating>(html`<ankieta-rating label="Ocena" max-label="Świetnie"></ankieta-rating>`);
    expect(el.shadowRoot!.getElementById('min-label')!.textContent).to.equal('');
  });

  it('keeps max between 3 and 10 stars', async () => {
    const el = await fixture<AnkietaRating>(html`<ankieta-rating label="Ocena"></ankieta-rating>`);
    expect(radios(el)).to.have.length(5);
    el.max = 20;
    await el.updateComplete;
    expect(radios(el)).to.have.length(10);
    el.max = 1;
    await el.updateComplete;
    expect(radios(el)).to.have.length(3);
  });

  it('draws the stars as inline SVG and fills them up to the chosen one on click', async () => {
    const el = await fixture<AnkietaRating>(html`<ankieta-rating label="Ocena"></ankieta-rating>`);
    const stars = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="option"]')];
    expect(stars.every((star) => star.querySelector('svg[aria-hidden="true"] path'))).to.equal(true);
    stars[2]!.click();
    await el.updateComplete;
    expect(el.value).to.equal(3);
    const filled = stars.map((star) => getComputedStyle(star.querySelector('svg')!).fill);
    expect(filled[0]).to.equal(filled[2]);
    expect(filled[3]).to.not.equal(filled[2]);
  });

  it('describes the first and last star with the anchor labels', async () => {
    const el = await fixture<AnkietaRating>(
      html`<ankieta-rating label="Ocena" min-label="Bardzo źle" max-label="Bardzo dobrze"></ankieta-rating>`,
    );
    const all = radios(el);
    const describedBy = (input: HTMLInputElement) =>
      input
        .getAttribute('aria-describedby')!
        .split(' ')
        .map((id) => el.shadowRoot!.getElementById(id)!.textContent!.trim())
        .filter(Boolean);
    expect(describedBy(all[0]!)).to.deep.equal(['Bardzo źle.']);
    expect(describedBy(all[4]!)).to.deep.equal(['Bardzo dobrze.']);
    expect(describedBy(all[2]!)).to.deep.equal([]);
  });

  it('ignores a value outside 1..max', async () => {
    const el = await fixture<AnkietaRating>(html`<ankieta-rating label="Ocena" name="q" required .value=${7}></ankieta-rating>`);
    expect(radios(el).some((r) => r.checked)).to.equal(false);
    expect(el.validity.valueMissing).to.equal(true);
  });

  it('takes its initial value from the value attribute', async () => {
    const el = await fixture<AnkietaRating>(html`<ankieta-rating label="Ocena" value="3"></ankieta-rating>`);
    expect(el.value).to.equal(3);
    expect(radios(el)[2]!.checked).to.equal(true);
  });

  it('fits a phone at 200 % text: no star past the edge, no end label cut inside a word (WCAG 1.4.4, 1.4.10)', async () => {
    const el = await fixture<AnkietaRating>(
      html`<ankieta-rating label="Ocena" min-label="Zdecydowanie źle" max-label="Zdecydowanie dobrze"></ankieta-rating>`,
    );
    document.documentElement.style.fontSize = '32px';
    try {
      for (let width = 238; width <= 640; width += 8) {
        el.style.width = `${width}px`;
        const right = el.getBoundingClientRect().right;
        expect(overflowing(el.shadowRoot!.querySelectorAll('.star'), right), `stars past the edge at ${width}px`).to.deep.equal([]);
        expect(cutWords(el.shadowRoot!.querySelectorAll<HTMLElement>('.anchors span')), `at ${width}px`).to.deep.equal([]);
      }
    } finally {
      document.documentElement.style.fontSize = '';
    }
  });
});
