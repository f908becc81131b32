/**
 * Render functions for the report's sections, one per kind of question summary. Distributions
 * are tables whose share cells carry a decorative SVG bar: the numbers stay text for screen
 * readers, and the bar lengths are SVG geometry, not style attributes (strict CSP).
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import type { AnswerableQuestion, Band, Locale, LocalizedText } from '../../schema/definition.js';
import { display } from '../../engine/text.js';
import { tableScroll } from '../shared/table-scroll.js';
import { numericRange } from '../../engine/scales.js';
import { noBreakSpaces, type MessageKey, type Vars } from '../../i18n/index.js';
import { translateReport, type ReportKey } from '../../i18n/report.js';
import {
  MIN_GROUP_SIZE,
  type Breakdown,
  type Count,
  type DimensionSummary,
  type Group,
  type QuestionSummary,
  type ScaleStats,
  tooFewToShow,
  hideFigure,
} from '../../report/aggregate.js';
import * as plain from '../../report/labels.js';
import { asShown } from '../../report/statistics.js';
import { decimal, integer, percent, signed } from './format.js';

export interface Context {
  locale: Locale;
  /** Heading level of each question's title. */
  level: number;
  breakdown: Breakdown | undefined;
  /** How many free-text answers to show for a question. */
  textsShown: (questionId: string) => number;
  showMoreTexts: (questionId: string) => void;
}

const t = (ctx: Context, key: ReportKey | MessageKey, vars?: Vars) => translateReport(ctx.locale, key, vars);

// Answer labels as the page shows them, bound like question titles ("w\u00a0JST"); the CSV files
// keep plain spaces, which a spreadsheet's search and filters expect.
const valueLabel = (label: LocalizedText | undefined, value: string | number, locale: Locale) =>
  noBreakSpaces(plain.valueLabel(label, value, locale), locale);
const groupLabel = (group: Group, locale: Locale) => noBreakSpaces(plain.groupLabel(group, locale), locale);
const notApplicableText = (question: AnswerableQuestion, locale: Locale) =>
  noBreakSpaces(plain.notApplicableText(question, locale), locale);

/** A bar for a share of 0–1, drawn in a 100 × 10 box stretched to the cell. */
const bar = (share: number) =>
  html`<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">${svg`<rect class="bar-track" width="100" height="10"></rect><rect class="bar-fill" width=${Math.round(Math.max(0, Math.min(1, share)) * 1000) / 10} height="10"></rect>`}</svg>`;

const barCell = (share: number, text: string) =>
  html`<td class="share"><div class="share-inner">${bar(share)}<span>${text}</span></div></td>`;
const shareCell = (ctx: Context, share: number) => barCell(share, percent(ctx.locale, share));
/**
 * A dimension's mean with the band it falls in. Bands are ranges of whole scores ("0–39",
 * "40–69"), read as up to the next band: a mean of 39.50 is "Wymaga uwagi", not the band of 40,
 * which would not contain the figure shown beside it.
 */
const meanWithBand = (ctx: Context, bands: readonly Band[], mean: number) => {
  // Decided on the figure shown: 39.995 is shown "40,00", and is "W rozwoju".
  const shown = asShown(mean);
  const band = bands.find((b) => b.min <= shown && shown < b.max + 1);
  return `${decimal(ctx.locale, mean)}${band ? ` (${display(band.label, ctx.locale)})` : ''}`;
};

function heading(ctx: Context, id: string, text: string) {
  return html`<div role="heading" aria-level=${Math.min(6, ctx.level)} class="question-title" id=${`q-${id}`}>${text}</div>`;
}

