import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/scale/scale.js';
import type { AnkietaScale } from '../../src/components/scale/scale.js';
import '../../src/components/survey/survey.js';
import type { AnkietaSurvey } from '../../src/components/survey/survey.js';
import { clearDevice } from './survey-helpers.js';
import { en, pl, translate } from '../../src/i18n/index.js';
import { formControlSuite, type Control } from './form-control-suite.js';

const scale = (el: Control) => el as unknown as AnkietaScale;
const radios = (el: AnkietaScale) => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')];
const labels = (el: AnkietaScale) => radios(el).map((r) => r.labels![0]!.textContent!.trim());

formControlSuite({
  tag: 'ankieta-scale',
  setup: (el) => (scale(el).notApplicable = true),
  empty: null,
  valid: 'na',
  validEntries: [['q', 'na']],
  get: (el) => scale(el).value,
  set: (el, answer) => (scale(el).value = answer as number | 'na' | null),
  userChange: () => sendKeys({ press: ' ' }),
  changed: 1,
  arrows: [1, 2],
  setTexts: (el, text) => {
    scale(el).points = [
      { value: 1, label: text },
      { value: 2, label: text },
    ];
    scale(el).naLabel = text;
  },
});

describe('<ankieta-scale>', () => {
  it('shows the agree5 labels in Polish and English', async () => {
    const el = await fixture<AnkietaScale>(html`<ankieta-scale label="Teza"></ankieta-scale>`);
    expect(labels(el)).to.deep.equal([pl.agree5_1, pl.agree5_2, pl.agree5_3, pl.agree5_4, pl.agree5_5]);
    el.locale = 'en';
    await el.updateComplete;
    expect(labels(el)).to.deep.equal([en.agree5_1, en.agree5_2, en.agree5_3, en.agree5_4, en.agree5_5]);
  });

  it('shows quality5 with its own "not present" answer', async () => {
    const el = await fixture<AnkietaScale>(html`<ankieta-scale label="Ocena" scale="quality5" not-applicable></ankieta-scale>`);
    expect(labels(el)).to.deep.equal(
      (['quality5_1', 'quality5_2', 'quality5_3', 'quality5_4', 'quality5_5', 'quality5_na'] as const).map((key) => translate('pl', key)),
    );
  });

  it('falls back to agree5 for an unknown scale name', async () => {
    const el = await fixture<AnkietaScale>(html`<ankieta-scale label="Teza" scale="agree7"></ankieta-scale>`);
    expect(labels(el)[0]).to.equal(pl.agree5_1);
  });

  it('uses custom points lowest first', async () => {
    const el = await fixture<AnkietaScale>(html`<ankieta-scale
      label="Teza"
      .points=${[
        { value: 3, label: 'Dużo' },
        { value: 1, label: 'Mało' },
        { value: 2, label: 'Średnio' },
      ]}
    ></ankieta-scale>`);
    expect(labels(el)).to.deep.equal(['Mało', 'Średnio', 'Dużo']);
    radios(el)[2]!.click();
    expect(el.value).to.equal(3);
  });

  it('offers "not applicable" as the value "na", set apart from the points, with an optional label', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><ankieta-scale name="q" label="Teza" not-applicable required></ankieta-scale></form>`,
    );
    const el = form.querySelector('ankieta-scale')!;
    const na = radios(el)[5]!;
    expect(na.labels![0]!.textContent!.trim()).to.equal(pl.notApplicable);
    na.click();
    await el.updateComplete;
    expect(el.value).to.equal('na');
    expect(new FormData(form).get('q')).to.equal('na');
    expect(form.checkValidity()).to.equal(true);
    expect(na.closest('.points'), 'N/A is outside the scored points').to.equal(null);
    el.naLabel = 'Nie mam zdania';
    await el.updateComplete;
    expect(na.labels![0]!.textContent!.trim()).to.equal('Nie mam zdania');
  });

  it('ignores "na" when the scale does not offer it', async () => {
    const el = await fixture<AnkietaScale>(html`<ankieta-scale label="Teza" required value="na"></ankieta-scale>`);
    expect(radios(el)).to.have.length(5);
    expect(el.validity.valueMissing).to.equal(true);
  });

  it('reaches "not applicable" with the arrow keys like any other answer', async () => {
    const el = await fixture<AnkietaScale>(html`<ankieta-scale label="Teza" not-applicable .value=${5}></ankieta-scale>`);
    el.focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(el.value).to.equal('na');
  });

  it('lays the points in a row when wide, "not applicable" below them, and stacks them when narrow', async () => {
    const el = await fixture<AnkietaScale>(html`<ankieta-scale label="Teza" not-applicable></ankieta-scale>`);
    const tops = () => radios(el).map((r) => Math.round(r.getBoundingClientRect().top));
    el.style.width = '900px';
    await el.updateComplete;
    const wide = tops();
    expect(new Set(wide.slice(0, 5)).size, 'the five points on one row').to.equal(1);
    expect(wide[5], '"not applicable" below them').to.be.greaterThan(wide[0]!);
    el.style.width = '320px';
    await el.updateComplete;
    expect(new Set(tops()).size).to.equal(6);
  });

  it('shows the points in columns inside a survey on a desktop', async () => {
    await clearDevice();
    const survey = await fixture<AnkietaSurvey>(html`<ankieta-survey
      locale="pl"
      .definition=${{
        id: 'scale-in-survey',
        version: 1,
        title: 'Ankieta',
        pages: [{ id: 'p', questions: [{ id: 's', type: 'scale', scale: 'agree5', notApplicable: true, title: 'Teza' }] }],
      }}
    ></ankieta-survey>`);
    survey.style.width = '1280px';
    await waitUntil(() => survey.shadowRoot!.querySelector('ankieta-scale')?.shadowRoot?.querySelector('input'));
    const el = survey.shadowRoot!.querySelector<AnkietaScale>('ankieta-scale')!;
    await el.updateComplete;
    expect(
      new Set(
        radios(el)
          .slice(0, 5)
          .map((r) => Math.round(r.getBoundingClientRect().top)),
      ).size,
      'one row',
    ).to.equal(1);
  });

  it('never cuts a word of the built-in answers, at any width from 320 to 1000 px', async () => {
    for (const [scaleName, locale, fontSize] of [
      ['agree5', 'pl', '1rem'],
      ['quality5', 'pl', '1rem'],
      ['agree5', 'en', '1rem'],
      ['agree5', 'pl', '1.5rem'],
    ] as const) {
      const el = await fixture<AnkietaScale>(
        html`<ankieta-scale label="Teza" scale=${scaleName} locale=${locale} not-applicable></ankieta-scale>`,
      );
      el.style.setProperty('--ankieta-font-size', fontSize);
      const probe = document.createElement('span');
      probe.style.cssText = 'position: absolute; white-space: nowrap; visibility: hidden';
      for (let width = 320; width <= 1000; width += 16) {
        el.style.width = `${width}px`;
        for (const text of el.shadowRoot!.querySelectorAll<HTMLElement>('.option .text')) {
          const words = text.textContent!.trim().split(/\s+/);
          text.append(probe);
          const room = text.getBoundingClientRect().width;
          for (const word of words) {
            probe.textContent = word;
            expect(
              probe.getBoundingClientRect().width,
              `${scaleName} ${locale} ${fontSize} at ${width}px: "${word}" in ${Math.round(room)}px`,
            ).to.be.at.most(room + 0.5);
          }
          probe.remove();
        }
      }
    }
  });
});
