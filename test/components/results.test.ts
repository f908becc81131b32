import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/results/results.js';
import type { AnkietaResults } from '../../src/components/results/results.js';
import { wrap } from '../../src/components/results/chart.js';
import { partnershipSelfAssessment } from '../../src/templates/partnership.js';
import type { SurveyDefinition } from '../../src/schema/index.js';
import { printMode } from '../support/print-mode.js';
import { forcedColours, systemColour } from '../support/forced-colours.js';

const definition = partnershipSelfAssessment({ crossSector: false });
// A: 5,4,4,3,4,4 → mean 4 → 75, "Mocna strona"; B: 2,1,2,3,2,2 → mean 2 → 25, "Wymaga uwagi".
const answers = { sector: 'jst', a1: 5, a2: 4, a3: 4, a4: 3, a5: 4, a6: 4, b1: 2, b2: 1, b3: 2, b4: 3, b5: 2, b7: 2 };
const response = { id: '0b5e5c3e-8a3b-4c1e-9d2a-3f4e5a6b7c8d', surveyId: definition.id, submittedAt: '2016-04-18T12:00:00.000Z', answers };

/** Three dimensions, so the chart becomes a radar. */
const threeDimensions: SurveyDefinition = {
  ...definition,
  scoring: {
    dimensions: [
      ...definition.scoring!.dimensions,
      {
        id: 'extra',
        title: { pl: 'Dodatkowy obszar', en: 'Extra area' },
        questions: ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'],
        bands: definition.scoring!.dimensions[0]!.bands,
      },
    ],
  },
};

const root = (el: AnkietaResults) => el.shadowRoot!;
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function mount(props: Partial<Pick<AnkietaResults, 'definition' | 'response' | 'results' | 'locale' | 'chart'>>) {
  const el = await fixture<AnkietaResults>(
    html`<ankieta-results .definition=${props.definition} .response=${props.response} .results=${props.results} .chart=${props.chart ?? 'auto'} locale=${props.locale ?? 'pl'}></ankieta-results>`,
  );
  await el.updateComplete;
  return el;
}

/** Captures the next download: the element clicks a temporary <a download>; read its blob back. */
async function captureDownload(click: () => void): Promise<{ name: string; type: string; text: string }> {
  const original = HTMLAnchorElement.prototype.click;
  let link: HTMLAnchorElement | undefined;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    link = this;
  };
  try {
    click();
  } finally {
    HTMLAnchorElement.prototype.click = original;
  }
  expect(link, 'a download link was clicked').to.exist;
  const blob = await (await fetch(link!.href)).blob();
  return { name: link!.download, type: blob.type, text: await blob.text() };
}

