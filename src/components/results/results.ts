import { LitElement, html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import { define } from '../shared/define.js';
import { base, theme } from '../shared/theme.js';
import { emit } from '../survey/events.js';
// Kept in the declarations, so importing this element alone types its events for listeners.
export type * from '../survey/events.js';
import type { Band, Dimension, Locale, SurveyDefinition, SurveyDefinitionInput } from '../../schema/definition.js';
import type { DefinitionIssue } from '../../schema/issues.js';
import { parseDefinition } from '../../schema/parse.js';
import type { Response } from '../../schema/response.js';
import { SurveyModel } from '../../engine/survey-model.js';
import type { DimensionResult } from '../../engine/scoring.js';
import { display, localize } from '../../engine/text.js';
import { resolveLocale, translate, type MessageKey, type Vars } from '../../i18n/index.js';
import { resultsCsv } from '../../report/csv.js';
import { barChart, QUARTERS, radarChart, type ChartItem } from './chart.js';
import { download } from '../shared/download.js';
import { FollowLang } from '../shared/follow-lang.js';
import { tableScroll, TableScrollStops, tableScrollStyles } from '../shared/table-scroll.js';
import { styles } from './results.styles.js';
import { toJson } from '../../schema/builtins.js';

/** What the element needs from a response: the answers, and optionally its identity. */
export type ResultsResponse = Pick<Response, 'answers'> & Partial<Omit<Response, 'answers'>>;

interface Row {
  dimension: Dimension;
  result: DimensionResult;
  title: string;
  band?: string;
  advice?: string;
}

/**
 * @summary One respondent's scores: each dimension's 0–100 score, band and advice, an SVG chart
 * (bars; a radar from three dimensions) with a table alternative, print styles and downloads.
 *
 * Give it `definition` and `response` (it scores them with the engine), or `definition` and
 * precomputed `results`. `<ankieta-survey>` shows it after submitting a scored survey.
 *
 * @event {CustomEvent<ErrorDetail>} ankieta-error - The definition is invalid. `detail: {kind: 'definition', message, issues}`
 *
 * @csspart base - The outer section.
 * @csspart title - The heading.
 * @csspart chart - The figure holding the SVG chart.
 * @csspart dimension - One dimension's score, band and advice.
 * @csspart table - The table of scores.
 * @csspart actions - The download and print buttons.
 * @csspart button - Each button.
 * @csspart message - The message shown when there is nothing to score or the definition is invalid.
 *
 * @cssproperty --ankieta-results-bar-color - Bars and the radar shape (default: the accent colour).
 * @cssproperty --ankieta-results-max-width - The widest the results grow (default 44em of their font size).
 * @cssproperty --ankieta-color-accent - Buttons and, by default, the chart.
 */
export class AnkietaResults extends LitElement {
  static override styles = [theme, base, tableScrollStyles, styles];
  static override properties: PropertyDeclarations = {
    definition: { attribute: false },
    response: { attribute: false },
    results: { attribute: false },
    locale: { reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
    chart: {},
  };

  /** The survey definition (validated here; an invalid one shows the problems). */
  definition?: SurveyDefinitionInput | undefined;
  /** The response to score (only `answers` is needed; `id`, `surveyId` and `submittedAt` go into the export). */
  response?: ResultsResponse | undefined;
  /** Scores computed by the caller (`SurveyModel.dimensionResults()`); used instead of scoring `response`. */
  results?: DimensionResult[] | undefined;
  /** `pl` or `en`; default: the closest `[lang]`, then the definition's `locale`. */
  locale?: string | undefined;
  /** Level of the results heading (dimension headings are one level below). */
  headingLevel = 2;
  /** `auto` (a radar from three dimensions, else bars), `bars` or `radar`. */
  chart: 'auto' | 'bars' | 'radar' = 'auto';

  constructor() {
    super();
    new TableScrollStops(this);
    new FollowLang(this);
  }

  #parsed: SurveyDefinition | undefined;
  #issues: DefinitionIssue[] = [];
  #results: DimensionResult[] = [];

  get #locale(): Locale {
    return resolveLocale(this.locale, this, this.#parsed?.locale);
  }

  #t(key: MessageKey, vars?: Vars): string {
    return translate(this.#locale, key, vars);
  }

  /** The scores shown, as the engine computed them. */
  get dimensionResults(): readonly DimensionResult[] {
    return this.#results;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('definition')) {
      this.#parsed = undefined;
      this.#issues = [];
      if (this.definition !== undefined) {
        const parsed = parseDefinition(this.definition);
        if (parsed.ok) this.#parsed = parsed.value;
        else {
          this.#issues = parsed.issues;
          const message = parsed.issues.map((i) => `${i.path}: ${i.message}`).join('\n');
          emit(this, 'ankieta-error', { kind: 'definition', message, issues: parsed.issues });
        }
      }
    }
    if (changed.has('definition') || changed.has('response') || changed.has('results')) {
      const definition = this.#parsed;
      if (!definition?.scoring) this.#results = [];
      else if (this.results) this.#results = this.results;
      else if (this.response?.answers) this.#results = new SurveyModel(definition, this.response).dimensionResults();
      else this.#results = [];
    }
  }

  #rows(locale: Locale): Row[] {
    const dimensions = this.#parsed?.scoring?.dimensions ?? [];
    return this.#results.flatMap((result) => {
      const dimension = dimensions.find((d) => d.id === result.id);
      if (!dimension) return [];
      const band = result.band === null ? undefined : dimension.bands[result.band];
      return [
        {
          dimension,
          result,
          title: display(dimension.title, locale),
          ...(band ? { band: display(band.label, locale) } : {}),
          ...(band?.advice ? { advice: display(band.advice, locale) } : {}),
        },
      ];
    });
  }

  protected override render() {
    const locale = this.#locale;
    if (this.#issues.length)
      return html`<div part="message" class="message error" role="alert" lang=${locale}>
        <p>${this.#t('definitionInvalid')}</p>
        <ul>
          ${this.#issues.slice(0, 20).map((i) => html`<li><code>${i.path}</code>: ${i.message}</li>`)}
        </ul>
      </div>`;
    const rows = this.#rows(locale);
    if (!rows.length) return this.#parsed ? html`<p part="message" class="message" lang=${locale}>${this.#t('resultsNone')}</p>` : nothing;
    const level = Math.min(6, Math.max(1, this.headingLevel));
    const bands = this.#sharedBands(rows);
    return html`<section part="base" class="results" lang=${locale} aria-labelledby="results-title">
      <div role="heading" aria-level=${level} part="title" class="title" id="results-title">${this.#t('resultsTitle')}</div>
      <p class="print-only">${this.#printHeading(locale)}</p>
      <p class="intro">
        ${this.#t('resultsIntro')}
        ${
          bands
            ? this.#t('resultsBands', {
                bands: bands
                  .map((band) => this.#t('resultsBandRange', { band: display(band.label, locale), min: band.min, max: band.max }))
                  .join(', '),
              })
            : nothing
        }
      </p>
      <figure part="chart">${this.#renderChart(rows, bands)}</figure>
      <ul class="dimensions">
        ${rows.map((row) => this.#renderDimension(row, Math.min(6, level + 1)))}
      </ul>
      ${this.#renderTable(rows)}
      <div part="actions" class="actions" role="group" aria-label=${this.#t('resultsActions')}>
        <button part="button" type="button" data-export="json" @click=${this.#exportJson}>${this.#t('resultsExportJson')}</button>
        <button part="button" type="button" data-export="csv" @click=${this.#exportCsv}>${this.#t('resultsExportCsv')}</button>
        <button part="button" type="button" data-print @click=${this.#print}>${this.#t('resultsPrint')}</button>
      </div>
    </section>`;
  }

  /** On paper the page around the element is gone: name the survey and the day. */
  #printHeading(locale: Locale): string {
    const title = display(this.#parsed?.title, locale);
    const at = this.response?.submittedAt;
    const day = at ? new Intl.DateTimeFormat(locale === 'pl' ? 'pl-PL' : 'en-GB', { dateStyle: 'long' }).format(new Date(at)) : '';
    return [title, day].filter(Boolean).join(' · ');
  }

  /**
   * The band edges when every dimension has the same bands (the templates' do): the chart's grid
   * lines go there and a legend names each band's range, so a score can be read against them.
   */
  #sharedBands(rows: Row[]): Band[] | undefined {
    const key = (row: Row) => JSON.stringify(row.dimension.bands.map(({ min, max, label }) => [min, max, label]));
    return rows.every((row) => key(row) === key(rows[0]!)) ? rows[0]!.dimension.bands : undefined;
  }

  #renderChart(rows: Row[], bands: Band[] | undefined) {
    const ticks = bands ? [...new Set([0, ...bands.map((band) => band.min), 100])] : QUARTERS;
    const missing = this.#t('resultsNoScoreShort');
    const items: ChartItem[] = rows.map((row) => ({ label: row.title, score: row.result.score, missing }));
    const description = rows
      .map((row) =>
        row.result.score === null
          ? this.#t('resultsChartItemNoScore', { title: row.title })
          : this.#t('resultsChartItem', { title: row.title, score: row.result.score, band: row.band ?? '' }),
      )
      .join('; ');
    const text = { title: this.#t('resultsChartTitle'), description };
    const radar = this.chart === 'radar' || (this.chart === 'auto' && rows.length >= 3);
    // At phone width a 640-unit drawing would shrink its text to 7 px: there, bars drawn 340
    // units wide take its place (CSS picks one; the other is display: none, out of the a11y tree).
    return html`${radar && rows.length >= 3 ? radarChart(items, text, ticks) : barChart(items, text, ticks)}${barChart(items, text, ticks, 340)}`;
  }

  #renderDimension(row: Row, level: number) {
    const { result } = row;
    return html`<li part="dimension" class="dimension">
      <div role="heading" aria-level=${level} class="dimension-title">${row.title}</div>
      ${
        result.score === null
          ? html`<p class="no-score">${this.#t('resultsNoScore', { answered: result.answered, count: result.items })}</p>`
          : html`<p class="score">
              <span aria-hidden="true"><span class="score-value">${result.score}</span> / 100</span>
              <span class="visually-hidden">${this.#t('resultsScore', { score: result.score })}</span>
            </p>
            ${row.band ? html`<p class="band">${this.#t('resultsBand', { band: row.band })}</p>` : nothing}
            ${row.advice ? html`<p class="advice"><strong>${this.#t('resultsAdvice')}:</strong> ${row.advice}</p>` : nothing}`
      }
    </li>`;
  }

  #renderTable(rows: Row[]) {
    // A dash is seen; a screen reader would say "kreska".
    const none = html`<span aria-hidden="true">–</span><span class="visually-hidden">${this.#t('resultsNoScoreShort')}</span>`;
    const caption = this.#t('resultsTableCaption');
    // The caption is seen above the scrolling region, not in it, where a wide table (at 320 px
    // with large text) cut it to "Wyniki w tab…"; the table keeps its <caption> as its name.
    return html`<p class="caption" aria-hidden="true">${caption}</p>${tableScroll(
      'table-caption',
      html`<table part="table">
      <caption id="table-caption" class="visually-hidden">${caption}</caption>
      <thead>
        <tr>
          <th scope="col">${this.#t('resultsColArea')}</th>
          <th scope="col">${this.#t('resultsColScore')}</th>
          <th scope="col">${this.#t('resultsColBand')}</th>
          <th scope="col">${this.#t('resultsColAnswered')}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) => html`<tr>
            <th scope="row">${row.title}</th>
            <td class="number">${row.result.score ?? none}</td>
            <td>${row.band ?? none}</td>
            <td class="number">${this.#t('resultsAnsweredOf', { answered: row.result.answered, items: row.result.items })}</td>
          </tr>`,
        )}
      </tbody>
    </table>`,
    )}`;
  }

  get #filename(): string {
    // In the page's language, as the survey's "niewyslane" file is.
    return `${this.#parsed?.id ?? 'ankieta'}-${this.#locale === 'pl' ? 'wyniki' : 'results'}`;
  }

  /** The export: the survey, the respondent's own answers, and each dimension's score, band and advice. */
  get exportData() {
    const definition = this.#parsed;
    const locale = this.#locale;
    const response = this.response;
    return {
      survey: definition ? { id: definition.id, version: definition.version ?? 1, title: localize(definition.title, locale) } : undefined,
      response: response
        ? {
            ...(response.id ? { id: response.id } : {}),
            ...(response.submittedAt ? { submittedAt: response.submittedAt } : {}),
            locale,
            answers: response.answers,
          }
        : undefined,
      scores: this.#rows(locale).map((row) => ({
        id: row.dimension.id,
        title: row.title,
        score: row.result.score,
        band: row.result.band,
        bandLabel: row.band ?? null,
        advice: row.advice ?? null,
        answered: row.result.answered,
        items: row.result.items,
      })),
    };
  }

  #exportJson = () => {
    download(this.renderRoot as ShadowRoot, `${this.#filename}.json`, 'application/json', `${toJson(this.exportData, 2)}\n`);
  };

  #exportCsv = () => {
    if (!this.#parsed) return;
    const csv = resultsCsv(this.#parsed, { answers: this.response?.answers ?? {} }, this.#results, this.#locale);
    download(this.renderRoot as ShadowRoot, `${this.#filename}.csv`, 'text/csv;charset=utf-8', csv);
  };

  #print = () => {
    window.print();
  };
}

define('ankieta-results', AnkietaResults);

declare global {
  interface HTMLElementTagNameMap {
    'ankieta-results': AnkietaResults;
  }
}
