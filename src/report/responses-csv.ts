/**
 * The responses CSV: every response as one row, for analysis in a spreadsheet. One file format
 * wherever it is made — the collector's export (`?format=csv`) and the report's "responses"
 * button both write it here — so a spreadsheet built on one reads the other.
 *
 * Made to open correctly in Polish Excel: UTF-8 with a BOM (else Excel reads it as
 * Windows-1250), `;` between cells by default (Polish Excel expects it, since `,` is the
 * decimal separator), CRLF line ends, every text cell quoted. The separator does not follow
 * the language of the page that made the file: the same responses give the same bytes.
 */
import type { SurveyDefinition } from '../schema/definition.js';
import type { Response } from '../schema/response.js';
import { localize } from '../engine/text.js';

export type Separator = ';' | ',';

/** What a row is made of: a stored response (extra fields are ignored). */
export type ExportedResponse = Pick<Response, 'id' | 'surveyVersion' | 'locale' | 'startedAt' | 'submittedAt' | 'answers' | 'scores'>;

const META = ['id', 'surveyVersion', 'locale', 'startedAt', 'submittedAt'] as const;
/** Joins the options of a multiple choice in one cell. */
export const MULTI_JOIN = '|';

/** One column: its header and how to read its cell from a response. */
export interface Column {
  header: string;
  read: (response: ExportedResponse) => unknown;
}

/** `object[key]` when it is the object's own: an answer named "constructor" or "toString" in one
 * response must not fill the other rows with `Object`'s inherited functions. */
const own = (object: object, key: string): unknown => (Object.hasOwn(object, key) ? (object as Record<string, unknown>)[key] : undefined);
const answer = (key: string) => (r: ExportedResponse) => own(r.answers, key);
const matrixCell = (question: string, row: string) => (r: ExportedResponse) => {
  const value = own(r.answers, question);
  return value && typeof value === 'object' && !Array.isArray(value) ? own(value, row) : undefined;
};

function definitionColumns(definition: SurveyDefinition): Column[] {
  const columns: Column[] = [];
  for (const page of definition.pages)
    for (const question of page.questions) {
      if (question.type === 'info') continue;
      if (question.type === 'matrix') {
        for (const row of question.rows) columns.push({ header: `${question.id}.${row.id}`, read: matrixCell(question.id, row.id) });
        continue;
      }
      columns.push({ header: question.id, read: answer(question.id) });
      if (question.type === 'choice' && question.other)
        columns.push({ header: `${question.id}.other`, read: answer(`${question.id}.other`) });
    }
  return columns;
}

function scoreColumns(dimension: string, labels?: (band: number) => string | undefined): Column[] {
  return [
    { header: `score:${dimension}`, read: (r) => r.scores?.[dimension]?.score },
    {
      header: `band:${dimension}`,
      read: (r) => {
        const band = r.scores?.[dimension]?.band;
        return band === undefined ? undefined : (labels?.(band) ?? band);
      },
    },
  ];
}

/**
 * At most this many columns for answers and scores the definitions do not name. A response
 * carries at most 2000 answers (`MAX_ANSWERS`, matrix rows counted one by one), but without
 * definitions each response may bring 2000 new ones, and the file is as wide as all of them
 * together: a thousand such responses would make two million columns in every row, more than
 * a spreadsheet opens (Excel: 16 384) or the collector should spend its time writing.
 */
export const MAX_EXTRA_COLUMNS = 2000;
/** The last column when there are more: the rest of a row's answers, as JSON. */
export const MORE_ANSWERS = 'answers:more';

/**
 * Different answer keys the definitions do not name that are counted to choose the
 * MAX_EXTRA_COLUMNS columns; one first met after these goes into `answers:more`. Without the
 * bound, 5000 responses of 1990 keys each, to a collector without definitions, took an export
 * 84 s with every other request waiting, and 4 GB of memory.
 */
export const MAX_COUNTED_KEYS = 10 * MAX_EXTRA_COLUMNS;

/**
 * Columns: response metadata, then each question in definition order (newest version first,
 * then questions only older versions had), a matrix as one column per row (`question.row`),
 * an "Other" text as `question.other`, each scored dimension as `score:<id>` and `band:<id>`
 * (the band's label in the definition's language when the definition is known), then any
 * answer the definitions do not name (all of them when no definition is known), in the order
 * first seen. Of those, when there are more than MAX_EXTRA_COLUMNS, the ones found in the most
 * responses (the earlier seen on a tie; of the first MAX_COUNTED_KEYS met) get a column and the
 * rest of each row goes, as a JSON object keyed by column name, into a last column
 * `answers:more`: every answer is in the file. Each response is given to `add` once, and of each
 * only its answer keys (a matrix's row keys) and scored dimensions are read: the collector's
 * export counts them a batch at a time (collector/csv.ts), keeping no response.
 */
export class ColumnCounter {
  readonly #columns: Column[] = META.map((key) => ({ header: key, read: (r: ExportedResponse) => r[key] }));
  readonly #named = new Set<string>(META);
  /** Columns the definitions do not name, in the order first seen, with how many responses have each. */
  readonly #extra = new Map<string, { column: Column; count: number }>();
  /** A key met after MAX_COUNTED_KEYS others. */
  #uncounted = false;

