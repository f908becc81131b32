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
import type { AggregateResult, ScaleStats } from './aggregate.js';
import { answerText, cellText, notApplicableText, valueLabel } from './labels.js';

export type Cell = string | number | null | undefined;

export const csvSeparator = (locale: Locale) => (locale === 'pl' ? ';' : ',');

function formatCell(cell: Cell, locale: Locale): string {
  if (cell === null || cell === undefined) return '';
  let text: string;
  if (typeof cell === 'number') {
    const rounded = Math.round(cell * 1000) / 1000;
    text = locale === 'pl' ? String(rounded).replace('.', ',') : String(rounded);
  } else {
    // A text starting like a formula would run as one in a spreadsheet (CSV injection).
    text = /^[=+\-@\t\r\n]/.test(cell) ? `'${cell}` : cell;
  }
  return text.includes(csvSeparator(locale)) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV text. Numbers are written for the locale; text is quoted where needed. */
export function toCsv(rows: readonly (readonly Cell[])[], locale: Locale): string {
  const separator = csvSeparator(locale);
  // Every line as long as the header (RFC 4180): cells not given are empty.
  const width = rows[0]?.length ?? 0;
  const line = (row: readonly Cell[]) => Array.from({ length: Math.max(width, row.length) }, (_, i) => formatCell(row[i], locale));
  return `\uFEFF${rows.map((row) => line(row).join(separator)).join('\r\n')}\r\n`;
}

const answerable = (definition: SurveyDefinition) => definition.pages.flatMap((p) => p.questions).filter(isAnswerable);

/** A share in percent with one decimal, from the counts (exact halves: 201 of 400 is 50.3); empty without answers. */
const percent = (count: number, n: number) => (n ? Math.round((count * 1000) / n) / 10 : null);

/** The report as a table: one row per option, point, matrix row, group of the score and dimension band. */
export function summaryCsv(result: AggregateResult, locale: Locale): string {
  const tr = (key: Parameters<typeof translateReport>[1], vars?: Parameters<typeof translateReport>[2]) =>
    translateReport(locale, key, vars);
  const rows: Cell[][] = [
    [
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
    ],
  ];
  const divergence = (stats: ScaleStats) => (stats.divergent ? tr('reportDivergent') : undefined);
  for (const summary of result.report.questions) {
    const q = summary.question as AnswerableQuestion;
    const title = localize(q.title, locale);
    switch (summary.kind) {
      case 'choice':
        for (const c of summary.counts)
          rows.push([q.id, title, valueLabel(c.label, c.value, locale), c.count, percent(c.count, summary.n), summary.n]);
        break;
      case 'scale':
        for (const c of summary.counts)
          rows.push([q.id, title, valueLabel(c.label, c.value, locale), c.count, percent(c.count, summary.n), summary.n]);
        if (summary.notApplicable) rows.push([q.id, title, notApplicableText(q, locale), summary.notApplicable]);
        rows.push([q.id, title, tr('csvMean'), null, null, summary.n, summary.mean, summary.sd, divergence(summary)]);
        break;
      case 'nps':
        for (const c of summary.counts) rows.push([q.id, title, c.value, c.count, percent(c.count, summary.n), summary.n]);
        rows.push([q.id, title, tr('reportPromoters'), summary.promoters, percent(summary.promoters, summary.n), summary.n]);
        rows.push([q.id, title, tr('reportPassives'), summary.passives, percent(summary.passives, summary.n), summary.n]);
        rows.push([q.id, title, tr('reportDetractors'), summary.detractors, percent(summary.detractors, summary.n), summary.n]);
        rows.push([
          q.id,
          title,
          tr('reportNps'),
          null,
          null,
          summary.n,
          summary.score === null ? null : Math.round(summary.score),
          null,
          null,
        ]);
        break;
      case 'matrix':
        for (const row of summary.rows) {
          const label = localize(row.label, locale);
          rows.push([`${q.id}.${row.id}`, title, label, null, null, row.n, row.mean, row.sd, divergence(row)]);
          // As on screen: a row everyone marked "not applicable" reads 7 of them, not 0 ratings.
          if (row.notApplicable) rows.push([`${q.id}.${row.id}`, title, `${label}: ${notApplicableText(q, locale)}`, row.notApplicable]);
        }
        break;
      case 'text':
        rows.push([q.id, title, null, summary.answers.length]);
        break;
      case 'consent':
        rows.push([q.id, title, tr('answerYes'), summary.n, percent(summary.n, result.report.n), result.report.n]);
        break;
    }
  }
  for (const d of result.report.dimensions) {
    const title = localize(d.dimension.title, locale);
    for (const band of d.bands) rows.push([d.dimension.id, title, localize(band.label, locale), band.count, percent(band.count, d.n), d.n]);
    rows.push([d.dimension.id, title, tr('csvScore'), null, null, d.n, d.mean, null, null, d.min, d.max]);
    if (d.unscored) rows.push([d.dimension.id, title, tr('csvUnscored'), d.unscored]);
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