function distribution(ctx: Context, id: string, counts: readonly Count[], options: { numeric?: boolean } = {}) {
  return tableScroll(
    `q-${id} ${id}-distribution`,
    html`<table class="distribution">
    <caption class="visually-hidden" id=${`${id}-distribution`}>${t(ctx, 'reportDistributionCaption')}</caption>
    <thead>
      <tr>
        <th scope="col">${t(ctx, 'reportColAnswer')}</th>
        <th scope="col" class="number">${t(ctx, 'reportColCount')}</th>
        <th scope="col">${t(ctx, 'reportColShare')}</th>
      </tr>
    </thead>
    <tbody>
      ${counts.map(
        (c) => html`<tr>
          <th scope="row" class=${options.numeric ? 'number-label' : ''}>${valueLabel(c.label, c.value, ctx.locale)}</th>
          <td class="number">${integer(ctx.locale, c.count)}</td>
          ${shareCell(ctx, c.share)}
        </tr>`,
      )}
    </tbody>
  </table>`,
  );
}

/**
 * "rozbieżne oceny" as a badge; in brackets for screen readers and copied text, where it ran into
 * the number before it ("odchylenie standardowe: 1,50 rozbieżne oceny").
 */
const flag = (ctx: Context) =>
  html` <span class="flag"><span class="stop">(</span>${t(ctx, 'reportDivergent')}<span class="stop">)</span></span>`;

const answeredBy = (ctx: Context, n: number) => html`<p class="meta">${t(ctx, 'reportAnsweredBy', { count: n })}</p>`;

function statsLine(ctx: Context, stats: ScaleStats, question: AnswerableQuestion) {
  const notApplicable = stats.notApplicable
    ? html`<p class="meta">${t(ctx, 'reportNotApplicable', { count: stats.notApplicable, label: notApplicableText(question, ctx.locale) })}</p>`
    : nothing;
  // Everyone may have chosen "not applicable": no mean, but their number still shows.
  if (stats.mean === null) return notApplicable;
  return html`<p class="stats">
      <strong>${t(ctx, 'reportMean', { mean: decimal(ctx.locale, stats.mean) })}</strong>${
        // Not a comma, which after a decimal comma ("3,50, odchylenie") reads as another digit.
        stats.sd === null ? nothing : html`; ${t(ctx, 'reportSd', { sd: decimal(ctx.locale, stats.sd) })}`
      }${stats.divergent ? flag(ctx) : nothing}
    </p>
    ${stats.divergent ? html`<p class="flag-note">${t(ctx, 'reportDivergentNote')}</p>` : nothing} ${notApplicable}`;
}

function groupSummary(group: Group, id: string): QuestionSummary | undefined {
  return group.report.questions.find((q) => q.question.id === id);
}

