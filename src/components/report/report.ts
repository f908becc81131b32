import { LitElement, html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { define } from '../shared/define.js';
import { FollowLang } from '../shared/follow-lang.js';
import { TableScrollStops, tableScrollStyles } from '../shared/table-scroll.js';
import { base, theme } from '../shared/theme.js';
import { emit } from '../survey/events.js';
// Kept in the declarations, so importing this element alone types its events for listeners.
export type * from '../survey/events.js';
import type { Locale, SurveyDefinition, SurveyDefinitionInput } from '../../schema/definition.js';
import type { DefinitionIssue } from '../../schema/issues.js';
import { parseDefinition } from '../../schema/parse.js';
import type { Response } from '../../schema/response.js';
import { display } from '../../engine/text.js';
import { responseScores } from '../../engine/scoring.js';
import { SurveyModel } from '../../engine/survey-model.js';
import { resolveLocale, type MessageKey, type Vars } from '../../i18n/index.js';
import { translateReport, type ReportKey } from '../../i18n/report.js';
import {
  aggregateInSlices,
  isResponseLike,
  segmentQuestions,
  yieldToMain,
  type AggregateResult,
  type Report,
} from '../../report/aggregate.js';
import { summaryCsv } from '../../report/csv.js';
import { responsesCsv } from '../../report/responses-csv.js';
import { fetchResponses, ReportLoadError } from '../../report/fetch.js';
import { download } from '../shared/download.js';
import { date } from './format.js';
import { dimensionsSection, questionSection, type Context } from './sections.js';
import { styles } from './report.styles.js';

type Phase = 'idle' | 'loading' | 'aggregating' | 'ready' | 'failed' | 'invalid';

/**
 * Sections are added a few per turn of the event loop, so a long report never blocks the page:
 * the number per turn adapts to keep each render near RENDER_BUDGET_MS.
 */
const RENDER_BUDGET_MS = 16;
const FIRST_SECTIONS = 2;
/** Free-text answers shown at first, and added per "show more". */
const TEXTS_STEP = 20;

/** Whether the report shows a standard deviation anywhere (a scale, rating or matrix row with two answers). */
const hasSd = (report: Report) =>
  report.questions.some((q) => (q.kind === 'scale' && q.sd !== null) || (q.kind === 'matrix' && q.rows.some((row) => row.sd !== null)));

/**
 * @summary The organisers' view of many responses: per-question distributions with counts and
 * shares, means, the recommendation score with promoters, passives, detractors and n, matrix
 * row means, divergence flags on scored items, free-text answers, dimension scores, a
 * breakdown by a single-choice question (groups under 5 responses hidden), and CSV export.
 *
 * Give it `definition` and `responses`, or `definition`, `src` (the collector's export URL)
 * and `token`. Large sets are aggregated and rendered in slices, with progress announced.
 *
 * An item is flagged "rozbieżne oceny" when the population standard deviation (divided by n) of
 * its answers, rounded to the two decimals shown on screen, is at least 1 (0.996 shows as 1,00
 * and is flagged; the summary CSV gives three decimals). A line above the figures explains the
 * standard deviation and says which one it is: a spreadsheet's STDEV.P (ODCH.STANDARD.POPUL), not
 * STDEV, which gives more for a few answers (1,00 where the report says 0,82). A dimension's mean score goes with the band whose range of whole scores it falls in,
 * read up to the next band: a mean of 39,50 is in 0–39, not 40–69. The minimum group of 5 applies to every breakdown, the sector one
 * included: the domain brief asks for 3 there and for 5 in anonymous mode, and the stricter
 * rule wins.
 *
 * "Pobierz odpowiedzi (CSV)" ("Download responses (CSV)") downloads the collector's CSV
 * export (`?format=csv`, described in collector/README.md) of the responses counted here,
 * whatever the report's language: the same columns, values and `;`, so a spreadsheet built on
 * one file reads the other. Its columns come from the `definition` given here, where the
 * collector's come from every version it knows, and its scores from the answers, as on screen
 * (the collector's from the response as stored). "Pobierz zestawienie (CSV)" ("Download summary
 * (CSV)") downloads the figures on screen in the report's language (`;` and a decimal comma in
 * Polish, `,` and a decimal point in English): columns Identyfikator, Pytanie lub obszar,
 * Pozycja, Liczba, Odsetek (%), Liczba odpowiedzi, Średnia, Odchylenie standardowe, Uwagi,
 * Najniższy, Najwyższy. With a breakdown chosen, each group shown adds four columns,
 * "<group> (n = N): Liczba", "…: Odsetek (%)", "…: Liczba odpowiedzi" and "…: Średnia", filled
 * where the group tables on screen have a figure: count and share on each option of a choice
 * question, n and mean on the "Średnia" row of a scale or rating question, n and the score on
 * the recommendation score's row, the mean on each matrix row and on each area's score row. As
 * on screen, a figure from fewer than 5 people is "–" and, where the screen gives their n, it
 * reads "mniej niż 5"; hidden groups get no columns, and a last row for the breakdown question
 * carries the screen's note on hidden groups.
 *
 * @event {CustomEvent<ReadyDetail>} ankieta-ready - Every section is rendered. `detail: {surveyId, definition}`
 * @event {CustomEvent<ErrorDetail>} ankieta-error - The definition is invalid. `detail: {kind: 'definition', message, issues}`
 *
 * @csspart base - The outer section.
 * @csspart title - The survey title.
 * @csspart toolbar - The breakdown select and the export buttons.
 * @csspart status - The live region announcing loading and progress.
 * @csspart question - One question's (or the dimension scores') section.
 * @csspart button - Each button.
 * @csspart message - An error or "no responses" message.
 *
 * @cssproperty --ankieta-report-bar-color - The bars (default: the accent colour).
 * @cssproperty --ankieta-report-flag-color - The "divergent views" flag (default: the error colour).
 * @cssproperty --ankieta-report-max-width - The widest the report grows (default 60em of its font size).
 */
export class AnkietaReport extends LitElement {
  static override styles = [theme, base, tableScrollStyles, styles];
  static override properties: PropertyDeclarations = {
    definition: { attribute: false },
    responses: { attribute: false },
    src: {},
    token: { attribute: false },
    locale: { reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
    segmentBy: { attribute: 'segment-by', reflect: true },
    phase: { state: true, attribute: false },
    progress: { state: true, attribute: false },
    result: { state: true, attribute: false },
    loadError: { state: true, attribute: false },
    sectionsShown: { state: true, attribute: false },
    textsShown: { state: true, attribute: false },
    printing: { state: true, attribute: false },
  };

  /** The survey definition (validated here). */
  definition?: SurveyDefinitionInput | undefined;
  /** The responses to aggregate; takes precedence over `src`. */
  responses?: readonly unknown[] | undefined;
  /** The collector's export URL, e.g. `/api/surveys/<id>/responses`. */
  src?: string | undefined;
  /** Bearer token for `src`. Set it as a property rather than an attribute, so it does not sit in the DOM. */
  token?: string | undefined;
  /** `pl` or `en`; default: the closest `[lang]`, then the definition's `locale`. */
  locale?: string | undefined;
  /** Level of the report title (question titles are one level below). */
  headingLevel = 2;
  /** Id of a single-choice question to break the report down by; empty for none. */
  segmentBy = '';

  private phase: Phase = 'idle';
  private progress = { done: 0, total: 0 };
  private result: AggregateResult | undefined;
  private loadError: ReportLoadError | undefined;
  private sectionsShown = 0;
  private textsShown = new Map<string, number>();
  /** Between beforeprint and afterprint: every section and every free-text answer is on the page. */
  private printing = false;

  #parsed: SurveyDefinition | undefined;
  #issues: DefinitionIssue[] = [];
  #responses: readonly unknown[] = [];
  /** Responses the loader could not read at all (counted with those of another survey). */
  #invalid = 0;
  #abort: AbortController | undefined;
  #renderTimer: ReturnType<typeof setTimeout> | undefined;
  #announced = false;
  /** What gets focus back once the report is on screen again (the select, a text list). */
  #refocus: (() => HTMLElement | null | undefined) | undefined;
  #resume = false;
  /** reload() was called: load again in the next update, with any properties set alongside. */
  #reloadRequested = false;
  #sectionsPerTurn = FIRST_SECTIONS;
  #renderStarted = 0;

  get #locale(): Locale {
    return resolveLocale(this.locale, this, this.#parsed?.locale);
  }

  #t(key: ReportKey | MessageKey, vars?: Vars): string {
    return translateReport(this.#locale, key, vars);
  }

  /** The current aggregate (after the last load), for scripts and tests. */
  get aggregate(): AggregateResult | undefined {
    return this.result;
  }

  constructor() {
    super();
    new TableScrollStops(this);
    new FollowLang(this);
  }

  /**
   * Loads and counts the responses again: from `src` (new responses may have arrived since),
   * or the same `responses` array after it changed. Setting `src` to the URL it already has
   * does not reload. `ankieta-ready` fires again when the report is back on screen.
   */
  reload(): void {
    this.#reloadRequested = true;
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeprint', this.#beforePrint);
    window.removeEventListener('afterprint', this.#afterPrint);
    // Work cut short by removal starts again if the element is put back.
    this.#resume = this.phase === 'loading' || this.phase === 'aggregating';
    this.#abort?.abort();
    clearTimeout(this.#renderTimer);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeprint', this.#beforePrint);
    window.addEventListener('afterprint', this.#afterPrint);
    if (this.#resume) {
      this.#resume = false;
      void this.#load();
    } else if (this.sectionsShown < this.#sectionCount) this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const reload = this.#reloadRequested;
    this.#reloadRequested = false;
    if (reload || changed.has('definition') || changed.has('responses') || changed.has('src') || changed.has('token')) void this.#load();
    else if (changed.has('segmentBy') && this.#parsed) void this.#aggregate();
  }

  protected override update(changed: PropertyValues<this>): void {
    this.#renderStarted = performance.now();
    super.update(changed);
  }

  protected override updated(changed: PropertyValues): void {
    const total = this.#sectionCount;
    if (this.phase !== 'ready') return;
    const refocus = this.#refocus?.();
    if (refocus) {
      this.#refocus = undefined;
      refocus.focus();
    }
    if (changed.has('sectionsShown')) {
      const took = performance.now() - this.#renderStarted;
      const step = this.#sectionsPerTurn;
      this.#sectionsPerTurn = Math.max(
        1,
        Math.min(20, took > RENDER_BUDGET_MS ? Math.floor(step / 2) : took < RENDER_BUDGET_MS / 2 ? step * 2 : step),
      );
    }
    if (this.sectionsShown < total) {
      clearTimeout(this.#renderTimer);
      this.#renderTimer = setTimeout(() => (this.sectionsShown = Math.min(total, this.sectionsShown + this.#sectionsPerTurn)), 0);
    } else if (!this.#announced && this.#parsed) {
      this.#announced = true;
      emit(this, 'ankieta-ready', { surveyId: this.#parsed.id, definition: this.#parsed });
    }
  }

  get #sectionCount(): number {
    return this.result ? this.result.report.questions.length : 0;
  }

  async #load(): Promise<void> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.loadError = undefined;
    this.#issues = [];
    this.#parsed = undefined;
    this.result = undefined;
    if (this.definition === undefined) {
      this.phase = 'idle';
      return;
    }
    // Validating a large definition takes a moment: not in the task that set the properties.
    this.phase = 'loading';
    await yieldToMain();
    if (abort.signal.aborted) return;
    const parsed = parseDefinition(this.definition);
    if (!parsed.ok) {
      this.#issues = parsed.issues;
      this.phase = 'invalid';
      emit(this, 'ankieta-error', {
        kind: 'definition',
        message: parsed.issues.map((i) => `${i.path}: ${i.message}`).join('\n'),
        issues: parsed.issues,
      });
      return;
    }
    this.#parsed = parsed.value;
    this.#invalid = 0;
    if (this.responses) this.#responses = this.responses;
    else if (this.src) {
      this.phase = 'loading';
      try {
        const loaded = await fetchResponses(this.src, { token: this.token, signal: abort.signal });
        if (abort.signal.aborted) return;
        this.#responses = loaded.responses;
        this.#invalid = loaded.invalid;
      } catch (error) {
        if (abort.signal.aborted) return;
        this.loadError = error instanceof ReportLoadError ? error : new ReportLoadError('network', String(error));
        this.phase = 'failed';
        return;
      }
    } else this.#responses = [];
    await this.#aggregate();
  }

  async #aggregate(): Promise<void> {
    const definition = this.#parsed;
    if (!definition) return;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    const segment = segmentQuestions(definition).some((q) => q.id === this.segmentBy) ? this.segmentBy : undefined;
    this.phase = 'aggregating';
    this.progress = { done: 0, total: this.#responses.length };
    try {
      const result = await aggregateInSlices(definition, this.#responses, {
        ...(segment ? { segmentBy: segment } : {}),
        signal: abort.signal,
        onProgress: (done, total) => (this.progress = { done, total }),
      });
      this.result = result;
      this.#sectionsPerTurn = FIRST_SECTIONS;
      this.sectionsShown = Math.min(FIRST_SECTIONS, result.report.questions.length);
      this.#announced = false;
      this.phase = 'ready';
    } catch (error) {
      if (!abort.signal.aborted) throw error;
    }
  }

  /** "od 18.04.2016 do 18.04.2016" said once when both are the same day. */
  #period(from: string, to: string): string {
    return from === to ? this.#t('reportPeriodDay', { date: from }) : this.#t('reportPeriod', { from, to });
  }

  protected override render() {
    const locale = this.#locale;
    const level = Math.min(6, Math.max(1, this.headingLevel));
    if (this.phase === 'invalid')
      return html`<div part="message" class="message error" role="alert" lang=${locale}>
        <p>${this.#t('reportDefinitionInvalid')}</p>
        <ul>
          ${this.#issues.slice(0, 20).map((i) => html`<li><code>${i.path}</code>: ${i.message}</li>`)}
        </ul>
      </div>`;
    const definition = this.#parsed;
    return html`<section part="base" class="report" lang=${locale} aria-labelledby="report-title">
      <div role="heading" aria-level=${level} part="title" class="title" id="report-title">
        ${definition ? display(definition.title, locale) : this.#t('reportTitle')}
      </div>
      ${this.#renderSummary(locale)}
      <p part="status" class="status" role="status">${this.#statusText()}${
        this.phase === 'ready' && this.result
          ? html`<span class="visually-hidden">${this.#t('reportReady', { count: this.result.report.n })}</span>`
          : nothing
      }</p>
      ${this.#renderProblem()}
      ${this.phase === 'ready' && this.result?.report.n ? this.#renderReport(locale, level) : nothing}
    </section>`;
  }

  #statusText(): string {
    if (this.phase === 'loading') return this.#t('reportLoading');
    if (this.phase === 'aggregating') return this.#t('reportProgress', { done: this.progress.done, total: this.progress.total });
    return '';
  }

  #renderSummary(locale: Locale) {
    const report = this.result?.report;
    if (!report || this.phase !== 'ready') return nothing;
    const skipped = this.result!.skipped + this.#invalid;
    return html`<p class="summary">
        <strong>${this.#t('reportResponses', { count: report.n })}</strong>
        ${
          report.firstSubmittedAt && report.lastSubmittedAt
            ? html`<br />${this.#period(date(locale, report.firstSubmittedAt), date(locale, report.lastSubmittedAt))}`
            : nothing
        }
      </p>
      ${skipped ? html`<p class="meta">${this.#t('reportSkipped', { count: skipped })}</p>` : nothing}
      ${hasSd(report) ? html`<p class="meta">${this.#t('reportSdExplain')}</p>` : nothing}`;
  }

  #renderProblem() {
    if (this.phase === 'idle' && this.definition === undefined)
      return html`<p part="message" class="message">${this.#t('reportNoDefinition')}</p>`;
    if (this.phase === 'failed' && this.loadError) {
      const error = this.loadError;
      const key: ReportKey = {
        auth: this.token ? 'reportAuthFailed' : 'reportTokenMissing',
        missing: 'reportNotFound',
        http: 'reportLoadFailed',
        network: 'reportNetworkFailed',
        origin: 'reportOriginRefused',
        format: 'reportFormatFailed',
      }[error.kind] as ReportKey;
      return html`<div part="message" class="message error" role="alert">
        ${this.#t(key, { status: error.status ?? '', origin: location.origin, survey: this.#parsed?.id ?? '' })}
      </div>`;
    }
    if (this.phase === 'ready' && !this.result?.report.n) return html`<p part="message" class="message">${this.#t('reportEmpty')}</p>`;
    return nothing;
  }

  #renderReport(locale: Locale, level: number) {
    const result = this.result!;
    const definition = this.#parsed!;
    const textsShown = this.textsShown;
    const printing = this.printing;
    const ctx: Context = {
      locale,
      level: level + 1,
      breakdown: result.breakdown,
      textsShown: (id) => (printing ? Infinity : (textsShown.get(id) ?? TEXTS_STEP)),
      showMoreTexts: (id) => {
        const before = textsShown.get(id) ?? TEXTS_STEP;
        this.textsShown = new Map(textsShown).set(id, before + 5 * TEXTS_STEP);
        // The button may go; focus moves to the first answer it brought.
        this.#refocus = () => {
          const item = this.renderRoot
            .querySelector(`#q-${CSS.escape(id)}`)
            ?.closest('section')
            ?.querySelectorAll('ul.texts > li')[before];
          item?.setAttribute('tabindex', '-1');
          return item as HTMLElement | undefined;
        };
      },
    };
    const segments = segmentQuestions(definition);
    return html`<div part="toolbar" class="toolbar">
        ${
          segments.length
            ? html`<label
              >${this.#t('reportBreakdown')}
              <select @change=${this.#onSegment}>
                <option value="" ?selected=${!result.breakdown}>${this.#t('reportBreakdownNone')}</option>
                ${segments.map((q) => html`<option value=${q.id} ?selected=${result.breakdown?.question.id === q.id}>${display(q.title, locale)}</option>`)}
              </select>
            </label>`
            : nothing
        }
        <div class="exports" role="group" aria-label=${this.#t('reportExport')}>
          <button part="button" type="button" data-export="responses" @click=${this.#exportResponses}>${this.#t('reportExportResponses')}</button>
          <button part="button" type="button" data-export="summary" @click=${this.#exportSummary}>${this.#t('reportExportSummary')}</button>
        </div>
      </div>
      ${result.breakdown ? this.#renderBreakdownNote(result) : nothing}
      ${dimensionsSection(ctx, result.report.dimensions, this.#t('reportDimensions'))}
      ${result.report.questions
        .slice(0, this.sectionsShown)
        // A section already on screen is left alone unless something it shows has changed.
        .map((summary) => guard([summary, locale, level, textsShown, printing], () => questionSection(ctx, summary)))}`;
  }

  #renderBreakdownNote(result: AggregateResult) {
    const breakdown = result.breakdown!;
    // On paper the select is gone: this line says what it shows.
    return html`<div class="note">
      <p class="print-only">${this.#t('reportBreakdown')}: ${display(breakdown.question.title, this.#locale)}</p>
      ${breakdown.hidden ? html`<p>${this.#t('reportHiddenGroups', { count: breakdown.hidden })}</p>` : nothing}
      ${breakdown.groups.length ? nothing : html`<p>${this.#t('reportNoGroups')}</p>`}
      <p>${this.#t('reportHiddenRule')}</p>
    </div>`;
  }

  /**
   * The browser lays the page out for print right after this event's listeners: the whole
   * report is rendered here and now, not in the next slice. The "show more" button has no
   * place on paper, so every free-text answer is printed.
   */
  #beforePrint = () => {
    this.printing = true;
    if (this.phase === 'ready') this.sectionsShown = this.#sectionCount;
    this.performUpdate();
  };

  #afterPrint = () => {
    this.printing = false;
  };

  #onSegment = (event: Event) => {
    this.segmentBy = (event.target as HTMLSelectElement).value;
    // The select leaves the page while the responses are counted again; focus comes back to it.
    this.#refocus = () => this.renderRoot.querySelector('select');
  };

  #exportResponses = () => {
    const definition = this.#parsed;
    if (!definition) return;
    // The same test the aggregation applies, so the file holds what the screen counted.
    const counted = this.#responses.filter((r): r is Response => isResponseLike(r) && r.surveyId === definition.id);
    // Scores as the screen has them, from the answers: a response handed over without them (or
    // with others) would leave the file's score columns empty where the screen shows a score.
    const responses = definition.scoring
      ? counted.map((r) => ({ ...r, scores: responseScores(new SurveyModel(definition, { answers: r.answers }).dimensionResults()) }))
      : counted;
    download(
      this.renderRoot as ShadowRoot,
      `${definition.id}-${this.#locale === 'pl' ? 'odpowiedzi' : 'responses'}.csv`,
      'text/csv;charset=utf-8',
      responsesCsv(definition, responses),
    );
  };

  #exportSummary = () => {
    const definition = this.#parsed;
    if (!definition || !this.result) return;
    download(
      this.renderRoot as ShadowRoot,
      `${definition.id}-${this.#locale === 'pl' ? 'zestawienie' : 'summary'}.csv`,
      'text/csv;charset=utf-8',
      summaryCsv(this.result, this.#locale),
    );
  };
}

define('ankieta-report', AnkietaReport);

declare global {
  interface HTMLElementTagNameMap {
    'ankieta-report': AnkietaReport;
  }
}
