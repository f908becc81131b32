import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/nps/nps.js';
import type { AnkietaNps } from '../../src/components/nps/nps.js';
import { formControlSuite, type Control } from './form-control-suite.js';
import { cutWords, overflowing } from '../support/words.js';
import { forcedColours, systemColour } from '../support/forced-colours.js';

const nps = (el: Control) => el as unknown as AnkietaNps;
const radios = (el: AnkietaNps) => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')];

formControlSuite({
  tag: 'ankieta-nps',
  empty: null,
  valid: 9,
  validEntries: [['q', '9']],
  validAsText: '9',
  get: (el) => nps(el).value,
  set: (el, answer) => (nps(el).value = answer as number | null),
  userChange: () => sendKeys({ press: ' ' }),
  changed: 0,
  arrows: [0, 1],
  setTexts: (el, text) => {
    nps(el).minLabel = text;
    nps(el).maxLabel = text;
  },
});

describe('<ankieta-nps>', () => {
  it("draws an unanswered required scale in the user's forced colours, not the site's red (WCAG 1.4.11)", async () => {
    const el = await fixture<AnkietaNps>(html`<ankieta-nps label="Polecenie" required></ankieta-nps>`);
    el.reportValidity();
    await el.updateComplete;
    forcedColours(el);
    const borders = [...el.shadowRoot!.querySelectorAll('.box')].map((box) => getComputedStyle(box).borderTopColor);
    expect(radios(el)[0]!.getAttribute('aria-invalid')).to.equal('true');
    expect([...new Set(borders)]).to.deep.equal([systemColour('CanvasText')]);
  });

  it("keeps the picked number filled when disabled, and draws a disabled scale in forced colours (grey text, not the site's tiles)", async () => {
    const form = await fixture<HTMLFieldSetElement>(
      html`<fieldset disabled><ankieta-nps label="Polecenie" .value=${7}></ankieta-nps></fieldset>`,
    );
    const el = form.querySelector('ankieta-nps')!;
    await el.updateComplete;
    const boxes = () => [...el.shadowRoot!.querySelectorAll('.box')].map((box) => getComputedStyle(box));
    const picked = el.shadowRoot!.querySelector('input:checked + .box')!;
    const other = boxes()[0]!;
    expect(getComputedStyle(picked).backgroundColor, 'the picked number stands out from the others').to.not.equal(other.backgroundColor);
    forcedColours(el);
    const [first] = boxes();
    expect([first!.backgroundColor, first!.color], 'an unpicked number').to.deep.equal([systemColour('Canvas'), systemColour('GrayText')]);
    expect(getComputedStyle(picked).backgroundColor, 'the picked one').to.equal(systemColour('Highlight'));
  });

  it('ends each anchor label with a full stop heard, not seen, so the error after it is a new sentence', async () => {
    const el = await fixture<AnkietaNps>(html`<ankieta-nps label="Polecenie" max-label="Na pewno!"></ankieta-nps>`);
    const min = el.shadowRoot!.getElementById('min-label')!;
    expect(min.textContent!.trim()).to.equal('Zdecydowanie nie.');
    expect(el.shadowRoot!.getElementById('max-label')!.textContent!.trim()).to.equal('Na pewno!');
    const dot = min.querySelector('.stop')!.getBoundingClientRect();
    expect([dot.width, dot.height], 'the full stop takes no room').to.deep.equal([0, 0]);
  });

  it('offers 0 to 10 with visible numbers', async () => {
    const el = await fixture<AnkietaNps>(html`<ankieta-nps label="Polecenie"></ankieta-nps>`);
    expect(radios(el).map((r) => r.labels![0]!.textContent!.trim())).to.deep.equal([
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
    ]);
  });

  it('keeps long end labels inside the question with text at 200 % on a phone, broken inside a word if need be', async () => {
    document.documentElement.style.fontSize = '32px';
    try {
      const el = await fixture<AnkietaNps>(html`<div style="width: 190px"><ankieta-nps label="Polecenie"></ankieta-nps></div>`);
      const nps = el.querySelector('ankieta-nps')!;
      await nps.updateComplete;
      const edge = nps.shadowRoot!.querySelector('fieldset')!.getBoundingClientRect().right;
      const anchors = [...nps.shadowRoot!.querySelectorAll('.anchors span')].map((s) => Math.round(s.getBoundingClientRect().right));
      expect(
        anchors.filter((right) => right > edge + 1),
        `end labels past the edge at ${Math.round(edge)} px`,
      ).to.deep.equal([]);
    } finally {
      document.documentElement.style.removeProperty('font-size');
    }
  });

  it('counts 0 as an answer', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><ankieta-nps name="q" label="Polecenie" required></ankieta-nps></form>`);
    const el = form.querySelector('ankieta-nps')!;
    el.value = 0;
    await el.updateComplete;
    expect(form.checkValidity()).to.equal(true);
    expect(new FormData(form).get('q')).to.equal('0');
  });

  it('shows the catalog anchors by default, in the right language, and describes 0 and 10 with them', async () => {
    const el = await fixture<AnkietaNps>(html`<ankieta-nps label="Polecenie"></ankieta-nps>`);
    const text = (id: string) => el.shadowRoot!.getElementById(id)!.textContent!.trim();
    expect([text('min-label'), text('max-label')]).to.deep.equal(['Zdecydowanie nie.', 'Na pewno.']);
    expect(radios(el)[0]!.getAttribute('aria-describedby')).to.contain('min-label');
    expect(radios(el)[10]!.getAttribute('aria-describedby')).to.contain('max-label');
    el.locale = 'en';
    await el.updateComplete;
    expect([text('min-label'), text('max-label')]).to.deep.equal(['Not at all likely.', 'Extremely likely.']);
    el.minLabel = 'Wcale';
    el.maxLabel = 'Bardzo';
    await el.updateComplete;
    expect([text('min-label'), text('max-label')]).to.deep.equal(['Wcale.', 'Bardzo.']);
  });

  it('lays the numbers out in one row when wide and wraps them when narrow', async () => {
    const el = await fixture<AnkietaNps>(html`<ankieta-nps label="Polecenie"></ankieta-nps>`);
    const rows = () => new Set(radios(el).map((r) => Math.round(r.labels![0]!.getBoundingClientRect().top))).size;
    el.style.width = '800px';
    await el.updateComplete;
    expect(rows()).to.equal(1);
    el.style.width = '300px';
    await el.updateComplete;
    expect(rows()).to.equal(2);
    // What a 320 px phone leaves inside a page's margins and the survey's padding.
    el.style.width = '238px';
    await el.updateComplete;
    expect(rows()).to.equal(3);
    const right = el.getBoundingClientRect().right;
    expect(
      radios(el)
        .filter((r) => r.labels![0]!.getBoundingClientRect().right > right + 0.5)
        .map((r) => r.value),
      'numbers sticking out (WCAG 1.4.10)',
    ).to.deep.equal([]);
  });

  it('fits a phone at 200 % text: no number past the edge, no end label cut inside a word (WCAG 1.4.4, 1.4.10)', async () => {
    const el = await fixture<AnkietaNps>(html`<ankieta-nps label="Polecenie"></ankieta-nps>`);
    document.documentElement.style.fontSize = '32px';
    try {
      // From a 320 px phone (238 px inside a page's margins and the survey's padding) up.
      for (let width = 238; width <= 640; width += 8) {
        el.style.width = `${width}px`;
        const right = el.getBoundingClientRect().right;
        expect(overflowing(el.shadowRoot!.querySelectorAll('.box'), right), `numbers past the edge at ${width}px`).to.deep.equal([]);
        expect(cutWords(el.shadowRoot!.querySelectorAll<HTMLElement>('.anchors span')), `at ${width}px`).to.deep.equal([]);
      }
    } finally {
      document.documentElement.style.fontSize = '';
    }
  });
});