function breakdownTable(ctx: Context, summary: QuestionSummary): TemplateResult | typeof nothing {
  const breakdown = ctx.breakdown;
  if (!breakdown || !breakdown.groups.length || summary.question.id === breakdown.question.id) return nothing;
  if (summary.kind === 'text' || summary.kind === 'consent') return nothing;
  const caption = t(ctx, 'reportBreakdownCaption', { question: display(breakdown.question.title, ctx.locale) });
  const groups = breakdown.groups;
  const head = html`<thead>
    <tr>
      <th scope="col">${summary.kind === 'choice' ? t(ctx, 'reportColAnswer') : summary.kind === 'matrix' ? t(ctx, 'reportColItem') : t(ctx, 'reportColGroup')}</th>
      ${
        summary.kind === 'choice' || summary.kind === 'matrix'
          ? groups.map(
              (g) =>
                html`<th scope="col" class="number">${t(ctx, 'reportGroupHeading', { group: groupLabel(g, ctx.locale), count: g.n })}</th>`,
            )
          : html`<th scope="col" class="number">${t(ctx, 'reportColN')}</th>
            <th scope="col" class="number">${summary.kind === 'nps' ? t(ctx, 'reportNps') : t(ctx, 'reportColMean')}</th>`
      }
    </tr>
  </thead>`;
  let body: unknown;
  switch (summary.kind) {
    case 'choice':
      body = summary.counts.map(
        (c, i) => html`<tr>
          <th scope="row">${valueLabel(c.label, c.value, ctx.locale)}</th>
          ${groups.map((g) => {
            const group = groupSummary(g, summary.question.id) as typeof summary | undefined;
            const cell = hideFigure(group) ? undefined : group!.counts[i];
            return html`<td class="number">${cell ? `${integer(ctx.locale, cell.count)} (${percent(ctx.locale, cell.share)})` : '–'}</td>`;
          })}
        </tr>`,
      );
      break;
    case 'matrix':
      body = summary.rows.map(
        (row, i) => html`<tr>
          <th scope="row">${display(row.label, ctx.locale)}</th>
          ${groups.map((g) => {
            const row = (groupSummary(g, summary.question.id) as typeof summary | undefined)?.rows[i];
            return html`<td class="number">${row?.mean == null || hideFigure(row) ? '–' : decimal(ctx.locale, row.mean)}</td>`;
          })}
        </tr>`,
      );
      break;
    case 'scale':
    case 'nps':
      body = groups.map((g) => {
        const s = groupSummary(g, summary.question.id) as typeof summary | undefined;
        const few = tooFewToShow(s?.n);
        const value = hideFigure(s)
          ? '–'
          : s?.kind === 'nps'
            ? s.score === null
              ? '–'
              : signed(ctx.locale, s.score)
            : s?.mean == null
              ? '–'
              : decimal(ctx.locale, s.mean);
        return html`<tr>
          <th scope="row">${groupLabel(g, ctx.locale)}</th>
          <td class="number">${few ? t(ctx, 'reportFewerThan', { count: MIN_GROUP_SIZE }) : integer(ctx.locale, s!.n)}</td>
          <td class="number">${value}</td>
        </tr>`;
      });
      break;
  }
  const id = summary.question.id;
  return tableScroll(
    `q-${id} ${id}-breakdown`,
    html`<table class="breakdown">
    <caption id=${`${id}-breakdown`}>${caption}</caption>
    ${head}
    <tbody>${body}</tbody>
  </table>`,
  );
}

/** No answers: for a question shown only after some answers (a follow-up), maybe shown to nobody. */
const noAnswers = (ctx: Context, question: AnswerableQuestion) =>
  html`<p class="meta">${t(ctx, question.visibleIf ? 'reportNoAnswersShownToSome' : 'reportNoAnswers')}</p>`;

function npsBody(ctx: Context, summary: Extract<QuestionSummary, { kind: 'nps' }>) {
  if (!summary.n) return noAnswers(ctx, summary.question);
  const groups: [ReportKey | MessageKey, number][] = [
    ['reportPromoters', summary.promoters],
    ['reportPassives', summary.passives],
    ['reportDetractors', summary.detractors],
  ];
  return html`${answeredBy(ctx, summary.n)}
    <p class="nps"><span class="nps-label">${t(ctx, 'reportNps')}:</span> <strong class="nps-score">${signed(ctx.locale, summary.score!)}</strong></p>
    <p class="meta">${t(ctx, 'reportNpsExplain')}</p>
    ${tableScroll(
      `q-${summary.question.id} ${summary.question.id}-groups`,
      html`<table class="distribution nps-groups">
      <caption class="visually-hidden" id=${`${summary.question.id}-groups`}>${t(ctx, 'reportNps')}</caption>
      <thead>
        <tr>
          <th scope="col">${t(ctx, 'reportColGroup')}</th>
          <th scope="col" class="number">${t(ctx, 'reportColCount')}</th>
          <th scope="col">${t(ctx, 'reportColShare')}</th>
        </tr>
      </thead>
      <tbody>
        ${groups.map(
          ([key, count]) => html`<tr>
            <th scope="row">${t(ctx, key)}</th>
            <td class="number">${integer(ctx.locale, count)}</td>
            ${shareCell(ctx, count / summary.n)}
          </tr>`,
        )}
      </tbody>
    </table>`,
    )}
    ${distribution(ctx, summary.question.id, summary.counts, { numeric: true })}`;
}