describe('<ankieta-results>', () => {
  it('is accessible, with bars and with a radar', async () => {
    await expect(await mount({ definition, response })).to.be.accessible();
    await expect(await mount({ definition: threeDimensions, response })).to.be.accessible();
  });

  it('keeps the chart readable in forced colours: bars stand out of their tracks, all text in the text colour', async () => {
    const el = await mount({ definition, response });
    forcedColours(el);
    const [canvasText, canvas] = [systemColour('CanvasText'), systemColour('Canvas')];
    const svgEl = el.shadowRoot!.querySelector('svg')!;
    const fill = (selector: string) => [...svgEl.querySelectorAll(selector)].map((e) => getComputedStyle(e).fill);
    expect(new Set(fill('rect.track'))).to.deep.equal(new Set([canvas]));
    expect(new Set(fill('rect.bar'))).to.deep.equal(new Set([canvasText]));
    const texts = [...svgEl.querySelectorAll('text:not(.on-bar)')];
    expect(texts.length).to.be.greaterThan(3);
    for (const text of texts)
      expect(getComputedStyle(text).fill, `${text.getAttribute('class')}: ${text.textContent}`).to.equal(canvasText);
  });

  it("shows each dimension's score, band label and advice, scored by the engine", async () => {
    const el = await mount({ definition, response });
    const cards = [...root(el).querySelectorAll('[part~="dimension"]')].map(text);
    expect(cards[0])
      .to.include('Zarządzanie strategiczne')
      .and.include('75 na 100')
      .and.include('Poziom: Mocna strona')
      .and.include('Warto utrzymać monitoring');
    expect(cards[1])
      .to.include('Zarządzanie relacjami')
      .and.include('25 na 100')
      .and.include('Poziom: Wymaga uwagi')
      .and.include('Warto zorganizować moderowane spotkanie');
    expect(el.dimensionResults.map((r) => r.score)).to.deep.equal([75, 25]);
  });

  it('shows where the bands start and end: a legend, and the grid lines at the band edges (bars and radar)', async () => {
    const el = await mount({ definition, response });
    expect(text(root(el).querySelector('.intro'))).to.include(
      'Poziomy: „Wymaga uwagi” (0–39), „W rozwoju” (40–69), „Mocna strona” (70–100).',
    );
    const grid = (svg: Element) => [...svg.querySelectorAll('.tick-label')].map(text);
    for (const svg of root(el).querySelectorAll('svg')) expect(grid(svg)).to.deep.equal(['0', '40', '70', '100']);
    const radar = await mount({ definition: threeDimensions, response });
    expect(root(radar).querySelectorAll('svg:not(.narrow) polygon.ring').length).to.equal(3);
    expect(grid(root(radar).querySelector('svg:not(.narrow)')!)).to.deep.equal(['40', '70', '100']);
    // Dimensions with bands of their own: no single legend, the grid every 25 points.
    const own = structuredClone(definition);
    own.scoring!.dimensions[1]!.bands = [
      { min: 0, max: 49, label: 'Niski' },
      { min: 50, max: 100, label: 'Wysoki' },
    ];
    const mixed = await mount({ definition: own, response });
    expect(text(root(mixed).querySelector('.intro'))).not.to.include('Poziomy');
    expect(grid(root(mixed).querySelector('svg')!)).to.deep.equal(['0', '25', '50', '75', '100']);
    // The same edges under other names are other bands: no legend that one dimension contradicts.
    const renamed = structuredClone(definition);
    renamed.scoring!.dimensions[1]!.bands = renamed.scoring!.dimensions[1]!.bands.map((band, i) => ({ ...band, label: `Etap ${i + 1}` }));
    expect(text(root(await mount({ definition: renamed, response })).querySelector('.intro'))).not.to.include('Poziomy');
    // An edge near 100 keeps its grid line but not its number, which would run into "100".
    const top = structuredClone(definition);
    for (const dimension of top.scoring!.dimensions)
      dimension.bands = [
        { min: 0, max: 49, label: 'Niski' },
        { min: 50, max: 89, label: 'Wysoki' },
        { min: 90, max: 100, label: 'Wzorcowy' },
      ];
    const near = await mount({ definition: top, response });
    for (const svg of root(near).querySelectorAll('svg')) {
      expect(grid(svg)).to.deep.equal(['0', '50', '100']);
      expect(svg.querySelectorAll('line.tick')).to.have.length(4);
    }
  });

  it('works standalone from precomputed results, in English', async () => {
    const el = await mount({
      definition,
      locale: 'en',
      results: [
        { id: 'strategic', score: 50, band: 1, answered: 6, items: 6 },
        { id: 'relationship', score: null, band: null, answered: 2, items: 6 },
      ],
    });
    const cards = [...root(el).querySelectorAll('[part~="dimension"]')].map(text);
    expect(cards[0]).to.include('50 out of 100').and.include('Level: Developing').and.include('Turn the strategy into a plan');
    expect(cards[1]).to.include('No score: 2 of 6 scale questions answered; at least two thirds are needed.');
    expect(root(el).querySelector('section')!.getAttribute('lang')).to.equal('en');
  });

  it('draws bars for two dimensions: an SVG image with a title and a description naming the scores', async () => {
    const el = await mount({ definition, response });
    const svgEl = root(el).querySelector('svg')!;
    expect(svgEl.getAttribute('role')).to.equal('img');
    expect(text(root(el).getElementById(svgEl.getAttribute('aria-labelledby')!)), 'named by its title alone').to.equal(
      'Wyniki w obszarach (od 0 do 100)',
    );
    expect(text(svgEl.querySelector('desc'))).to.equal(
      'Zarządzanie strategiczne: 75 na 100, poziom: Mocna strona; Zarządzanie relacjami: 25 na 100, poziom: Wymaga uwagi',
    );
    const track = Number(svgEl.querySelector('rect.track')!.getAttribute('width'));
    const bars = [...svgEl.querySelectorAll('rect.bar')].map((r) => Number(r.getAttribute('width')) / track);
    expect(bars).to.deep.equal([0.75, 0.25]);
    expect(svgEl.querySelector('polygon.area')).to.equal(null);
  });

  it('draws a radar from three dimensions and says which has no score', async () => {
    const el = await mount({ definition: threeDimensions, response });
    expect(root(el).querySelector('svg polygon.area')).to.exist;
    expect(root(el).querySelectorAll('svg circle.dot').length).to.equal(3);
    const bars = await mount({ definition: threeDimensions, response, chart: 'bars' });
    expect(root(bars).querySelectorAll('svg:not(.narrow) rect.bar').length, 'bars on request').to.equal(3);
    const partial = await mount({
      definition: threeDimensions,
      response: { answers: { sector: 'jst', a1: 5, a2: 'na', a3: 'na', b1: 3, b2: 3, b3: 3, b4: 3, b5: 3, b7: 3 } },
    });
    expect(text(root(partial).querySelector('desc'))).to.include('Zarządzanie strategiczne: brak wyniku');
    expect(root(partial).querySelectorAll('svg circle.dot').length, 'only scored dimensions get a point').to.equal(1);
  });

  it('keeps the chart text readable at phone width: bars drawn for it, 12 px or more on screen', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div><ankieta-results .definition=${threeDimensions} .response=${response} locale="pl"></ankieta-results></div>`,
    );
    const el = wrapper.querySelector('ankieta-results')!;
    await el.updateComplete;
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const shown = () =>
      [...root(el).querySelectorAll<SVGSVGElement>('svg.chart-svg')].filter((s) => getComputedStyle(s).display !== 'none');
    /** The smallest text of the chart on screen, in CSS pixels. */
    const smallest = () => {
      const [svgEl] = shown();
      const scale = svgEl!.getBoundingClientRect().width / svgEl!.viewBox.baseVal.width;
      return Math.min(...[...svgEl!.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale));
    };
    for (const width of [320, 400, 1000]) {
      wrapper.style.width = `${width}px`;
      await frame();
      expect(shown().length, `one chart on screen at ${width} px`).to.equal(1);
      expect(smallest(), `smallest chart text at ${width} px`).to.be.at.least(12);
      const region = root(el).querySelector<HTMLElement>('.table-scroll')!;
      const scrolls = region.scrollWidth > region.clientWidth + 1;
      expect(region.tabIndex, `table region a tab stop only while it scrolls (${width} px)`).to.equal(scrolls ? 0 : -1);
    }
    expect(shown()[0]!.querySelector('polygon.area'), 'the radar where there is room').to.exist;
    wrapper.style.width = '320px';
    await frame();
    expect(shown()[0]!.querySelectorAll('rect.bar').length, 'bars at 320 px').to.equal(3);
    // Inside a survey, which breaks long words anywhere: the table keeps its words whole and scrolls.
    wrapper.style.overflowWrap = 'anywhere';
    expect(getComputedStyle(root(el).querySelector('th')!).overflowWrap).to.equal('normal');
  });

  it('wraps chart labels at spaces and cuts a word longer than a line, so no text runs out of the drawing', () => {
    expect(wrap('Zarządzanie relacjami w partnerstwie', 12)).to.deep.equal(['Zarządzanie', 'relacjami w', 'partnerstwie']);
    expect(wrap('Konstantynopolitańczykowianeczka', 12)).to.deep.equal(['Konstantynop', 'olitańczykow', 'ianeczka']);
    expect(wrap('', 12)).to.deep.equal(['']);
  });

  it('never ends a chart label line with a one-letter word (Polish typography: "i", "w" keep to the next word)', async () => {
    // display() binds "i" to "zasoby" with a no-break space; the wrap must not break there.
    expect(wrap('Finansowanie i\u00a0zasoby partnerstwa', 20)).to.deep.equal(['Finansowanie', 'i\u00a0zasoby partnerstwa']);
    const titled: SurveyDefinition = {
      ...threeDimensions,
      scoring: {
        dimensions: threeDimensions.scoring!.dimensions.map((d, i) =>
          i === 2 ? { ...d, title: { pl: 'Finansowanie i zasoby partnerstwa', en: 'Funding' } } : d,
        ),
      },
    };
    const el = await mount({ definition: titled, response, chart: 'radar' });
    const lines = [...root(el).querySelectorAll('svg text tspan')].map((t) => t.textContent!);
    expect(lines.join('|')).to.contain('Finansowanie');
    expect(
      lines.filter((line) => /(^|\s)[aiouwz]$/i.test(line)),
      'lines ending with a one-letter word',
    ).to.deep.equal([]);
  });

  it('has a table with a caption as the alternative to the chart', async () => {
    const el = await mount({ definition, response });
    const table = root(el).querySelector('table')!;
    expect(text(table.querySelector('caption'))).to.equal('Wyniki w tabeli');
    expect([...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map(text))).to.deep.equal([
      ['Zarządzanie strategiczne', '75', 'Mocna strona', '6 z 6'],
      ['Zarządzanie relacjami', '25', 'Wymaga uwagi', '6 z 6'],
    ]);
  });

  it("shows the table's caption above its scrolling region, whole, at 320 px with large text", async () => {
    const el = await mount({ definition, response });
    el.style.width = '320px';
    el.style.fontSize = '32px';
    await el.updateComplete;
    const seen = root(el).querySelector<HTMLElement>('.caption')!;
    expect(text(seen)).to.equal('Wyniki w tabeli');
    expect(seen.closest('.table-scroll'), 'not inside the region that scrolls').to.equal(null);
    expect(seen.getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right + 0.5);
    expect(root(el).querySelector('.table-scroll')!.scrollWidth, 'the table itself still scrolls').to.be.greaterThan(
      root(el).querySelector<HTMLElement>('.table-scroll')!.clientWidth,
    );
  });

  it('says "brak wyniku" in the table where an area has no score: the dash is only seen ("kreska" to a screen reader)', async () => {
    const el = await mount({
      definition,
      response: { answers: { sector: 'jst', a1: 5, a2: 'na', a3: 'na', b1: 3, b2: 3, b3: 3, b4: 3, b5: 3, b7: 3 } },
    });
    const [score, band] = [...root(el).querySelectorAll('tbody tr')[0]!.querySelectorAll('td')].slice(0, 2);
    /** What assistive technology gets: the text outside aria-hidden. */
    const heard = (cell: Element) => {
      const copy = cell.cloneNode(true) as Element;
      for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
      return text(copy);
    };
    for (const cell of [score!, band!]) {
      expect(heard(cell)).to.equal('brak wyniku');
      expect(text(cell.querySelector('[aria-hidden="true"]'))).to.equal('–');
    }
  });

  it('is titled "Wyniki", for any scored survey, not only a self-assessment', async () => {
    const el = await mount({ definition, response });
    expect(text(root(el).querySelector('[part~="title"]'))).to.equal('Wyniki');
    const english = await mount({ definition, response, locale: 'en' });
    expect(text(root(english).querySelector('[part~="title"]'))).to.equal('Your results');
  });

  it("exports the respondent's own answers and scores as JSON", async () => {
    const el = await mount({ definition, response });
    const file = await captureDownload(() => root(el).querySelector<HTMLButtonElement>('[data-export="json"]')!.click());
    expect(file.name).to.equal('partnership-self-assessment-wyniki.json');
    expect(file.type).to.equal('application/json');
    const data = JSON.parse(file.text);
    expect(data.survey).to.deep.equal({ id: 'partnership-self-assessment', version: 1, title: 'Samoocena partnerstwa' });
    expect(data.response).to.deep.equal({ id: response.id, submittedAt: response.submittedAt, locale: 'pl', answers });
    expect(data.scores.map((s: { id: string; score: number; bandLabel: string }) => [s.id, s.score, s.bandLabel])).to.deep.equal([
      ['strategic', 75, 'Mocna strona'],
      ['relationship', 25, 'Wymaga uwagi'],
    ]);
    expect(root(el).querySelector('a'), 'the temporary link is gone').to.equal(null);
  });

  it('names the downloaded files in the page language', async () => {
    const el = await mount({ definition, response, locale: 'en' });
    const file = await captureDownload(() => root(el).querySelector<HTMLButtonElement>('[data-export="csv"]')!.click());
    expect(file.name).to.equal('partnership-self-assessment-results.csv');
  });

  it('exports them as CSV', async () => {
    const el = await mount({ definition, response });
    const file = await captureDownload(() => root(el).querySelector<HTMLButtonElement>('[data-export="csv"]')!.click());
    expect(file.name).to.equal('partnership-self-assessment-wyniki.csv');
    expect(file.type).to.match(/^text\/csv/);
    const lines = file.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).to.equal('Identyfikator;Pytanie lub obszar;Wartość;Opis;Zalecenie');
    expect(lines).to.include('a1;Partnerzy mają wspólną, spisaną wizję i cele rozwoju obszaru.;5;Zdecydowanie się zgadzam;');
    const advice = (id: string, band: number) =>
      (definition.scoring!.dimensions.find((d) => d.id === id)!.bands[band]!.advice as { pl: string }).pl;
    expect(lines.slice(-2)).to.deep.equal([
      `strategic;Zarządzanie strategiczne;75;Mocna strona;${advice('strategic', 2)}`,
      `relationship;Zarządzanie relacjami;25;Wymaga uwagi;${advice('relationship', 0)}`,
    ]);
    expect(advice('strategic', 2), 'the advice is in the file').to.have.length.greaterThan(10);
  });

  it('prints as a clean page: no buttons, light colours, chart and table kept', async () => {
    const el = await mount({ definition, response });
    const restore = await printMode(el);
    try {
      expect(getComputedStyle(root(el).querySelector('[part~="actions"]')!).display).to.equal('none');
      expect(getComputedStyle(el).colorScheme, 'paper is light whatever the screen scheme').to.equal('light');
      expect(getComputedStyle(root(el).querySelector('figure')!).display).to.not.equal('none');
      expect(getComputedStyle(root(el).querySelector('table')!).breakInside).to.equal('avoid');
      const heading = root(el).querySelector('.print-only')!;
      expect(getComputedStyle(heading).display, 'the survey and the day are named on paper').to.equal('block');
      expect(text(heading)).to.equal('Samoocena partnerstwa · 18 kwietnia 2016');
    } finally {
      await restore();
    }
    expect(getComputedStyle(root(el).querySelector('[part~="actions"]')!).display).to.equal('flex');
    expect(getComputedStyle(root(el).querySelector('.print-only')!).display).to.equal('none');
  });

  it('shows texts from the definition as text, never as markup', async () => {
    const hostile = structuredClone(definition);
    hostile.scoring!.dimensions[0]!.title = '<img src=x onerror="window.__pwned=1">';
    hostile.scoring!.dimensions[0]!.bands[2]!.advice = '<script>window.__pwned=1</script>';
    const el = await mount({ definition: hostile, response });
    expect(root(el).querySelector('img, script')).to.equal(null);
    expect(text(root(el).querySelector('[part~="dimension"]')))
      .to.include('<img src=x')
      .and.include('<script>');
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('reports an invalid definition with its JSON path and fires ankieta-error', async () => {
    const el = document.createElement('ankieta-results');
    const event = oneEvent(el, 'ankieta-error');
    el.definition = { ...definition, pages: [] };
    document.body.append(el);
    const { detail } = await event;
    expect(detail.kind).to.equal('definition');
    await el.updateComplete;
    expect(text(root(el).querySelector('[role="alert"]'))).to.include('pages: needs at least 1 item');
    el.remove();
  });

  it('says so when the survey has no scoring', async () => {
    const { scoring: _scoring, ...plain } = definition;
    const el = await mount({ definition: plain, response });
    expect(text(root(el).querySelector('[part~="message"]'))).to.equal('Ta ankieta nie ma wyników do pokazania.');
  });
});