  constructor(definitions: readonly SurveyDefinition[]) {
    const add = (column: Column) => {
      if (this.#named.has(column.header)) return;
      this.#named.add(column.header);
      this.#columns.push(column);
    };
    for (const definition of definitions) definitionColumns(definition).forEach(add);
    for (const definition of definitions)
      for (const dimension of definition.scoring?.dimensions ?? [])
        scoreColumns(dimension.id, (band) => {
          const label = dimension.bands[band]?.label;
          return label === undefined ? undefined : localize(label, definition.locale ?? 'pl');
        }).forEach(add);
  }

  add(response: ExportedResponse): void {
    for (const [header, , column] of cellsOf(response)) {
      if (this.#named.has(header)) continue;
      const known = this.#extra.get(header);
      if (known) known.count++;
      else if (this.#extra.size < MAX_COUNTED_KEYS) this.#extra.set(header, { column: column(), count: 1 });
      else this.#uncounted = true;
    }
  }

  columns(): Column[] {
    const all = [...this.#extra.values()];
    if (all.length <= MAX_EXTRA_COLUMNS && !this.#uncounted) return [...this.#columns, ...all.map((e) => e.column)];
    // Sorting is stable: on a tie the one seen first stays ahead.
    const kept = new Set([...all].sort((a, b) => b.count - a.count).slice(0, MAX_EXTRA_COLUMNS));
    const columned = new Set([...this.#named, ...[...kept].map((e) => e.column.header)]);
    const more: Column = {
      header: MORE_ANSWERS,
      read: (response) => {
        const cells: Record<string, unknown> = Object.create(null);
        let any = false;
        for (const [header, value] of cellsOf(response))
          if (!columned.has(header)) {
            cells[header] = value;
            any = true;
          }
        return any ? cells : undefined;
      },
    };
    return [...this.#columns, ...all.filter((e) => kept.has(e)).map((e) => e.column), more];
  }
}

/** The columns for `responses` (see ColumnCounter). */
export function columnsFor(definitions: readonly SurveyDefinition[], responses: Iterable<ExportedResponse>): Column[] {
  const counter = new ColumnCounter(definitions);
  for (const response of responses) counter.add(response);
  return counter.columns();
}

/** Each answer of a response (a matrix row by row) and each score and band, with its column. */
function* cellsOf(response: ExportedResponse): Generator<readonly [header: string, value: unknown, column: () => Column]> {
  for (const [key, value] of Object.entries(response.answers)) {
    if (value && typeof value === 'object' && !Array.isArray(value))
      for (const [row, cell] of Object.entries(value))
        yield [`${key}.${row}`, cell, () => ({ header: `${key}.${row}`, read: matrixCell(key, row) })];
    else yield [key, value, () => ({ header: key, read: answer(key) })];
  }
  for (const [dimension, score] of Object.entries(response.scores ?? {})) {
    const [scoreColumn, bandColumn] = scoreColumns(dimension) as [Column, Column];
    yield [scoreColumn.header, score.score, () => scoreColumn];
    yield [bandColumn.header, score.band, () => bandColumn];
  }
}

/**
 * Numbers as they are (a decimal point), everything else quoted with `"` doubled; text a
 * spreadsheet would run as a formula gets a leading `'` (CSV injection, see `defuseFormula`).
 * Consent stays `true`/`false`, no answer is `""`.
 */
export function cell(value: unknown): string {
  if (value === undefined || value === null) return '""';
  if (typeof value === 'number') return String(value);
  const text = Array.isArray(value) ? value.join(MULTI_JOIN) : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return `"${defuseFormula(text).replace(/"/g, '""')}"`;
}

/**
 * What a spreadsheet may run as a formula: text starting with `=`, `+`, `-` or `@`, or with their
 * other forms (full-width ＝＋－＠, the minus sign −, small ﹢﹣﹦﹫ and superscript ⁺, which some
 * read as the same), also behind leading spaces and invisible characters a spreadsheet may trim
 * or drop first (`\s`: space, no-break, ideographic and the other Unicode spaces, BOM; the
 * zero-width ones, next line U+0085, the Mongolian vowel separator U+180E, the soft hyphen, the
 * direction marks, embeddings and isolates, the Arabic letter mark, the combining grapheme
 * joiner, the invisible operators, variation selectors, the Hangul filler and tag characters),
 * and text starting with a tab, CR or LF.
 */
const FORMULA =
  /^(?:[\t\r\n]|[\s\u0085\u00ad\u034f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u3164\ufe00-\ufe0f\u{e0000}-\u{e007f}]*[=+\-@\u207a\u2212\ufe62\ufe63\ufe66\ufe6b\uff1d\uff0b\uff0d\uff20])/u;

/**
 * Text a spreadsheet would run as a formula (CSV injection) gets a leading `'`, and NUL bytes
 * (a respondent can send one; Excel cuts the cell there) go; shared by every CSV Ankieta writes.
 * Numbers are not text: a numeric answer of -3 stays a number.
 */
export const defuseFormula = (text: string) => {
  const clean = text.replace(/\0/g, '');
  return FORMULA.test(clean) ? `'${clean}` : clean;
};

/**
 * The file a line at a time (the first with the byte order mark), for writing as it is made.
 * `definitions` are the survey's versions, newest first (none is fine: columns then come from
 * the answers).
 */
export function* responsesCsvLines(
  definitions: readonly SurveyDefinition[],
  responses: readonly ExportedResponse[],
  separator: Separator = ';',
): Generator<string> {
  const columns = columnsFor(definitions, responses);
  yield `\uFEFF${columns.map((c) => cell(c.header)).join(separator)}\r\n`;
  for (const response of responses) yield `${columns.map((c) => cell(c.read(response))).join(separator)}\r\n`;
}

/** The whole file as one string (what the report downloads). */
export function responsesCsv(
  definitions: SurveyDefinition | readonly SurveyDefinition[],
  responses: readonly ExportedResponse[],
  separator: Separator = ';',
): string {
  const versions = Array.isArray(definitions) ? (definitions as readonly SurveyDefinition[]) : [definitions as SurveyDefinition];
  return [...responsesCsvLines(versions, responses, separator)].join('');
}