function matrixBody(ctx: Context, summary: Extract<QuestionSummary, { kind: 'matrix' }>) {
  const range = numericRange(summary.question)!;
  const span = range.max - range.min;
  const anyNa = summary.rows.some((r) => r.notApplicable);
  const divergent = summary.rows.some((r) => r.divergent);
  const caption = t(ctx, 'reportMatrixCaption', { min: range.min, max: range.max });
  const id = summary.question.id;
  return html`${tableScroll(
    `q-${id} ${id}-matrix`,
    html`<table class="distribution matrix">
      <caption id=${`${id}-matrix`}>${caption}</caption>
      <thead>
        <tr>
          <th scope="col">${t(ctx, 'reportColItem')}</th>
          <th scope="col">${t(ctx, 'reportColMean')}</th>
          <th scope="col" class="number">${t(ctx, 'reportColN')}</th>
          <th scope="col" class="number">${t(ctx, 'reportColSd')}</th>
          ${anyNa ? html`<th scope="col" class="number">${t(ctx, 'reportColNa')}</th>` : nothing}
        </tr>
      </thead>
      <tbody>
        ${summary.rows.map(
          (row) => html`<tr>
            <th scope="row">${display(row.label, ctx.locale)}${row.divergent ? flag(ctx) : nothing}</th>
            ${row.mean === null ? html`<td>–</td>` : barCell((row.mean - range.min) / span, decimal(ctx.locale, row.mean))}
            <td class="number">${integer(ctx.locale, row.n)}</td>
            <td class="number">${row.sd === null ? '–' : decimal(ctx.locale, row.sd)}</td>
            ${anyNa ? html`<td class="number">${integer(ctx.locale, row.notApplicable)}</td>` : nothing}
          </tr>`,
        )}
      </tbody>
    </table>`,
  )}
    ${divergent ? html`<p class="flag-note">${t(ctx, 'reportDivergentNote')}</p>` : nothing}`;
}

function textList(ctx: Context, id: string, answers: readonly string[]) {
  const shown = Math.min(answers.length, ctx.textsShown(id));
  return html`<ul class="texts">
      ${answers.slice(0, shown).map((answer) => html`<li>${answer}</li>`)}
    </ul>
    ${
      shown < answers.length
        ? html`<button type="button" part="button" class="more" @click=${() => ctx.showMoreTexts(id)}>
              ${t(ctx, 'reportShowMore', { count: answers.length - shown })}
            </button>
            <p class="meta print-only">${t(ctx, 'reportNotPrinted', { count: answers.length - shown })}</p>`
        : nothing
    }`;
}

function body(ctx: Context, summary: QuestionSummary) {
  switch (summary.kind) {
    case 'choice':
      if (!summary.n) return noAnswers(ctx, summary.question);
      return html`${answeredBy(ctx, summary.n)}
        ${summary.question.multiple ? html`<p class="meta">${t(ctx, 'reportMultipleNote')}</p>` : nothing}
        ${distribution(ctx, summary.question.id, summary.counts)}
        ${
          summary.otherTexts.length
            ? html`<p class="meta">${t(ctx, 'reportOtherTexts')}:</p>
              ${textList(ctx, `${summary.question.id}.other`, summary.otherTexts)}`
            : nothing
        }`;
    case 'scale':
      if (!summary.n && !summary.notApplicable) return noAnswers(ctx, summary.question);
      return html`${answeredBy(ctx, summary.n)} ${statsLine(ctx, summary, summary.question)}
        ${distribution(ctx, summary.question.id, summary.counts, { numeric: summary.question.type === 'rating' })}`;
    case 'nps':
      return npsBody(ctx, summary);
    case 'matrix':
      return matrixBody(ctx, summary);
    case 'text':
      if (!summary.answers.length) return noAnswers(ctx, summary.question);
      return html`<p class="meta">${t(ctx, 'reportTextCount', { count: summary.answers.length })}</p>
        ${textList(ctx, summary.question.id, summary.answers)}`;
    case 'consent':
      return html`<p class="meta">${t(ctx, 'reportConsent', { count: summary.n })}</p>`;
  }
}

