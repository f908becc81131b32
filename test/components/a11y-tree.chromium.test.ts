// What Chromium's accessibility tree (the one a screen reader reads) says about every question
// type (names, groups, required and invalid states), the charts and the table regions (names and
// descriptions given once, not twice). Chromium only: it reads the tree through the DevTools
// protocol (test/support/a11y-plugin.mjs).
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/components/results/results.js';
import '../../src/components/survey/survey.js';
import '../../src/components/nps/nps.js';
import '../../src/components/rating/rating.js';
import '../../src/components/text/text.js';
import { translate } from '../../src/i18n/index.js';
import '../../src/components/report/report.js';
import type { AnkietaReport } from '../../src/components/report/report.js';
import { partnershipSelfAssessment } from '../../src/templates/partnership.js';
import { generateResponses } from '../report/generate.js';

interface AxNode {
  role: string;
  name: string;
  description: string;
  properties: Record<string, unknown>;
}
const tree = () => executeServerCommand<AxNode[], undefined>('a11y:tree');

const definition = partnershipSelfAssessment({ crossSector: false });
const answers = { sector: 'jst', a1: 5, a2: 4, a3: 4, a4: 3, a5: 4, a6: 4, b1: 2, b2: 1, b3: 2, b4: 3, b5: 2, b7: 2 };

const OPTIONS = [
  { value: 'mayor', label: 'Wójt, burmistrz, prezydent' },
  { value: 'staff', label: 'Pracownik urzędu' },
];
const ROWS = [
  { id: 'venue', label: 'Sala' },
  { id: 'timing', label: 'Czas i punktualność' },
];
/** Every question element, required, as a page composes it: [what it is, markup, radio groups inside]. */
const QUESTIONS = [
  ['rating', html`<ankieta-rating name="q" label="Ogólna ocena" required></ankieta-rating>`],
  ['scale', html`<ankieta-scale name="q" label="Ogólna ocena" required not-applicable></ankieta-scale>`],
  ['nps', html`<ankieta-nps name="q" label="Ogólna ocena" required></ankieta-nps>`],
  ['choice (radios)', html`<ankieta-choice name="q" label="Ogólna ocena" required .options=${OPTIONS}></ankieta-choice>`],
  ['choice (checkboxes)', html`<ankieta-choice name="q" label="Ogólna ocena" required multiple .options=${OPTIONS}></ankieta-choice>`],
  [
    'choice (dropdown)',
    html`<ankieta-choice name="q" label="Ogólna ocena" required display="dropdown" .options=${OPTIONS}></ankieta-choice>`,
  ],
  ['text', html`<ankieta-text name="q" label="Ogólna ocena" required></ankieta-text>`],
  ['text (multiline)', html`<ankieta-text name="q" label="Ogólna ocena" required multiline></ankieta-text>`],
  ['matrix', html`<ankieta-matrix name="q" label="Ogólna ocena" required scale="quality5" .rows=${ROWS}></ankieta-matrix>`],
  [
    'matrix (at 320 px)',
    html`<ankieta-matrix name="q" label="Ogólna ocena" required scale="quality5" .rows=${ROWS} style="width: 320px"></ankieta-matrix>`,
  ],
  ['consent', html`<ankieta-consent name="q" label="Ogólna ocena" required text="Klauzula informacyjna."></ankieta-consent>`],
] as const;
const CONTROL_ROLES = ['radio', 'checkbox', 'textbox', 'combobox'];
const GROUP_ROLES = ['radiogroup', 'group'];

