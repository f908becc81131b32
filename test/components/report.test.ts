import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/report/report.js';
import type { AnkietaReport } from '../../src/components/report/report.js';
import { partnershipSelfAssessment } from '../../src/templates/partnership.js';
import { conferenceEvaluation } from '../../src/templates/conference.js';
import type { Response, SurveyDefinition } from '../../src/schema/index.js';
import { generateResponses } from '../report/generate.js';
import { contrast, luminance, rgb } from '../support/contrast.js';
import { printMode } from '../support/print-mode.js';

const partnership = partnershipSelfAssessment();
const conference = conferenceEvaluation({
  id: 'opole',
  sessions: [
    { id: 'k', title: 'Otwarcie' },
    { id: 'w', type: 'workshop', title: 'Warsztat' },
  ],
});

const root = (el: AnkietaReport) => el.shadowRoot!;
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const section = (el: AnkietaReport, id: string) => root(el).querySelector(`#q-${id}`)!.closest('section')!;
const rowsOf = (table: Element | null) => [...(table?.querySelectorAll('tbody tr') ?? [])].map((tr) => [...tr.children].map(text));

let serial = 0;
function response(surveyId: string, answers: Response['answers']): Response {
  serial++;
  return {
    id: `00000000-0000-4000-8000-${serial.toString(16).padStart(12, '0')}`,
    surveyId,
    surveyVersion: 1,
    locale: 'pl',
    startedAt: '2016-04-18T12:00:00.000Z',
    submittedAt: '2016-04-18T12:10:00.000Z',
    answers,
  };
}

async function mount(definition: SurveyDefinition, responses?: readonly unknown[], attrs: { locale?: string; segment?: string } = {}) {
  const el = document.createElement('ankieta-report');
  el.locale = attrs.locale ?? 'pl';
  if (attrs.segment) el.segmentBy = attrs.segment;
  el.definition = definition;
  if (responses) el.responses = responses;
  const ready = oneEvent(el, 'ankieta-ready');
  await fixture(html`<div>${el}</div>`);
  await ready;
  return el;
}

