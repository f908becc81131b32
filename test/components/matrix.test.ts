import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/matrix/matrix.js';
import type { AnkietaMatrix, MatrixValue } from '../../src/components/matrix/matrix.js';
import { pl, translate } from '../../src/i18n/index.js';
import { formControlSuite, type Control } from './form-control-suite.js';
import { cutWords } from '../support/words.js';
import { printMode } from '../support/print-mode.js';

const matrix = (el: Control) => el as unknown as AnkietaMatrix;
const ROWS = [
  { id: 'venue', label: 'Sala' },
  { id: 'timing', label: 'Czas i punktualność' },
  { id: 'catering', label: 'Catering' },
];
const rowSets = (el: AnkietaMatrix) => [...el.shadowRoot!.querySelectorAll<HTMLFieldSetElement>('[part~="row"]')];
const radiosOf = (row: Element) => [...row.querySelectorAll<HTMLInputElement>('input[type=radio]')];
const errorText = (el: AnkietaMatrix) => el.shadowRoot!.querySelector('[part~="error"]')!.textContent!.trim();

formControlSuite({
  tag: 'ankieta-matrix',
  setup: (el) => {
    matrix(el).rows = [{ id: 'venue', label: 'Sala' }];
    matrix(el).scale = 'quality5';
  },
  empty: {},
  valid: { venue: 4 },
  validEntries: [['q.venue', '4']],
  unfit: { venue: 999 },
  validAsText: { venue: '4' },
  get: (el) => matrix(el).value,
  set: (el, answer) => (matrix(el).value = answer as MatrixValue),
  userChange: () => sendKeys({ press: ' ' }),
  changed: { venue: 1 },
  arrows: [{ venue: 1 }, { venue: 2 }],
  setTexts: (el, text) => {
    matrix(el).rows = [{ id: 'venue', label: text }];
    matrix(el).points = [
      { value: 1, label: text },
      { value: 2, label: text },
    ];
    matrix(el).notApplicable = true;
    matrix(el).naLabel = text;
  },
});

async function inForm(template: ReturnType<typeof html>) {
  const form = await fixture<HTMLFormElement>(html`<form>${template}<button type="button">Dalej</button></form>`);
  return { form, el: form.querySelector('ankieta-matrix')! };
}