describe('accessibility tree (Chromium)', () => {
  for (const [kind, markup] of QUESTIONS) {
    it(`${kind}: named by its question, every control named, required exposed, invalid only once an error shows`, async () => {
      const form = await fixture<HTMLFormElement>(html`<form>${markup}</form>`);
      const el = form.firstElementChild as HTMLElement & { reportValidity(): boolean; updateComplete: Promise<unknown> };
      await el.updateComplete;
      const before = await tree();
      const controls = before.filter((n) => CONTROL_ROLES.includes(n.role));
      expect(controls.length, 'controls in the tree').to.be.greaterThan(0);
      for (const c of controls) expect(c.name.trim(), `a ${c.role} without a name`).to.not.equal('');
      // The question names the group around the controls, or the one control itself.
      const named = [...before.filter((n) => GROUP_ROLES.includes(n.role)), ...controls].filter((n) => n.name.startsWith('Ogólna ocena'));
      expect(named, 'a group or control named by the question').to.have.length(1);
      expect(named[0]!.name, 'no space left at the end by the asterisk').to.not.match(/\s$/);
      // Required: a radio group and a text field say it as a state; checkboxes and a select,
      // which Chromium gives no required state, say "(wymagane)" in their name.
      const groups = before.filter((n) => n.role === 'radiogroup');
      const requiredSaid = (n: AxNode) => n.properties.required === true || n.name.includes(`(${translate('pl', 'required')})`);
      if (groups.length) for (const g of groups) expect(requiredSaid(g), `radio group "${g.name}" required`).to.equal(true);
      else expect(controls.some(requiredSaid) || named.some(requiredSaid), 'required exposed').to.equal(true);
      for (const c of controls) expect(c.properties.invalid, `${c.role} "${c.name}" invalid before any error`).to.equal('false');

      el.reportValidity();
      await el.updateComplete;
      const message = translate('pl', kind === 'consent' ? 'errorConsent' : 'errorRequired');
      const after = await tree();
      for (const c of after.filter((n) => CONTROL_ROLES.includes(n.role))) {
        expect(c.properties.invalid, `${c.role} "${c.name}" invalid once the error shows`).to.equal('true');
        // A matrix says it once per row, as focus enters the row: not on each of its radios.
        if (kind.startsWith('matrix')) expect(c.description, `${c.role} "${c.name}" not described by the error`).to.not.include(message);
        else expect(c.description, `${c.role} "${c.name}" described by the error`).to.include(message);
      }
      if (kind.startsWith('matrix'))
        for (const row of ROWS) {
          const described = after.filter((n) => n.role === 'radiogroup' && n.name.startsWith(row.label)).map((n) => n.description);
          expect(described, `row "${row.label}" described by the error`).to.deep.equal([message]);
        }
    });
  }

  it('gives the inputs of a question without a label the name the page gives the element', async () => {
    await fixture(html`<form>
      <ankieta-text name="a" aria-label="Adres do korespondencji"></ankieta-text>
      <span id="role-heading">Rola w samorządzie</span>
      <ankieta-choice name="b" aria-labelledby="role-heading" .options=${OPTIONS}></ankieta-choice>
      <label for="stars">Ocena sali</label>
      <ankieta-rating name="c" id="stars"></ankieta-rating>
      <ankieta-consent name="d" aria-label="Zgoda na kontakt"></ankieta-consent>
    </form>`);
    await new Promise((r) => setTimeout(r, 50));
    const nodes = await tree();
    const named = (role: string) => nodes.filter((n) => n.role === role).map((n) => n.name.replace(/\s+/g, ' ').trim());
    expect(named('textbox')).to.deep.equal(['Adres do korespondencji']);
    expect(named('radiogroup')).to.have.members(['Rola w samorządzie', 'Ocena sali']);
    expect(named('group')).to.include('Zgoda na kontakt');
  });

  it('puts a sentence break between the parts of a description, not a run-on', async () => {
    const form = await fixture<HTMLFormElement>(html`<form>
      <ankieta-nps name="nps" label="Polecenie" required></ankieta-nps>
      <ankieta-rating name="rating" label="Ocena" required min-label="Bardzo źle" max-label="Bardzo dobrze"></ankieta-rating>
      <ankieta-text name="email" label="Adres e-mail" format="email" value="nazwa"></ankieta-text>
      <ankieta-text name="text" label="Uwagi" maxlength="22" value="Odpowiedź o 23 znakach." hint="Bez danych osobowych"></ankieta-text>
    </form>`);
    for (const el of form.children) (el as HTMLElement & { reportValidity(): boolean }).reportValidity();
    for (const el of form.children) await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const nodes = await tree();
    const flat = (text: string) => text.replace(/\s+/g, ' ');
    const described = (name: string) => flat(nodes.find((n) => flat(n.name) === name)?.description ?? '');
    const required = flat(translate('pl', 'errorRequired'));
    expect(described('0')).to.equal(`Zdecydowanie nie. ${required}`);
    expect(described('10')).to.equal(`Na pewno. ${required}`);
    expect(described('1 z 5')).to.equal(`Bardzo źle. ${required}`);
    expect(described('5 z 5')).to.equal(`Bardzo dobrze. ${required}`);
    expect(described('Adres e-mail')).to.equal(`Na przykład nazwa@domena.pl. ${flat(translate('pl', 'errorEmail'))}`);
    expect(described('Uwagi')).to.equal(
      `Bez danych osobowych. Przekroczono limit o 1 znak. ${flat(translate('pl', 'errorMaxLength', { count: 22 }))}`,
    );
  });

  it('describes the page heading, focused on every page change, by where the respondent is', async () => {
    const el = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(
      html`<ankieta-survey locale="pl" .definition=${definition}></ankieta-survey>`,
    );
    await new Promise((r) => setTimeout(r, 100));
    await el.updateComplete;
    const headings = (await tree()).filter((n) => n.role === 'heading' && n.description);
    // A full stop for a pause between the two, run into the number as written ("4 ." is read "kropka").
    expect(headings.map((n) => n.description.replace(/\s+/g, ' '))).to.satisfy(
      (d: string[]) => d.length === 1 && /^Strona 1 z 4\. Zostało 14 pytań$/.test(d[0]!),
      JSON.stringify(headings.map((n) => n.description)),
    );
  });

  it('names the results chart by its title and describes it by the scores, each once', async () => {
    await fixture(html`<ankieta-results .definition=${definition} .response=${{ answers }} locale="pl"></ankieta-results>`);
    const images = (await tree()).filter((n) => n.role === 'image');
    expect(
      images.map((n) => n.name),
      'one chart image, named by its title',
    ).to.deep.equal(['Wyniki w\u00a0obszarach (od 0 do 100)']);
    expect(images[0]!.description).to.equal(
      'Zarządzanie strategiczne: 75 na 100, poziom: Mocna strona; Zarządzanie relacjami: 25 na 100, poziom: Wymaga uwagi',
    );
  });

  /** The report of 30 partnership self-assessments in Polish, in a box `width` px wide. */
  async function partnershipReport(width: number): Promise<AnkietaReport> {
    const partnership = partnershipSelfAssessment();
    const el = document.createElement('ankieta-report') as AnkietaReport;
    el.locale = 'pl';
    el.definition = partnership;
    el.responses = generateResponses(partnership, 30, { seed: 1 });
    const ready = oneEvent(el, 'ankieta-ready');
    await fixture(html`<div style=${`width: ${width}px`}>${el}</div>`);
    await ready;
    await el.updateComplete;
    return el;
  }

  it('names each table region of the report once', async function (this: { timeout(ms: number): void }) {
    this.timeout(60_000);
    await partnershipReport(320);
    const regions = (await tree()).filter((n) => n.role === 'region');
    expect(regions.length, 'table regions that scroll at 320 px').to.be.greaterThan(0);
    for (const { name } of regions) {
      const words = name.split(' ');
      const half = words.length / 2;
      const doubled = Number.isInteger(half) && words.slice(0, half).join(' ') === words.slice(half).join(' ');
      expect(doubled, `region name said twice: "${name}"`).to.equal(false);
    }
    expect(regions.map((r) => r.name)).to.include('Wyniki w\u00a0obszarach Wyniki w\u00a0tabeli');
  });

  it('gives the report one landmark of its own and one per table only while that table scrolls', async function (this: {
    timeout(ms: number): void;
  }) {
    this.timeout(60_000);
    const el = await partnershipReport(1200);
    const wrapper = el.parentElement!;
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const tables = () => [...el.shadowRoot!.querySelectorAll<HTMLElement>('.table-scroll')];
    const scrolling = () => tables().filter((t) => t.scrollWidth > t.clientWidth + 1).length;
    for (const width of [1200, 320]) {
      wrapper.style.width = `${width}px`;
      await frame();
      const regions = (await tree()).filter((n) => n.role === 'region');
      // A screen reader's landmark list: the report, then only the tables to scroll (each question
      // is found by its heading); 30-odd landmarks that do nothing made the list useless.
      expect(
        regions.map((r) => r.name),
        `${width} px: ${scrolling()} of ${tables().length} tables scroll`,
      ).to.have.length(1 + scrolling());
      expect(regions[0]!.name, 'the report itself').to.equal(el.shadowRoot!.querySelector('#report-title')!.textContent!.trim());
    }
    expect(scrolling(), 'some tables scroll at 320 px').to.be.greaterThan(0);
  });
});