describe('<ankieta-report>', () => {
  // axe walks every table cell of a long report: slow on a busy machine, hence the timeouts.
  it('is accessible with a breakdown, dimension scores and divergence flags', async function (this: { timeout(ms: number): void }) {
    this.timeout(60_000);
    const el = await mount(partnership, generateResponses(partnership, 30, { seed: 1 }), { segment: 'sector' });
    expect(root(el).querySelector('.flag'), 'the generated answers diverge').to.exist;
    await expect(el).to.be.accessible();
  });

  it('is accessible with the recommendation score, matrices and free text', async function (this: { timeout(ms: number): void }) {
    this.timeout(60_000);
    const el = await mount(conference, generateResponses(conference, 25, { seed: 2 }));
    expect(root(el).querySelector('.nps')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('gives the period of the responses, once for a single day, and dates an English reader cannot misread', async () => {
    const sameDay = [response('opole', { overall: 4 }), response('opole', { overall: 5 })];
    const polish = await mount(conference, sameDay);
    expect(text(root(polish).querySelector('.summary')))
      .to.include('Odpowiedzi z dnia 18.04.2016')
      .and.not.include('do 18.04.2016');
    const later = { ...response('opole', { overall: 3 }), submittedAt: '2016-05-02T09:00:00.000Z' };
    const english = await mount(conference, [...sameDay, later], { locale: 'en' });
    expect(text(root(english).querySelector('.summary'))).to.include('Responses from 18 Apr 2016 to 2 May 2016');
  });

  it('shows counts and shares that match the responses', async () => {
    // Overall: 5, 4, 4, 2, 1 → counts per point; mean 3.2; population SD √(11.8/5 − …) computed below.
    const values = [5, 4, 4, 2, 1];
    const responses = values.map((overall, i) => response('opole', { role: i < 3 ? 'staff' : 'ngo', overall, nps: 10 - i * 2 }));
    const el = await mount(conference, responses);
    expect(text(root(el).querySelector('.summary'))).to.include('Zestawienie obejmuje 5 odpowiedzi');
    const overall = section(el, 'overall');
    expect(text(overall)).to.include('Odpowiedzi udzieliło 5 osób');
    const mean = values.reduce((a, b) => a + b) / values.length;
    const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
    expect(text(overall)).to.include(
      // A semicolon: a comma after a decimal comma ("3,50, odchylenie") reads as another digit.
      `Średnia: ${mean.toFixed(2).replace('.', ',')}; odchylenie standardowe: ${sd.toFixed(2).replace('.', ',')}`,
    );
    expect(rowsOf(overall.querySelector('table'))).to.deep.equal([
      ['Bardzo źle', '1', '20%'],
      ['Źle', '1', '20%'],
      ['Przeciętnie', '0', '0%'],
      ['Dobrze', '2', '40%'],
      ['Bardzo dobrze', '1', '20%'],
    ]);
    expect(rowsOf(section(el, 'role').querySelector('table')).filter((r) => r[1] !== '0')).to.deep.equal([
      ['Osoba zatrudniona w JST lub jej jednostce organizacyjnej', '3', '60%'],
      ['Organizacja pozarządowa', '2', '40%'],
    ]);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`${theme}: frames each share bar at 3:1 against the report, so an empty bar still shows its track`, async () => {
      const el = await mount(conference, [response('opole', { overall: 5 })]);
      // The report follows the colour scheme of the page around it.
      el.parentElement!.style.colorScheme = theme;
      const surface = getComputedStyle(root(el).querySelector('[part~="base"]')!).backgroundColor;
      expect(luminance(rgb(surface)) < 0.5, `a ${theme} surface: ${surface}`).to.equal(theme === 'dark');
      const bars = [...root(el).querySelectorAll('svg.bar')];
      expect(bars.length).to.be.greaterThan(0);
      for (const bar of bars) {
        const style = getComputedStyle(bar);
        expect(style.borderTopStyle).to.equal('solid');
        const ratio = contrast(style.borderTopColor, surface);
        expect(ratio, `${style.borderTopColor} on ${surface}`).to.be.at.least(3);
      }
    });
  }

  it('shows the recommendation score with promoters, passives, detractors and n', async () => {
    // 10, 9, 9, 8, 7, 6, 3 → 3 promoters, 2 passives, 2 detractors of 7 → (3 − 2) / 7 = +14.
    const scores = [10, 9, 9, 8, 7, 6, 3];
    const el = await mount(
      conference,
      scores.map((nps) => response('opole', { role: 'staff', overall: 4, nps })),
    );
    const nps = section(el, 'nps');
    expect(text(nps.querySelector('.nps'))).to.equal('Wskaźnik rekomendacji: +14');
    expect(text(nps)).to.include('Odpowiedzi udzieliło 7 osób');
    expect(rowsOf(nps.querySelector('.nps-groups'))).to.deep.equal([
      ['Osoby polecające (9–10)', '3', '43%'],
      ['Osoby neutralne (7–8)', '2', '29%'],
      ['Osoby krytyczne (0–6)', '2', '29%'],
    ]);
    const distribution = rowsOf(nps.querySelectorAll('table')[1]!);
    expect(distribution.map((r) => r[0])).to.deep.equal(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(distribution.map((r) => Number(r[1]))).to.deep.equal([0, 0, 0, 1, 0, 0, 1, 1, 1, 2, 1]);
  });

  it('shows matrix row means with n, SD and "not present"', async () => {
    const el = await mount(conference, [
      response('opole', { role: 'staff', overall: 4, nps: 9, talks: { k: 5, w: 2 } }),
      response('opole', { role: 'staff', overall: 4, nps: 9, talks: { k: 4, w: 'na' } }),
      response('opole', { role: 'staff', overall: 4, nps: 9, talks: { k: 3 } }),
    ]);
    const rows = rowsOf(section(el, 'talks').querySelector('table'));
    expect(rows).to.deep.equal([
      ['Otwarcie', '4,00', '3', '0,82', '0'],
      ['Warsztat', '2,00', '1', '–', '1'],
    ]);
  });

  it('flags partnership items with SD ≥ 1 as "rozbieżne oceny", and not below', async () => {
    // a1: 1, 3, 1, 3, 5 → mean 2.6, population SD 1.50 → flagged; a2: 3, 4, 3, 4, 4 → SD 0.49 → not.
    const a1 = [1, 3, 1, 3, 5];
    const a2 = [3, 4, 3, 4, 4];
    const el = await mount(
      partnership,
      a1.map((v, i) => response(partnership.id, { sector: 'jst', cross_sector: 'no', a1: v, a2: a2[i]! })),
    );
    // The flag in brackets, not run into the number ("1,50 rozbieżne oceny").
    expect(text(section(el, 'a1'))).to.include('Średnia: 2,60; odchylenie standardowe: 1,50 (rozbieżne oceny)');
    expect(section(el, 'a1').querySelector('.flag')).to.exist;
    expect(text(section(el, 'a2'))).to.include('odchylenie standardowe: 0,49');
    expect(section(el, 'a2').querySelector('.flag')).to.equal(null);
  });

  it('flags a spread shown as "1,00" (0.996), and not one shown as "0,99" (0.990)', async () => {
    const a1 = [2, 3, 3, 4, 4, 4, 5, 5, 5, 5, 5];
    const a2 = [1, 2, 3, 3, 3, 4, 4];
    const el = await mount(
      partnership,
      a1.map((v, i) => response(partnership.id, { sector: 'jst', cross_sector: 'no', a1: v, ...(i < a2.length ? { a2: a2[i]! } : {}) })),
    );
    expect(text(section(el, 'a1'))).to.include('odchylenie standardowe: 1,00 (rozbieżne oceny)');
    expect(text(section(el, 'a2'))).to.include('odchylenie standardowe: 0,99');
    expect(text(section(el, 'a2'))).not.to.include('rozbieżne');
  });

  it('puts a dimension mean between two bands (39,50) in the band its figure is in', async () => {
    // Strategic management 35 (3, 3, 2, 2, 2) and 44 (3, 3, 3, 2): mean 39.5, below "W rozwoju" (40–69).
    const el = await mount(partnership, [
      response(partnership.id, { sector: 'jst', cross_sector: 'no', a1: 3, a2: 3, a3: 2, a4: 2, a5: 2 }),
      response(partnership.id, { sector: 'jst', cross_sector: 'no', a1: 3, a2: 3, a3: 3, a4: 2 }),
    ]);
    const rows = rowsOf(section(el, 'dimensions').querySelector('table'));
    expect(rows[0]!.slice(0, 3)).to.deep.equal(['Zarządzanie strategiczne', '39,50 (Wymaga uwagi)', '2']);
  });

  it('decides the band on the mean as shown: 39.995 is shown "40,00" and is "W rozwoju"', async function (this: {
    timeout(ms: number): void;
  }) {
    this.timeout(60_000);
    // Strategic management: a1–a5 answered 3, 3, 3, 2, 2 → (2+2+2+1+1)/5/4 = 40; a1–a6 answered
    // 3, 3, 3, 2, 2, 2 → 37.5 → 38. 400 at 40 and one at 38: mean 39.995, shown "40,00".
    const forty = { a1: 3, a2: 3, a3: 3, a4: 2, a5: 2 };
    const thirtyEight = { a1: 3, a2: 3, a3: 3, a4: 2, a5: 2, a6: 2 };
    const el = await mount(partnership, [
      ...Array.from({ length: 400 }, () => response(partnership.id, { sector: 'jst', cross_sector: 'no', ...forty })),
      response(partnership.id, { sector: 'jst', cross_sector: 'no', ...thirtyEight }),
    ]);
    const rows = rowsOf(section(el, 'dimensions').querySelector('table'));
    expect(rows[0]!.slice(0, 3)).to.deep.equal(['Zarządzanie strategiczne', '40,00 (W rozwoju)', '401']);
  });

  it('summarises dimension scores from the engine', async () => {
    // Two respondents: A all 5 → 100, all 3 → 50; mean 75, range 50–100.
    const all = (v: number) => Object.fromEntries(['a1', 'a2', 'a3', 'a4', 'a5', 'a6'].map((id) => [id, v]));
    const el = await mount(partnership, [
      response(partnership.id, { sector: 'jst', ...all(5) }),
      response(partnership.id, { sector: 'jst', ...all(3) }),
    ]);
    const rows = rowsOf(section(el, 'dimensions').querySelector('table'));
    expect(rows[0]).to.deep.equal(['Zarządzanie strategiczne', '75,00 (Mocna strona)', '2', '50–100', '0 (0%)', '1 (50%)', '1 (50%)']);
    expect(text(section(el, 'dimensions'))).to.include('Zarządzanie relacjami: 2 osoby bez wyniku (za mało ocen na skali)');
    // "Zakres" over "0–100" read like the score scale or a band's range.
    const headers = [...section(el, 'dimensions').querySelectorAll('thead th')].map(text);
    expect(headers.slice(0, 4)).to.deep.equal(['Obszar', 'Średni wynik', 'Liczba odpowiedzi', 'Najniższy–najwyższy wynik']);
    // Which standard deviation: a coordinator checking in a spreadsheet gets 1,00 with ODCH.STANDARDOWE where the report says 0,82.
    expect(text(root(el).querySelector('.report'))).to.include(
      'Liczy się je dla wszystkich osób, które odpowiedziały, jak funkcja arkusza ODCH.STANDARD.POPUL',
    );
  });

  it('keeps its sizes on a page whose root font is 10 px (Bootstrap 3): 16 px text, 60em wide', async () => {
    const rootStyle = document.documentElement.style;
    rootStyle.fontSize = '10px';
    try {
      const el = await mount(partnership, generateResponses(partnership, 12, { seed: 4 }));
      const report = root(el).querySelector<HTMLElement>('.report')!;
      expect(parseFloat(getComputedStyle(report).fontSize)).to.equal(16);
      expect(getComputedStyle(report).maxWidth).to.equal('960px');
      const bar = root(el).querySelector('td.share')!;
      expect(parseFloat(getComputedStyle(bar).minWidth), 'bar cells as wide as on a 16 px page').to.be.at.least(150);
    } finally {
      rootStyle.fontSize = '';
    }
  });

  it('formats band and group counts like every other number (1,200, not 1200)', async function (this: { timeout(ms: number): void }) {
    this.timeout(60_000);
    const all5 = { a1: 5, a2: 5, a3: 5, a4: 5, a5: 5, a6: 5 };
    const el = await mount(
      partnership,
      Array.from({ length: 1200 }, () => response(partnership.id, { sector: 'jst', cross_sector: 'no', ...all5 })),
      { locale: 'en', segment: 'sector' },
    );
    const strategic = rowsOf(section(el, 'dimensions').querySelector('table')).find((r) => r[0] === 'Strategic management')!;
    expect(strategic.slice(2)).to.deep.equal(['1,200', '100–100', '0 (0%)', '0 (0%)', '1,200 (100%)']);
    const crossSector = rowsOf(section(el, 'cross_sector').querySelector('table.breakdown'));
    expect(crossSector.find((r) => r[1] !== '0 (0%)')!.slice(1)).to.deep.equal(['1,200 (100%)']);
  });

  it('breaks the report down by a question, hiding groups under 5 and naming none of them', async () => {
    const groups = { jst: 9, ngo: 6, business: 2 };
    const responses = Object.entries(groups).flatMap(([sector, n]) =>
      Array.from({ length: n }, (_, i) => response(partnership.id, { sector, a1: 1 + (i % 5) })),
    );
    const el = await mount(partnership, responses);
    const select = root(el).querySelector('select')!;
    expect([...select.options].map((o) => o.value)).to.deep.equal(['', 'sector', 'cross_sector']);
    select.value = 'sector';
    select.dispatchEvent(new Event('change'));
    await oneEvent(el, 'ankieta-ready');
    expect(el.getAttribute('segment-by')).to.equal('sector');
    expect(root(el).activeElement?.localName, 'focus back on the select, not <body>').to.equal('select');
    expect(text(root(el).querySelector('[role="status"]'))).to.equal('Gotowe: 17 odpowiedzi');
    // business (2) is hidden, and with it the smallest other group, ngo (6): jst alone remains.
    expect(text(root(el).querySelector('.note'))).to.include('Aby chronić anonimowość, nie pokazano 2 grup.');
    const byGroup = section(el, 'a1').querySelector('table.breakdown')!;
    expect(rowsOf(byGroup).map((r) => r.slice(0, 2))).to.deep.equal([
      ['Jednostka samorządu terytorialnego lub jej jednostka organizacyjna', '9'],
    ]);
    expect(text(root(el).querySelector('[part~="base"]'))).to.not.include('Przedsiębiorstwo (n');
  });

  it('says why no group is shown when a large group is hidden only to protect a small one', async () => {
    // 12 + 3: the 3 are hidden, and the 12 with them, or 15 − 12 would give the 3 away.
    const responses = [
      ...Array.from({ length: 12 }, (_, i) => response(partnership.id, { sector: 'jst', a1: 1 + (i % 5) })),
      ...Array.from({ length: 3 }, () => response(partnership.id, { sector: 'ngo', a1: 2 })),
    ];
    const el = await mount(partnership, responses, { segment: 'sector' });
    const note = text(root(el).querySelector('.note'));
    expect(note).to.include('Aby chronić anonimowość, nie pokazano 2 grup.');
    expect(note, 'the group of 12 is large enough').not.to.include('wystarczająco liczna');
    expect(note).to.include('Żadnej grupy nie można pokazać bez ryzyka dla anonimowości.');
    const english = await mount(partnership, responses, { segment: 'sector', locale: 'en' });
    expect(text(root(english).querySelector('.note'))).to.include('No group can be shown without risking anonymity.');
  });

  it('names an "Other" group "Inne", not "no answer", and counts "not applicable" when nobody answered on the scale', async () => {
    const definition: SurveyDefinition = {
      id: 'other-groups',
      title: 'Grupy',
      pages: [
        {
          id: 'p',
          questions: [
            { id: 'role', type: 'choice', title: 'Rola', other: true, options: [{ value: 'a', label: 'Radna lub radny' }] },
            { id: 'q', type: 'scale', title: 'Sala', scale: 'quality5', notApplicable: true },
          ],
        },
      ],
    };
    const responses = [
      ...Array.from({ length: 5 }, () => response('other-groups', { role: 'other', 'role.other': 'Sołtys', q: 'na' })),
      ...Array.from({ length: 5 }, () => response('other-groups', { q: 'na' })),
    ];
    const el = await mount(definition, responses, { segment: 'role' });
    const groups = rowsOf(section(el, 'q').querySelector('table.breakdown')).map((r) => r[0]);
    expect(groups).to.deep.equal(['Inne', 'Bez odpowiedzi']);
    expect(text(section(el, 'q')), 'all ten chose "not applicable"').to.include('10 osób wybrało „Nie dotyczy – nie było mnie”');
    expect(text(root(el).querySelector('.report')), 'no standard deviation shown, none explained').to.not.include(
      'Odchylenie standardowe mówi',
    );
  });

  it('prints no form controls, and names the breakdown shown in their place', async () => {
    const responses = Array.from({ length: 10 }, (_, i) => response(partnership.id, { sector: i < 5 ? 'jst' : 'ngo', a1: 3 }));
    const el = await mount(partnership, responses, { segment: 'sector' });
    const line = root(el).querySelector('.note .print-only')!;
    expect(getComputedStyle(line).display, 'on screen the select says it').to.equal('none');
    const restore = await printMode(el);
    try {
      for (const control of root(el).querySelectorAll('select, button'))
        expect(control.getClientRects().length, `${control.localName} printed`).to.equal(0);
      expect(getComputedStyle(line).display).to.equal('block');
      expect(text(line)).to.equal('Podział według pytania: Sektor reprezentowanej organizacji');
    } finally {
      await restore();
    }
  });

  it('in a shown group, hides a mean that fewer than 5 people gave, and their exact number', async () => {
    const responses = [
      ...Array.from({ length: 9 }, (_, i) => response(partnership.id, { sector: 'jst', a1: 1 + (i % 5), a2: 4 })),
      ...Array.from({ length: 8 }, (_, i) => response(partnership.id, { sector: 'ngo', a1: 2, ...(i === 0 ? { a2: 1 } : {}) })),
    ];
    const el = await mount(partnership, responses, { segment: 'sector' });
    const rows = (id: string) => rowsOf(section(el, id).querySelector('table.breakdown')).map((r) => r.slice(1));
    expect(rows('a1'), 'both groups answered a1').to.deep.equal([
      ['9', '2,78'],
      ['8', '2,00'],
    ]);
    // One NGO answered a2: its mean would be that one answer, and so would its exact n next to
    // the overall distribution (nine 4s and one 1). The local governments' mean goes too: the
    // overall mean of 10 minus theirs (9 × 4,00) would give the NGO's answer.
    expect(rows('a2')).to.deep.equal([
      ['9', '–'],
      ['mniej niż 5', '–'],
    ]);
    expect(text(root(el).querySelector('.note'))).to.include('a liczbę tych odpowiedzi – słowa „mniej niż 5”');
    const english = await mount(partnership, responses, { segment: 'sector', locale: 'en' });
    expect(rowsOf(section(english, 'a2').querySelector('table.breakdown'))[1]!.slice(1)).to.deep.equal(['fewer than 5', '–']);
  });

  it('in a shown group, hides a dimension score that fewer than 5 people have', async () => {
    const scored = { a1: 4, a2: 4, a3: 4, a4: 4 };
    const responses = [
      ...Array.from({ length: 6 }, () => response(partnership.id, { sector: 'jst', ...scored })),
      // Five NGOs, one of them with enough answers for a score: the group mean would be that score.
      ...Array.from({ length: 5 }, (_, i) =>
        response(partnership.id, { sector: 'ngo', ...(i === 0 ? { a1: 1, a2: 1, a3: 1, a4: 1 } : {}) }),
      ),
    ];
    const el = await mount(partnership, responses, { segment: 'sector' });
    const table = root(el).querySelector('#dimensions-breakdown')!.closest('table');
    const strategic = rowsOf(table).find((r) => r[0] === 'Zarządzanie strategiczne')!;
    // And the local governments' score, which the overall one (7 people) minus it would give away.
    expect(strategic.slice(1)).to.deep.equal(['–', '–']);
  });

  it('keeps Polish one-letter words off the end of a line in option and group labels, as in question titles', async () => {
    // "Osoba zatrudniona w JST…" could leave "w" at a line's end in the distribution and breakdown tables.
    const el = await mount(conference, generateResponses(conference, 20, { seed: 3 }), { segment: 'role' });
    const labels = [...root(el).querySelectorAll('th')].map((th) => th.textContent!).filter((t) => t.includes('zatrudniona'));
    expect(labels.length, 'the staff option is shown').to.be.greaterThan(0);
    for (const label of labels) expect(label, 'a no-break space after "w"').to.contain('w\u00a0JST');
  });

  it('says a follow-up nobody answered may have been shown to nobody, as it appears only after some answers', async () => {
    // "Nikt nie odpowiedział" under "Co zdecydowało o tej ocenie?" read as if everybody had skipped it.
    const el = await mount(
      conference,
      [1, 2, 3].map(() => response(conference.id, { overall: 5, nps: 9 })),
    );
    expect(text(section(el, 'overall_why'))).to.include('To pytanie pojawia się tylko po niektórych odpowiedziach');
    expect(text(section(el, 'topics')), 'a question everybody saw').to.include('Nikt nie odpowiedział na to pytanie.');
    expect(text(section(el, 'topics'))).to.not.include('pojawia się tylko');
  });

  it('makes a table a region and a tab stop only while it scrolls sideways', async () => {
    const el = await mount(partnership, generateResponses(partnership, 30, { seed: 1 }), { segment: 'sector' });
    const wrapper = el.parentElement!;
    const regions = () => [...root(el).querySelectorAll<HTMLElement>('.table-scroll')];
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const check = () => {
      for (const region of regions()) {
        const scrolls = region.scrollWidth > region.clientWidth + 1;
        const what = `${region.dataset['labelledby']} ${scrolls ? 'scrolls' : 'fits'}`;
        expect(region.tabIndex, what).to.equal(scrolls ? 0 : -1);
        expect(region.getAttribute('role'), `${what}: a landmark only while it scrolls`).to.equal(scrolls ? 'region' : null);
      }
      return regions().filter((r) => r.tabIndex === 0).length;
    };
    wrapper.style.width = '1000px';
    await frame();
    const wide = check();
    wrapper.style.width = '320px';
    await frame();
    const narrow = check();
    expect(narrow, 'at 320 px some tables scroll and are reachable').to.be.greaterThan(0);
    expect(wide, 'at 1000 px fewer tab stops').to.be.lessThan(narrow);
    expect(regions().length - wide, 'tables that fit are not tab stops').to.be.greaterThan(0);
  });

  it('lists free-text answers as text, a page at a time', async () => {
    const comments = Array.from({ length: 27 }, (_, i) => `Uwaga ${i + 1}`);
    comments[0] = '<img src=x onerror="window.__pwned=1">';
    const el = await mount(
      partnership,
      comments.map((c) => response(partnership.id, { sector: 'jst', comments: c })),
    );
    const list = section(el, 'comments');
    expect(text(list)).to.include('27 odpowiedzi tekstowych');
    expect(list.querySelectorAll('li').length).to.equal(20);
    expect(list.querySelector('img')).to.equal(null);
    expect(text(list.querySelector('li'))).to.equal('<img src=x onerror="window.__pwned=1">');
    const more = list.querySelector<HTMLButtonElement>('button.more')!;
    expect(text(more)).to.equal('Pokaż kolejne odpowiedzi (pozostało: 7)');
    more.click();
    await el.updateComplete;
    expect(section(el, 'comments').querySelectorAll('li').length).to.equal(27);
    expect(text(root(el).activeElement as Element), 'focus on the first answer it brought').to.equal('Uwaga 21');
    expect(section(el, 'comments').querySelector('button.more')).to.equal(null);
  });

  it('prints every free-text answer and every section: beforeprint renders them at once', async () => {
    const comments = Array.from({ length: 27 }, (_, i) => `Uwaga ${i + 1}`);
    const el = await mount(
      partnership,
      comments.map((c) => response(partnership.id, { sector: 'jst', comments: c })),
    );
    const restore = await printMode(el);
    try {
      // Printed without a beforeprint event (a PDF from a headless browser): the gap is said on paper.
      const list = section(el, 'comments');
      expect(getComputedStyle(list.querySelector('button.more')!).display).to.equal('none');
      const note = list.querySelector('.print-only')!;
      expect(getComputedStyle(note).display).to.equal('block');
      expect(text(note)).to.equal(
        'Nie wydrukowano 7 dalszych odpowiedzi: pełna lista jest w zestawieniu na ekranie i w pliku odpowiedzi (CSV).',
      );
      window.dispatchEvent(new Event('beforeprint'));
      // No await: the browser lays the page out for print as soon as the event's listeners return.
      expect(section(el, 'comments').querySelectorAll('ul.texts > li').length).to.equal(27);
      expect(section(el, 'comments').querySelector('.print-only, button.more')).to.equal(null);
      window.dispatchEvent(new Event('afterprint'));
      await el.updateComplete;
      expect(section(el, 'comments').querySelectorAll('ul.texts > li').length, 'the screen pages them again').to.equal(20);
    } finally {
      await restore();
    }

    // Printed while the sections are still being added, a few per turn.
    const later = document.createElement('ankieta-report');
    later.locale = 'pl';
    later.definition = partnership;
    later.responses = generateResponses(partnership, 30, { seed: 5 });
    const ready = oneEvent(later, 'ankieta-ready');
    await fixture(html`<div>${later}</div>`);
    await new Promise((resolve) => {
      const check = () => (root(later).querySelector('.summary') ? resolve(null) : setTimeout(check, 0));
      check();
    });
    const total = later.aggregate!.report.questions.length + 1;
    expect(root(later).querySelectorAll('section.question').length, 'not all on screen yet').to.be.lessThan(total);
    window.dispatchEvent(new Event('beforeprint'));
    expect(root(later).querySelectorAll('section.question').length).to.equal(total);
    window.dispatchEvent(new Event('afterprint'));
    await ready;
  });

  it('uses Polish plurals for people and responses', async () => {
    const one = await mount(partnership, [response(partnership.id, { sector: 'jst' })]);
    expect(text(root(one).querySelector('.summary'))).to.include('1 odpowiedź');
    expect(text(section(one, 'sector'))).to.include('Odpowiedzi udzieliła 1 osoba');
    const three = await mount(
      partnership,
      [1, 2, 3].map(() => response(partnership.id, { sector: 'jst' })),
    );
    expect(text(root(three).querySelector('.summary'))).to.include('3 odpowiedzi');
    expect(text(section(three, 'sector'))).to.include('Odpowiedzi udzieliły 3 osoby');
    const english = await mount(
      partnership,
      [1, 2].map(() => response(partnership.id, { sector: 'jst' })),
      { locale: 'en' },
    );
    expect(text(root(english).querySelector('.summary'))).to.include('The summary covers 2 responses');
    expect(text(section(english, 'sector'))).to.include('2 people answered');
  });

  it("leaves out other surveys' responses and says how many", async () => {
    const el = await mount(partnership, [
      response(partnership.id, { sector: 'jst' }),
      response('opole', { role: 'staff' }),
      response('opole', {}),
    ]);
    expect(text(root(el).querySelector('.summary'))).to.include('1 odpowiedź');
    expect(text(root(el).querySelector('[part~="base"]'))).to.include('Pominięto 2 odpowiedzi, które nie pasują do tej ankiety.');
  });

  it("loads the collector's export from src", async () => {
    const el = document.createElement('ankieta-report');
    el.definition = partnership;
    el.token = 'organiser-token';
    el.src = '/test/report/fixtures/partnership-export.json';
    el.locale = 'pl';
    const ready = oneEvent(el, 'ankieta-ready');
    await fixture(html`<div>${el}</div>`);
    await ready;
    expect(el.aggregate!.report.n).to.equal(12);
    expect(text(root(el).querySelector('.summary'))).to.include('12 odpowiedzi');
    expect(el.hasAttribute('token'), 'the token stays out of the DOM').to.equal(false);
  });

  it('says why loading failed: no such export is a wrong address or survey id, not "try later"', async () => {
    const el = await fixture<AnkietaReport>(
      html`<ankieta-report locale="pl" .definition=${partnership} src="/test/report/fixtures/no-such-export.json"></ankieta-report>`,
    );
    await new Promise((resolve) => {
      const check = () => (root(el).querySelector('[role="alert"]') ? resolve(null) : setTimeout(check, 20));
      check();
    });
    expect(text(root(el).querySelector('[role="alert"]'))).to.equal(
      'Pod tym adresem nie ma odpowiedzi ankiety „partnership-self-assessment” (błąd 404). Proszę sprawdzić adres serwera i identyfikator ankiety.',
    );
  });

  it('announces progress while it works, then that it is ready', async () => {
    const responses = generateResponses(partnership, 400, { seed: 3 });
    const el = document.createElement('ankieta-report');
    el.locale = 'pl';
    el.definition = partnership;
    el.responses = responses;
    const seen = new Set<string>();
    const status = () => el.shadowRoot?.querySelector('[role="status"]');
    const watch = new MutationObserver(() => seen.add(text(status())));
    const ready = oneEvent(el, 'ankieta-ready');
    const host = await fixture(html`<div></div>`);
    host.append(el);
    // The shadow root exists once connected; the first render comes a microtask later.
    watch.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
    await ready;
    watch.disconnect();
    expect(
      [...seen].some((s) => /^Przetwarzanie odpowiedzi: \d+ z 400$/.test(s)),
      [...seen].join(' | '),
    ).to.equal(true);
    expect(text(status()), 'said once, for screen readers; the summary shows it on screen').to.equal('Gotowe: 400 odpowiedzi');
    expect(status()!.querySelector('.visually-hidden')).to.exist;
    const sections = root(el).querySelectorAll('section.question').length;
    expect(sections, 'every question plus the dimension scores').to.equal(
      partnership.pages.flatMap((p) => p.questions).filter((q) => q.type !== 'info').length + 1,
    );
  });

  it('exports the responses and the summary as CSV', async () => {
    const responses = generateResponses(partnership, 8, { seed: 4 });
    const el = await mount(partnership, responses);
    const original = HTMLAnchorElement.prototype.click;
    const links: HTMLAnchorElement[] = [];
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      links.push(this);
    };
    try {
      root(el).querySelector<HTMLButtonElement>('[data-export="responses"]')!.click();
      root(el).querySelector<HTMLButtonElement>('[data-export="summary"]')!.click();
    } finally {
      HTMLAnchorElement.prototype.click = original;
    }
    expect(links.map((l) => l.download)).to.deep.equal([
      'partnership-self-assessment-odpowiedzi.csv',
      'partnership-self-assessment-zestawienie.csv',
    ]);
    const [all, summary] = await Promise.all(
      links.map(async (l) =>
        (await (await fetch(l.href)).text())
          .replace(/^\uFEFF/, '')
          .trim()
          .split('\r\n'),
      ),
    );
    expect(all!.length).to.equal(9);
    expect(all![0]!.split(';').slice(0, 6)).to.deep.equal([
      '"id"',
      '"surveyVersion"',
      '"locale"',
      '"startedAt"',
      '"submittedAt"',
      '"sector"',
    ]);
    expect(all!.slice(1).map((line) => line.split(';')[0])).to.deep.equal(responses.map((r) => `"${r.id}"`));
    expect(summary![0]).to.equal(
      'Identyfikator;Pytanie lub obszar;Pozycja;Liczba;Odsetek (%);Liczba odpowiedzi;Średnia;Odchylenie standardowe;Uwagi;Najniższy;Najwyższy',
    );
  });

  it('writes the scores the screen shows into the responses CSV, also for responses handed over without them', async () => {
    const all = (v: number) => Object.fromEntries(['a1', 'a2', 'a3', 'a4', 'a5', 'a6'].map((id) => [id, v]));
    const bare = response(partnership.id, { sector: 'jst', ...all(5) });
    const forged = { ...response(partnership.id, { sector: 'jst', ...all(3) }), scores: { strategic: { score: 99, band: 2 } } };
    const el = await mount(partnership, [bare, forged]);
    expect(rowsOf(section(el, 'dimensions').querySelector('table'))[0]!.slice(0, 4)).to.deep.equal([
      'Zarządzanie strategiczne',
      '75,00 (Mocna strona)',
      '2',
      '50–100',
    ]);
    const original = HTMLAnchorElement.prototype.click;
    let link: HTMLAnchorElement | undefined;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      link = this;
    };
    try {
      root(el).querySelector<HTMLButtonElement>('[data-export="responses"]')!.click();
    } finally {
      HTMLAnchorElement.prototype.click = original;
    }
    const [header, ...rows] = (await (await fetch(link!.href)).text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .map((line) => line.split(';'));
    const score = header!.indexOf('"score:strategic"');
    expect(score, 'a score column').to.be.above(0);
    expect(rows.map((row) => [row[score], row[score + 1]])).to.deep.equal([
      ['100', '"Mocna strona"'],
      ['50', '"W rozwoju"'],
    ]);
  });

  it('reports an invalid definition with its JSON path', async () => {
    const bad = {
      ...partnership,
      pages: [{ id: 'p', questions: [{ id: 'q', type: 'ratng', title: 'x' }] }],
    } as unknown as SurveyDefinition;
    const el = document.createElement('ankieta-report');
    el.definition = bad;
    const failed = oneEvent(el, 'ankieta-error');
    await fixture(html`<div>${el}</div>`);
    await failed;
    await el.updateComplete;
    const alert = text(root(el).querySelector('[role="alert"]'));
    expect(alert).to.include('pages[0].questions[0].type: unknown type "ratng"');
    // The organiser opened a summary, not the survey; the details that follow are in English.
    expect(alert).to.include(
      'Nie można pokazać zestawienia, ponieważ definicja ankiety zawiera błędy. Informacja dla administratora strony (po angielsku):',
    );
  });

  it('says when there are no responses yet', async () => {
    const el = await fixture<AnkietaReport>(
      html`<ankieta-report locale="pl" .definition=${partnership} .responses=${[]}></ankieta-report>`,
    );
    await new Promise((resolve) => {
      const check = () => (root(el).querySelector('[part~="message"]') ? resolve(null) : setTimeout(check, 20));
      check();
    });
    expect(text(root(el).querySelector('[part~="message"]'))).to.equal('Nie ma jeszcze żadnych odpowiedzi.');
  });

  it("keeps words whole in its tables on a page whose text breaks anywhere (a CMS's overflow-wrap, word-break)", async function (this: {
    timeout(ms: number): void;
  }) {
    this.timeout(60_000);
    // What a site's body may set, inherited into the shadow root: the README's own advice for
    // the floating button (overflow-wrap: anywhere) split "Liczba odpowi/edzi" in the tables.
    const hostile = document.createElement('style');
    hostile.textContent = 'body { overflow-wrap: anywhere; word-break: break-all; hyphens: auto; }';
    document.head.append(hostile);
    try {
      const el = await mount(partnership, generateResponses(partnership, 30, { seed: 4 }), { segment: 'sector' });
      const split: string[] = [];
      const cells = [...root(el).querySelectorAll('th, td')];
      expect(cells.length).to.be.greaterThan(50);
      for (const cell of cells) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          for (const match of node.data.matchAll(/[^\s\u00a0–-]{2,}/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
            if (lines.size > 1) split.push(match[0]);
          }
        }
      }
      expect(split, 'words broken across lines').to.deep.equal([]);
      // A sidebar's white-space: nowrap made every table as wide as its longest sentence.
      const table = root(el).querySelector('table')!;
      const width = table.getBoundingClientRect().width;
      hostile.textContent = 'body { white-space: nowrap; }';
      expect(table.getBoundingClientRect().width, 'the table as wide as before').to.be.closeTo(width, 1);
    } finally {
      hostile.remove();
    }
  });
});
