/**
 * CSV for spreadsheets: UTF-8 with a byte-order mark (Excel otherwise guesses the encoding),
 * CRLF line ends (RFC 4180), and the separator Excel expects for the language: ";" with a
 * decimal comma in Polish, "," with a decimal point in English.
 */
import type { AnswerableQuestion, Locale, SurveyDefinition } from '../schema/definition.js';
import type { Response } from '../schema/response.js';
import { isAnswerable, otherKey } from '../engine/answers.js';
import type { DimensionResult } from '../engine/scoring.js';
import { localize } from '../engine/text.js';
import { translate } from '../i18n/index.js';
import { translateReport } from '../i18n/report.js';
import {
  MIN_GROUP_SIZE,
  hideFigure,
  tooFewToShow,
  type AggregateResult,
  type Group,
  type QuestionSummary,
  type ScaleStats,
} from './aggregate.js';
import { answerText, cellText, groupLabel, notApplicableText, valueLabel } from './labels.js';
import { defuseFormula } from './responses-csv.js';
import { range } from '../schema/builtins.js';

export type Cell = string | number | null | undefined;

export const csvSeparator = (locale: Locale) => (locale === 'pl' ? ';' : ',');

function formatCell(cell: Cell, locale: Locale): string {
  if (cell === null || cell === undefined) return '';
  let text: string;
  if (typeof cell === 'number') {
    const rounded = Math.round(cell * 1000) / 1000;
    text = locale === 'pl' ? String(rounded).replace('.', ',') : String(rounded);
  } else {
    // Plain spaces in a file people search and sort: the no-break ones are for the screen.
    text = defuseFormula(cell.replace(/\u00a0/g, ' '));
  }
  return text.includes(csvSeparator(locale)) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV text. Numbers are written for the locale; text is quoted where needed. */
export function toCsv(rows: readonly (readonly Cell[])[], locale: Locale): string {
  const separator = csvSeparator(locale);
  // Every line as long as the header (RFC 4180): cells not given are empty.
  const width = rows[0]?.length ?? 0;
  const line = (row: readonly Cell[]) => range(Math.max(width, row.length)).map((i) => formatCell(row[i], locale));
  return `\uFEFF${rows.map((row) => line(row).join(separator)).join('\r\n')}\r\n`;
}

const answerable = (definition: SurveyDefinition) => definition.pages.flatMap((p) => p.questions).filter(isAnswerable);

/** A share in percent with one decimal, from the counts (exact halves: 201 of 400 is 50.3); empty without answers. */
const percent = (count: number, n: number) => (n ? Math.round((count * 1000) / n) / 10 : null);

/** What one shown group adds to a row: count, share (%), responses, mean (see `groupColumns`). */
type GroupFigures = readonly [count: Cell, share: Cell, n: Cell, mean: Cell];
const groupColumns = ['csvCount', 'csvSharePercent', 'csvN', 'csvMean'] as const;

/**
 * The report as a table: one row per option, point, matrix row, group of the score and dimension
 * band. With a breakdown, each shown group adds four columns (count, share, responses, mean)
 * holding what its breakdown table on screen holds, with the same small-group rule: a figure
 * from fewer than MIN_GROUP_SIZE people is "–", and their number reads "fewer than 5".
 */
export function summaryCsv(result: AggregateResult, locale: Locale): string {
  const tr = (key: Parameters<typeof translateReport>[1], vars?: Parameters<typeof translateReport>[2]) =>
    translateReport(locale, key, vars);
  const header: Cell[] = [
    tr('csvId'),
    tr('csvTitle'),
    tr('csvItem'),
    tr('csvCount'),
    tr('csvSharePercent'),
    tr('csvN'),
    tr('csvMean'),
    tr('csvSd'),
    tr('csvNote'),
    tr('csvMin'),
    tr('csvMax'),
  ];
  const breakdown = result.breakdown;
  const groups = breakdown?.groups ?? [];
  const width = header.length;
  for (const group of groups)
    for (const column of groupColumns)
      header.push(tr('csvGroupColumn', { group: groupLabel(group, locale), count: group.n, column: tr(column) }));
  const rows: Cell[][] = [header];
  /** A row, and when the screen has a breakdown table for it, each group's figures after the overall ones. */
  const push = (row: Cell[], figures?: (group: Group) => GroupFigures) => {
    if (figures && groups.length) row.push(...Array<Cell>(width - row.length).fill(null), ...groups.flatMap(figures));
    rows.push(row);
  };
  const hidden = '–';
  const fewer = tr('reportFewerThan', { count: MIN_GROUP_SIZE });
  const groupSummary = <K extends QuestionSummary['kind']>(group: Group, summary: Extract<QuestionSummary, { kind: K }>) =>
    group.report.questions.find((s) => s.question.id === summary.question.id) as Extract<QuestionSummary, { kind: K }> | undefined;
  const divergence = (stats: ScaleStats) => (stats.divergent ? tr('reportDivergent') : undefined);
  for (const summary of result.report.questions) {
    const q = summary.question as AnswerableQuestion;
    const title = localize(q.title, locale);
    // The question the report is broken down by has no breakdown table of its own.
    const inBreakdown = summary.question.id !== breakdown?.question.id;
    switch (summary.kind) {
      case 'choice':
        summary.counts.forEach((c, i) =>
          push(
            [q.id, title, valueLabel(c.label, c.value, locale), c.count, percent(c.count, summary.n), summary.n],
            inBreakdown
              ? (g) => {
                  const s = groupSummary(g, summary);
                  const cell = hideFigure(s) ? undefined : s!.counts[i];
                  return cell ? [cell.count, percent(cell.count, s!.n), null, null] : [hidden, hidden, null, null];
                }
              : undefined,
          ),
        );
        break;
      case 'scale':
        for (const c of summary.counts)
          rows.push([q.id, title, valueLabel(c.label, c.value, locale), c.count, percent(c.count, summary.n), summary.n]);
        if (summary.notApplicable) rows.push([q.id, title, notApplicableText(q, locale), summary.notApplicable]);
        push([q.id, title, tr('csvMean'), null, null, summary.n, summary.mean, summary.sd, divergence(summary)], (g) => {
          const s = groupSummary(g, summary);
          if (tooFewToShow(s?.n)) return [null, null, fewer, hidden];
          return [null, null, s!.n, hideFigure(s) ? hidden : (s!.mean ?? hidden)];
        });
        break;
      case 'nps':
        for (const c of summary.counts) rows.push([q.id, title, c.value, c.count, percent(c.count, summary.n), summary.n]);
        rows.push([q.id, title, tr('reportPromoters'), summary.promoters, percent(summary.promoters, summary.n), summary.n]);
        rows.push([q.id, title, tr('reportPassives'), summary.passives, percent(summary.passives, summary.n), summary.n]);
        rows.push([q.id, title, tr('reportDetractors'), summary.detractors, percent(summary.detractors, summary.n), summary.n]);
        push(
          [q.id, title, tr('reportNps'), null, null, summary.n, summary.score === null ? null : Math.round(summary.score), null, null],
          (g) => {
            const s = groupSummary(g, summary);
            if (tooFewToShow(s?.n)) return [null, null, fewer, hidden];
            return [null, null, s!.n, s!.score === null || hideFigure(s) ? hidden : Math.round(s!.score)];
          },
        );
        break;
      case 'matrix':
        summary.rows.forEach((row, i) => {
          const label = localize(row.label, locale);
          push([`${q.id}.${row.id}`, title, label, null, null, row.n, row.mean, row.sd, divergence(row)], (g) => {
            const groupRow = groupSummary(g, summary)?.rows[i];
            return [null, null, null, groupRow?.mean == null || hideFigure(groupRow) ? hidden : groupRow.mean];
          });
          // As on screen: a row everyone marked "not applicable" reads 7 of them, not 0 ratings.
          if (row.notApplicable) rows.push([`${q.id}.${row.id}`, title, `${label}: ${notApplicableText(q, locale)}`, row.notApplicable]);
        });
        break;
      case 'text':
        rows.push([q.id, title, null, summary.answers.length]);
        break;
      case 'consent':
        rows.push([q.id, title, tr('answerYes'), summary.n, percent(summary.n, result.report.n), result.report.n]);
        break;
    }
  }
  result.report.dimensions.forEach((d, i) => {
    const title = localize(d.dimension.title, locale);
    for (const band of d.bands) rows.push([d.dimension.id, title, localize(band.label, locale), band.count, percent(band.count, d.n), d.n]);
    push([d.dimension.id, title, tr('csvScore'), null, null, d.n, d.mean, null, null, d.min, d.max], (g) => {
      // Scored people, not the group's size: a group of 5 with 1 score would show that score.
      const figure = g.report.dimensions[i];
      return [null, null, null, figure?.mean == null || hideFigure(figure) ? hidden : figure.mean];
    });
    if (d.unscored) rows.push([d.dimension.id, title, tr('csvUnscored'), d.unscored]);
  });
  if (breakdown) {
    // What the note under the select says on screen.
    const notes = [
      breakdown.hidden ? tr('reportHiddenGroups', { count: breakdown.hidden }) : '',
      groups.length ? '' : tr('reportNoGroups'),
      tr('reportHiddenRule'),
    ];
    rows.push([
      breakdown.question.id,
      localize(breakdown.question.title, locale),
      tr('reportBreakdown'),
      null,
      null,
      null,
      null,
      null,
      notes.filter(Boolean).join(' '),
    ]);
  }
  return toCsv(rows, locale);
}

/** One respondent's answers and scores (what `<ankieta-results>` exports). */
export function resultsCsv(
  definition: SurveyDefinition,
  response: Pick<Response, 'answers'>,
  results: readonly DimensionResult[],
  locale: Locale,
): string {
  const rows: Cell[][] = [
    [
      translate(locale, 'csvId'),
      translate(locale, 'csvTitle'),
      translate(locale, 'csvValue'),
      translate(locale, 'csvLabel'),
      translate(locale, 'resultsAdvice'),
    ],
  ];
  for (const question of answerable(definition)) {
    const value = response.answers[question.id];
    if (value === undefined) continue;
    const title = localize(question.title, locale);
    if (question.type === 'matrix' && value && typeof value === 'object' && !Array.isArray(value)) {
      for (const row of question.rows) {
        if (!(row.id in value)) continue;
        const cell = (value as Record<string, number | string>)[row.id];
        rows.push([`${question.id}.${row.id}`, `${title} – ${localize(row.label, locale)}`, cell, cellText(question, cell, locale)]);
      }
      continue;
    }
    const raw: Cell = Array.isArray(value)
      ? value.join('|')
      : typeof value === 'boolean'
        ? value
          ? 1
          : 0
        : typeof value === 'object'
          ? undefined
          : value;
    const label = answerText(question, value, locale, response.answers[otherKey(question.id)]);
    rows.push([question.id, title, raw, label === String(raw) ? undefined : label]);
  }
  for (const result of results) {
    const dimension = definition.scoring?.dimensions.find((d) => d.id === result.id);
    if (!dimension) continue;
    const band = result.band === null ? undefined : dimension.bands[result.band];
    rows.push([
      result.id,
      localize(dimension.title, locale),
      result.score,
      band && localize(band.label, locale),
      band && localize(band.advice, locale),
    ]);
  }
  return toCsv(rows, locale);
}