export function questionSection(ctx: Context, summary: QuestionSummary) {
  const id = summary.question.id;
  return html`<section part="question" class="question">
    ${heading(ctx, id, display(summary.question.title, ctx.locale))} ${body(ctx, summary)} ${breakdownTable(ctx, summary)}
  </section>`;
}

export function dimensionsSection(ctx: Context, dimensions: readonly DimensionSummary[], title: string) {
  if (!dimensions.length) return nothing;
  // Band counts get one column each when every dimension has the same bands (as in the built-in template).
  const bands = dimensions[0]!.bands;
  const sameBands = dimensions.every(
    (d) =>
      d.bands.length === bands.length && d.bands.every((b, i) => display(b.label, ctx.locale) === display(bands[i]!.label, ctx.locale)),
  );
  const breakdown = ctx.breakdown?.groups.length ? ctx.breakdown : undefined;
  return html`<section part="question" class="question dimensions">
    <div role="heading" aria-level=${Math.min(6, ctx.level)} class="question-title" id="q-dimensions">${title}</div>
    ${tableScroll(
      'q-dimensions dimensions-table',
      html`<table class="distribution">
      <caption class="visually-hidden" id="dimensions-table">${t(ctx, 'resultsTableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">${t(ctx, 'resultsColArea')}</th>
          <th scope="col">${t(ctx, 'reportColScore')}</th>
          <th scope="col" class="number">${t(ctx, 'reportColN')}</th>
          <th scope="col" class="number">${t(ctx, 'reportColRange')}</th>
          ${sameBands ? bands.map((b) => html`<th scope="col" class="number">${display(b.label, ctx.locale)}</th>`) : nothing}
        </tr>
      </thead>
      <tbody>
        ${dimensions.map(
          (d) => html`<tr>
            <th scope="row">${display(d.dimension.title, ctx.locale)}</th>
            ${d.mean === null ? html`<td>–</td>` : barCell(d.mean / 100, meanWithBand(ctx, d.dimension.bands, d.mean))}
            <td class="number">${integer(ctx.locale, d.n)}</td>
            <td class="number">${d.min === null ? '–' : `${d.min}–${d.max}`}</td>
            ${sameBands ? d.bands.map((b) => html`<td class="number">${integer(ctx.locale, b.count)} (${percent(ctx.locale, b.share)})</td>`) : nothing}
          </tr>`,
        )}
      </tbody>
    </table>`,
    )}
    ${
      dimensions.some((d) => d.unscored)
        ? html`<ul class="meta">
          ${dimensions.filter((d) => d.unscored).map((d) => html`<li>${t(ctx, 'reportUnscored', { area: display(d.dimension.title, ctx.locale), count: d.unscored })}</li>`)}
        </ul>`
        : nothing
    }
    ${
      breakdown
        ? tableScroll(
            'q-dimensions dimensions-breakdown',
            html`<table class="breakdown">
          <caption id="dimensions-breakdown">${t(ctx, 'reportBreakdownCaption', { question: display(breakdown.question.title, ctx.locale) })}</caption>
          <thead>
            <tr>
              <th scope="col">${t(ctx, 'resultsColArea')}</th>
              ${breakdown.groups.map((g) => html`<th scope="col" class="number">${t(ctx, 'reportGroupHeading', { group: groupLabel(g, ctx.locale), count: g.n })}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${dimensions.map(
              (d, i) => html`<tr>
                <th scope="row">${display(d.dimension.title, ctx.locale)}</th>
                ${breakdown.groups.map((g) => {
                  // Scored people, not the group's size: a group of 5 with 1 score would show that score.
                  const figure = g.report.dimensions[i];
                  return html`<td class="number">${figure?.mean == null || hideFigure(figure) ? '–' : decimal(ctx.locale, figure.mean)}</td>`;
                })}
              </tr>`,
            )}
          </tbody>
        </table>`,
          )
        : nothing
    }
  </section>`;
}