describe('<ankieta-matrix>', () => {
  it('takes rows = null or undefined as none, without throwing, and works once the rows arrive', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><ankieta-matrix name="org" label="Organizacja"></ankieta-matrix></form>`);
    const el = form.querySelector('ankieta-matrix')!;
    for (const empty of [null, undefined]) {
      el.rows = empty;
      el.value = { venue: 4 };
      await el.updateComplete;
      expect(rowSets(el), String(empty)).to.have.length(0);
    }
    el.rows = ROWS;
    await el.updateComplete;
    expect(rowSets(el)).to.have.length(3);
    expect(new FormData(form).get('org.venue')).to.equal('4');
  });

  it('groups each row in its own fieldset, named by the row, with radios named by the points', async () => {
    const el = await fixture<AnkietaMatrix>(html`<ankieta-matrix label="Organizacja" scale="quality5" .rows=${ROWS}></ankieta-matrix>`);
    const rows = rowSets(el);
    expect(rows.map((r) => r.querySelector('legend')!.textContent!.trim())).to.deep.equal(['Sala', 'Czas i punktualność', 'Catering']);
    for (const row of rows) {
      expect(row.parentElement!.closest('fieldset')).to.equal(el.shadowRoot!.querySelector('[part~="base"]'));
      expect(radiosOf(row).map((r) => r.labels![0]!.textContent!.trim())).to.deep.equal([
        pl.quality5_1,
        pl.quality5_2,
        pl.quality5_3,
        pl.quality5_4,
        pl.quality5_5,
      ]);
    }
  });

  it("reads the hint once, on the question's group, not on every row or radio", async () => {
    const el = await fixture<AnkietaMatrix>(
      html`<ankieta-matrix name="m" label="Ocena" hint="Proszę wybrać „Nie dotyczy”, jeśli nie było mnie." .rows=${ROWS}></ankieta-matrix>`,
    );
    expect(el.shadowRoot!.querySelector('fieldset[part~="base"]')!.getAttribute('aria-describedby')).to.equal('hint');
    for (const row of rowSets(el)) {
      expect(row.hasAttribute('aria-describedby'), 'no row description before an error').to.equal(false);
      for (const radio of radiosOf(row)) expect(radio.hasAttribute('aria-describedby'), 'no description before an error').to.equal(false);
    }
  });

  it('submits <name>.<rowId> per answered row and needs every row when required', async () => {
    const { form, el } = await inForm(
      html`<ankieta-matrix name="org" label="Organizacja" required not-applicable .rows=${ROWS}></ankieta-matrix>`,
    );
    expect(el.validationMessage, 'no row answered is simply unanswered').to.equal(translate('pl', 'errorRequired'));
    radiosOf(rowSets(el)[0]!)[4]!.click();
    radiosOf(rowSets(el)[2]!)[5]!.click();
    await el.updateComplete;
    expect(el.value).to.deep.equal({ venue: 5, catering: 'na' });
    expect([...new FormData(form).entries()]).to.deep.equal([
      ['org.venue', '5'],
      ['org.catering', 'na'],
    ]);
    expect(el.validity.valueMissing).to.equal(true);
    expect(el.validationMessage).to.equal('Proszę odpowiedzieć w\u00a0każdym wierszu (brakuje 1 odpowiedzi).');
    radiosOf(rowSets(el)[1]!)[2]!.click();
    await el.updateComplete;
    expect(form.checkValidity()).to.equal(true);
  });

  it('has one tab stop per row, arrows stay in the row, and the error waits until the user leaves', async () => {
    const { el } = await inForm(html`<ankieta-matrix name="org" label="Organizacja" required .rows=${ROWS}></ankieta-matrix>`);
    el.focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.value).to.deep.equal({ venue: 3, timing: 2 });
    expect(errorText(el), 'not while answering the rows').to.equal('');
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(el);
    expect(rowSets(el)[2]!.contains(el.shadowRoot!.activeElement)).to.equal(true);
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(document.activeElement).to.not.equal(el);
    expect(errorText(el)).to.equal('Proszę odpowiedzieć w\u00a0każdym wierszu (brakuje 1 odpowiedzi).');
  });

  it('marks only the rows still to answer, and focus goes to the first of them', async () => {
    const { el } = await inForm(html`<ankieta-matrix name="org" label="Organizacja" required .rows=${ROWS}></ankieta-matrix>`);
    radiosOf(rowSets(el)[0]!)[3]!.click();
    el.reportValidity();
    await el.updateComplete;
    expect(errorText(el)).to.equal('Proszę odpowiedzieć w\u00a0każdym wierszu (brakuje 2 odpowiedzi).');
    const [answered, ...open] = rowSets(el);
    expect(
      radiosOf(answered!).map((r) => r.getAttribute('aria-invalid')),
      'the answered row is not invalid',
    ).to.deep.equal(Array(5).fill('false'));
    expect(answered!.getAttribute('aria-describedby') ?? '', 'nor described by the error').not.to.include('error');
    for (const row of open) {
      expect(radiosOf(row).every((r) => r.getAttribute('aria-invalid') === 'true')).to.equal(true);
      expect(row.getAttribute('aria-describedby'), 'the row described by the error, once').to.equal('error');
    }
    expect(
      rowSets(el)
        .flatMap(radiosOf)
        .filter((r) => r.hasAttribute('aria-describedby')),
      'no radio described by it: 3 × 5 times in all',
    ).to.deep.equal([]);
    expect(
      open.map((row) => row.querySelector('legend')!.textContent!.trim()),
      'said in words, for everyone',
    ).to.deep.equal(['Czas i punktualność – brak odpowiedzi', 'Catering – brak odpowiedzi']);
    expect(answered!.querySelector('legend')!.textContent!.trim()).to.equal('Sala');
    el.focus();
    expect(el.shadowRoot!.activeElement, 'focus on the first row without an answer').to.equal(radiosOf(open[0]!)[0]);
    radiosOf(open[0]!)[1]!.click();
    radiosOf(open[1]!)[1]!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('.row-missing')).to.have.length(0);
  });

  it("the form's own validation lands on the first row still to answer; a page's error on a non-required matrix marks every row", async () => {
    const { form, el } = await inForm(html`<ankieta-matrix name="org" label="Organizacja" required .rows=${ROWS}></ankieta-matrix>`);
    radiosOf(rowSets(el)[0]!)[3]!.click();
    await el.updateComplete;
    form.reportValidity();
    expect(el.shadowRoot!.activeElement, 'the first unanswered row, not the answered one').to.equal(radiosOf(rowSets(el)[1]!)[0]);
    const optional = await fixture<AnkietaMatrix>(html`<ankieta-matrix label="Organizacja" .rows=${ROWS}></ankieta-matrix>`);
    radiosOf(rowSets(optional)[0]!)[3]!.click();
    optional.error = 'Odpowiedzi są sprzeczne.';
    await optional.updateComplete;
    expect(optional.shadowRoot!.querySelectorAll('.row-missing'), 'no row is "missing" in an optional matrix').to.have.length(0);
    expect(
      rowSets(optional)
        .flatMap(radiosOf)
        .every((r) => r.getAttribute('aria-invalid') === 'true'),
      'every row invalid',
    ).to.equal(true);
  });

  it('shows the points as aligned columns under a hidden-from-AT header when wide, stacked rows when narrow', async () => {
    const el = await fixture<AnkietaMatrix>(html`<ankieta-matrix label="Organizacja" not-applicable .rows=${ROWS}></ankieta-matrix>`);
    const header = el.shadowRoot!.querySelector<HTMLElement>('.header')!;
    expect(header.getAttribute('aria-hidden')).to.equal('true');
    expect([...header.querySelectorAll('.cell')].map((c) => c.textContent!.trim())).to.deep.equal([
      pl.agree5_1,
      pl.agree5_2,
      pl.agree5_3,
      pl.agree5_4,
      pl.agree5_5,
      pl.notApplicable,
    ]);

    el.style.width = '900px';
    // The header is measured when its observer reports, before the next paint.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    expect(header.getBoundingClientRect().height).to.be.greaterThan(0);
    const headerCells = [...header.querySelectorAll('.cell')].map((c) => c.getBoundingClientRect());
    for (const row of rowSets(el)) {
      const radios = radiosOf(row);
      expect(new Set(radios.map((r) => Math.round(r.getBoundingClientRect().top))).size, 'one line per row').to.equal(1);
      radios.forEach((radio, i) => {
        const box = radio.getBoundingClientRect();
        const centre = box.left + box.width / 2;
        expect(centre).to.be.within(headerCells[i]!.left, headerCells[i]!.right);
      });
      const option = radios[0]!.labels![0]!;
      expect(option.querySelector<HTMLElement>('.point-label')!.getBoundingClientRect().height, 'label text hidden').to.equal(0);
      // Not positioned: an absolutely positioned label placed against the host made Chromium lay
      // out every matrix's hidden labels again on each keystroke in the page.
      expect(getComputedStyle(option.querySelector('.point-label')!).position).to.equal('static');
    }

    el.style.width = '320px';
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    expect(header.getBoundingClientRect().height).to.equal(0);
    const radios = radiosOf(rowSets(el)[0]!);
    expect(new Set(radios.map((r) => Math.round(r.getBoundingClientRect().top))).size, 'stacked').to.equal(6);
    expect(radios[0]!.labels![0]!.querySelector('.point-label')!.getBoundingClientRect().width, 'label text shown').to.be.greaterThan(50);
    expect(el.scrollWidth).to.be.at.most(el.clientWidth);
    // The label is floated so the row's stripe is behind all of it (checked by eye: a legend in
    // its usual place straddles the row's top edge, which no box position shows); the answers
    // must still start below it, not beside it.
    for (const row of rowSets(el)) {
      const legend = row.querySelector('legend')!.getBoundingClientRect();
      expect(legend.top, 'the label starts inside its row').to.be.at.least(row.getBoundingClientRect().top);
      expect(legend.bottom, 'the answers below the label').to.be.at.most(radiosOf(row)[0]!.getBoundingClientRect().top);
    }
  });

  it('never cuts a word of a column heading: columns that fit line up with the header, else the rows stay stacked', async () => {
    const layouts: string[] = [];
    for (const [scale, locale, width] of [
      ['quality5', 'pl', 670],
      ['agree5', 'en', 670],
      ['agree5', 'pl', 670],
      ['agree5', 'pl', 1000],
    ] as const) {
      const el = await fixture<AnkietaMatrix>(
        html`<ankieta-matrix label="Ocena" scale=${scale} locale=${locale} not-applicable .rows=${ROWS}></ankieta-matrix>`,
      );
      el.style.width = `${width}px`;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const what = `${scale} ${locale} ${width}px`;
      const cells = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.header .cell')];
      const radios = radiosOf(rowSets(el)[0]!);
      const columns = new Set(radios.map((r) => Math.round(r.getBoundingClientRect().top))).size === 1;
      if (columns) {
        expect(cutWords(cells), what).to.deep.equal([]);
        for (const row of rowSets(el))
          radiosOf(row).forEach((radio, i) => {
            const box = radio.getBoundingClientRect();
            const header = cells[i]!.getBoundingClientRect();
            expect(box.left + box.width / 2, `${what} column ${i}`).to.be.closeTo(header.left + header.width / 2, 1);
          });
      } else {
        expect(new Set(radios.map((r) => Math.round(r.getBoundingClientRect().top))).size, `${what} stacked`).to.equal(6);
        expect(getComputedStyle(el.shadowRoot!.querySelector('.header')!).visibility, `${what}: no header over stacked rows`).to.equal(
          'hidden',
        );
        expect(cutWords(el.shadowRoot!.querySelectorAll<HTMLElement>('.point-label')), what).to.deep.equal([]);
      }
      expect(el.scrollWidth, `${what}: no sideways scroll`).to.be.at.most(el.clientWidth);
      layouts.push(`${what}: ${columns ? 'columns' : 'stacked'}`);
    }
    // The words that fit in columns at 670 px on this machine's fonts; the wider page has room for all.
    expect(layouts.filter((l) => l.startsWith('quality5') || l.endsWith('1000px: columns')).length, layouts.join('; ')).to.equal(2);
    expect(layouts.filter((l) => l.endsWith('columns')).length, layouts.join('; ')).to.be.at.least(2);
  });

  it('on paper, columns measured on a wide screen still fit the page (no column cut off)', async () => {
    const el = await fixture<AnkietaMatrix>(
      html`<ankieta-matrix label="Ocena" scale="agree5" locale="pl" not-applicable .rows=${ROWS} style="width: 1000px"></ankieta-matrix>`,
    );
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const restore = await printMode(el);
    try {
      // The page is narrower than the screen was, and nothing measures it again before printing.
      el.style.width = '670px';
      expect(el.scrollWidth, 'within the page').to.be.at.most(el.clientWidth);
    } finally {
      await restore();
    }
  });

  it('keeps the answers of known rows when the value names a row that no longer exists', async () => {
    const { form, el } = await inForm(html`<ankieta-matrix name="org" label="Organizacja" .rows=${ROWS}></ankieta-matrix>`);
    el.value = { venue: 2, removed: 5 };
    await el.updateComplete;
    expect([...new FormData(form).entries()]).to.deep.equal([['org.venue', '2']]);
    expect(radiosOf(rowSets(el)[0]!)[1]!.checked).to.equal(true);
  });

  it('uses custom points and the English labels', async () => {
    const el = await fixture<AnkietaMatrix>(html`<ankieta-matrix
      label="Talks"
      locale="en"
      not-applicable
      .rows=${ROWS}
      .points=${[
        { value: 0, label: 'No' },
        { value: 1, label: 'Yes' },
      ]}
    ></ankieta-matrix>`);
    expect(radiosOf(rowSets(el)[0]!).map((r) => r.labels![0]!.textContent!.trim())).to.deep.equal([
      'No',
      'Yes',
      'Don’t know / not applicable',
    ]);
  });
});
