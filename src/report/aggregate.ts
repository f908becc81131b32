/**
 * Aggregates many responses to one definition into what an organiser reads: per-question
 * distributions, means and spread, the recommendation score, matrix row averages, free-text
 * answers, dimension scores (from the engine's scoring, never a second one), and a breakdown
 * by a single-choice question with small groups suppressed.
 */
import type {
  AnswerableQuestion,
  ChoiceQuestion,
  ConsentQuestion,
  Dimension,
  LocalizedText,
  MatrixQuestion,
  NpsQuestion,
  RatingQuestion,
  ScaleQuestion,
  SurveyDefinition,
  TextQuestion,
} from '../schema/definition.js';
import { NOT_APPLICABLE, OTHER, type AnswerValue, type Response } from '../schema/response.js';
import { isAnswerable, normalizeAnswer, otherKey } from '../engine/answers.js';
import { numericRange, scalePoints } from '../engine/scales.js';
import { SurveyModel } from '../engine/survey-model.js';
import { isDivergent, mean, nps, standardDeviation, total, type NpsBreakdown } from './statistics.js';
import { range as integers } from '../schema/builtins.js';

/** Groups with fewer responses than this are never shown (domain brief §3, anonymous mode). */
export const MIN_GROUP_SIZE = 5;

/**
 * A shown group has at least MIN_GROUP_SIZE people, but fewer may have answered one question or
 * matrix row (the rest skipped it or chose "not applicable"): a mean of one is that person's
 * answer. Such figures are hidden (on screen "–"), and their n reads "fewer than 5": an exact 1
 * next to the overall distribution can still give that answer away.
 */
export const tooFewToShow = (n: number | undefined) => !n || n < MIN_GROUP_SIZE;

/** Group figures hidden to cover a smaller hidden one (see `coverHiddenFigures`). */
const covering = new WeakSet<object>();

/**
 * Whether a group's figure (a question's summary, a matrix row, a dimension) is hidden: given by
 * fewer than MIN_GROUP_SIZE people, or hidden to cover such a figure.
 */
export const hideFigure = (figure: { n: number } | undefined): boolean => tooFewToShow(figure?.n) || covering.has(figure!);

/**
 * The overall figure minus the shown groups' figures is what the hidden ones hold together: one
 * mean given by 1 person in a shown group would be 11 × 3.818 − 10 × 4.1 = 1. So while the hidden
 * figures of an item hold fewer than MIN_GROUP_SIZE answers, the smallest shown figure of that
 * item is hidden too, as `visibleGroups` does for whole groups.
 */
function coverHiddenFigures(total: number, figures: readonly ({ n: number } | undefined)[]): void {
  const shown = figures.filter((f): f is { n: number } => !tooFewToShow(f?.n)).sort((a, b) => a.n - b.n);
  let hidden = total - shown.reduce((sum, f) => sum + f.n, 0);
  while (hidden > 0 && hidden < MIN_GROUP_SIZE && shown.length) {
    const figure = shown.shift()!;
    covering.add(figure);
    hidden += figure.n;
  }
}

export interface Count {
  value: string | number;
  /** Undefined for a plain number (rating, recommendation score). */
  label?: LocalizedText;
  count: number;
  /** count / n, 0–1 (for a multiple choice the shares add up to more than 1). */
  share: number;
}

export interface ScaleStats {
  /** Answers on the scale ("not applicable" excluded). */
  n: number;
  notApplicable: number;
  counts: Count[];
  mean: number | null;
  /** Population standard deviation; null below two answers. */
  sd: number | null;
  /** An item of a scored dimension whose SD is at least 1 ("rozbieżne oceny"). */
  divergent: boolean;
}

export type QuestionSummary =
  | { kind: 'choice'; question: ChoiceQuestion; n: number; counts: Count[]; otherTexts: string[] }
  | ({ kind: 'scale'; question: RatingQuestion | ScaleQuestion; scored: boolean } & ScaleStats)
  | ({ kind: 'nps'; question: NpsQuestion; counts: Count[]; mean: number | null } & NpsBreakdown)
  | { kind: 'matrix'; question: MatrixQuestion; scored: boolean; rows: ({ id: string; label: LocalizedText } & ScaleStats)[] }
  | { kind: 'text'; question: TextQuestion; answers: string[] }
  | { kind: 'consent'; question: ConsentQuestion; n: number };

export interface DimensionSummary {
  dimension: Dimension;
  /** Respondents with a score. */
  n: number;
  /** Respondents without one (fewer than two thirds of the items answered). */
  unscored: number;
  mean: number | null;
  min: number | null;
  max: number | null;
  bands: { label: LocalizedText; count: number; share: number }[];
}

export interface Report {
  /** Responses included. */
  n: number;
  questions: QuestionSummary[];
  dimensions: DimensionSummary[];
  firstSubmittedAt?: string;
  lastSubmittedAt?: string;
}

export interface Group {
  /** The option value, or null for respondents who did not answer the question. */
  value: string | null;
  label?: LocalizedText;
  n: number;
  report: Report;
}

export interface Breakdown {
  question: ChoiceQuestion;
  /** Groups large enough to show, in option order. */
  groups: Group[];
  /** Groups with answers that are not shown, to protect anonymity. */
  hidden: number;
}

export interface AggregateResult {
  report: Report;
  breakdown?: Breakdown;
  /** Responses left out: another survey's, or not a response at all. */
  skipped: number;
}

export interface AggregateOptions {
  /** Id of a single-choice question to break the report down by. */
  segmentBy?: string;
}

/** The single-choice questions a report can be broken down by. */
export function segmentQuestions(definition: SurveyDefinition): ChoiceQuestion[] {
  return definition.pages.flatMap((p) => p.questions).filter((q): q is ChoiceQuestion => q.type === 'choice' && !q.multiple);
}

const share = (count: number, n: number) => (n ? count / n : 0);

/** The frequency counts of one item: a scale question, a matrix row, a rating or the recommendation score. */
class ItemCounter {
  readonly counts = new Map<number, number>();
  notApplicable = 0;

  add(value: unknown): void {
    if (value === NOT_APPLICABLE) this.notApplicable++;
    else if (typeof value === 'number') this.counts.set(value, (this.counts.get(value) ?? 0) + 1);
  }

  stats(points: { value: number; label?: LocalizedText }[], scored: boolean): ScaleStats {
    const n = total(this.counts);
    const sd = standardDeviation(this.counts);
    return {
      n,
      notApplicable: this.notApplicable,
      counts: points.map((p) => ({ ...p, count: this.counts.get(p.value) ?? 0, share: share(this.counts.get(p.value) ?? 0, n) })),
      mean: mean(this.counts),
      sd,
      divergent: scored && isDivergent(sd),
    };
  }
}

type Accumulator =
  | { kind: 'choice'; question: ChoiceQuestion; n: number; counts: Map<string, number>; otherTexts: string[] }
  | { kind: 'scale'; question: RatingQuestion | ScaleQuestion; item: ItemCounter }
  | { kind: 'nps'; question: NpsQuestion; item: ItemCounter }
  | { kind: 'matrix'; question: MatrixQuestion; rows: Map<string, ItemCounter> }
  | { kind: 'text'; question: TextQuestion; answers: string[] }
  | { kind: 'consent'; question: ConsentQuestion; n: number };

function accumulator(question: AnswerableQuestion): Accumulator {
  switch (question.type) {
    case 'choice':
      return { kind: 'choice', question, n: 0, counts: new Map(), otherTexts: [] };
    case 'rating':
    case 'scale':
      return { kind: 'scale', question, item: new ItemCounter() };
    case 'nps':
      return { kind: 'nps', question, item: new ItemCounter() };
    case 'matrix':
      return { kind: 'matrix', question, rows: new Map(question.rows.map((r) => [r.id, new ItemCounter()])) };
    case 'text':
      return { kind: 'text', question, answers: [] };
    case 'consent':
      return { kind: 'consent', question, n: 0 };
  }
}

function integerPoints(question: AnswerableQuestion): { value: number }[] {
  const range = numericRange(question)!;
  return integers(range.max - range.min + 1, range.min).map((value) => ({ value }));
}

/** Adds responses one at a time; `result()` can be called at any point. */
class ReportBuilder {
  readonly #definition: SurveyDefinition;
  readonly #accumulators: Accumulator[];
  readonly #scored: Set<string>;
  readonly #scores: { values: number[]; bands: number[]; unscored: number }[];
  readonly #withTexts: boolean;
  #n = 0;
  #first: { at: string; instant: number } | undefined;
  #last: { at: string; instant: number } | undefined;

  constructor(definition: SurveyDefinition, options: { texts: boolean }) {
    this.#definition = definition;
    this.#withTexts = options.texts;
    const questions = definition.pages.flatMap((p) => p.questions).filter(isAnswerable);
    this.#accumulators = questions.map(accumulator);
    const dimensions = definition.scoring?.dimensions ?? [];
    this.#scored = new Set(dimensions.flatMap((d) => d.questions));
    this.#scores = dimensions.map((d) => ({ values: [], bands: d.bands.map(() => 0), unscored: 0 }));
  }

  add(response: Response): void {
    this.#n++;
    const at = response.submittedAt;
    // Instants, not text: "10:30+02:00" is earlier than "09:00Z", though it sorts after it.
    const instant = typeof at === 'string' ? Date.parse(at) : NaN;
    if (!Number.isNaN(instant)) {
      if (!this.#first || instant < this.#first.instant) this.#first = { at, instant };
      if (!this.#last || instant > this.#last.instant) this.#last = { at, instant };
    }
    for (const acc of this.#accumulators) this.#addAnswer(acc, response.answers);
    if (this.#scores.length) {
      // The engine's own scoring, so the report and the respondent's results always agree.
      const results = new SurveyModel(this.#definition, { answers: response.answers }).dimensionResults();
      results.forEach((result, i) => {
        const into = this.#scores[i]!;
        if (result.score === null) into.unscored++;
        else {
          into.values.push(result.score);
          if (result.band !== null) into.bands[result.band]!++;
        }
      });
    }
  }

  #addAnswer(acc: Accumulator, answers: Record<string, AnswerValue>): void {
    let raw = Object.prototype.hasOwnProperty.call(answers, acc.question.id) ? answers[acc.question.id] : undefined;
    if (raw === undefined) return;
    const question = acc.question;
    if (question.type === 'matrix' && raw && typeof raw === 'object' && !Array.isArray(raw)) {
      // A row taken out of the definition after responses came in (a cancelled talk) leaves its
      // key in older responses: count the rows that remain instead of dropping the whole answer.
      const answer = raw as Record<string, AnswerValue>;
      raw = Object.fromEntries(
        question.rows.filter((row) => Object.hasOwn(answer, row.id)).map((row) => [row.id, answer[row.id]]),
      ) as AnswerValue;
    }
    const value = normalizeAnswer(acc.question, raw);
    if (value === undefined) return;
    switch (acc.kind) {
      case 'choice': {
        const chosen = Array.isArray(value) ? value : [value as string];
        if (!chosen.length) return;
        acc.n++;
        for (const option of chosen) acc.counts.set(option, (acc.counts.get(option) ?? 0) + 1);
        const other = answers[otherKey(acc.question.id)];
        if (this.#withTexts && chosen.includes(OTHER) && typeof other === 'string' && other.trim()) acc.otherTexts.push(other.trim());
        return;
      }
      case 'scale':
      case 'nps':
        acc.item.add(value);
        return;
      case 'matrix':
        for (const [row, cell] of Object.entries(value as Record<string, number | string>)) acc.rows.get(row)?.add(cell);
        return;
      case 'text':
        if (this.#withTexts && typeof value === 'string' && value.trim()) acc.answers.push(value.trim());
        return;
      case 'consent':
        if (value === true) acc.n++;
        return;
    }
  }

  result(): Report {
    const questions = this.#accumulators.map((acc): QuestionSummary => {
      const scored = this.#scored.has(acc.question.id);
      switch (acc.kind) {
        case 'choice': {
          const options: { value: string; label?: LocalizedText }[] = acc.question.options.map((o) => ({ value: o.value, label: o.label }));
          // `other: true` has no label of its own: the UI shows the catalog's "Other".
          if (acc.question.other)
            options.push(acc.question.other === true ? { value: OTHER } : { value: OTHER, label: acc.question.other });
          const counts = options.map((o) => ({
            ...o,
            count: acc.counts.get(o.value) ?? 0,
            share: share(acc.counts.get(o.value) ?? 0, acc.n),
          }));
          return { kind: 'choice', question: acc.question, n: acc.n, counts, otherTexts: acc.otherTexts };
        }
        case 'scale': {
          const points = acc.question.type === 'scale' ? scalePoints(acc.question) : integerPoints(acc.question);
          return { kind: 'scale', question: acc.question, scored, ...acc.item.stats(points, scored) };
        }
        case 'nps': {
          const stats = acc.item.stats(integerPoints(acc.question), false);
          return { kind: 'nps', question: acc.question, counts: stats.counts, mean: stats.mean, ...nps(acc.item.counts) };
        }
        case 'matrix': {
          const points = scalePoints(acc.question);
          return {
            kind: 'matrix',
            question: acc.question,
            scored,
            rows: acc.question.rows.map((row) => ({ id: row.id, label: row.label, ...acc.rows.get(row.id)!.stats(points, scored) })),
          };
        }
        case 'text':
          return { kind: 'text', question: acc.question, answers: acc.answers };
        case 'consent':
          return { kind: 'consent', question: acc.question, n: acc.n };
      }
    });
    const dimensions = (this.#definition.scoring?.dimensions ?? []).map((dimension, i): DimensionSummary => {
      const { values, bands, unscored } = this.#scores[i]!;
      const n = values.length;
      return {
        dimension,
        n,
        unscored,
        mean: n ? values.reduce((a, b) => a + b, 0) / n : null,
        min: n ? values.reduce((a, b) => Math.min(a, b)) : null,
        max: n ? values.reduce((a, b) => Math.max(a, b)) : null,
        bands: dimension.bands.map((band, b) => ({ label: band.label, count: bands[b]!, share: share(bands[b]!, n) })),
      };
    });
    return {
      n: this.#n,
      questions,
      dimensions,
      ...(this.#first ? { firstSubmittedAt: this.#first.at } : {}),
      ...(this.#last ? { lastSubmittedAt: this.#last.at } : {}),
    };
  }
}

/** Has an `answers` object: what aggregation and the responses export accept. */
export const isResponseLike = (value: unknown): value is Response =>
  !!value &&
  typeof value === 'object' &&
  !!(value as Response).answers &&
  typeof (value as Response).answers === 'object' &&
  !Array.isArray((value as Response).answers);

/**
 * Which groups may be shown. Groups under MIN_GROUP_SIZE are hidden. Subtracting the shown
 * groups from the overall figures gives the hidden ones together, so the smallest shown groups
 * are hidden too until the hidden groups hold at least MIN_GROUP_SIZE people: one hidden group
 * of 3, or two of 1 (whose answers would be the overall ones minus the shown), is not enough.
 */
export function visibleGroups<T extends { n: number }>(groups: readonly T[]): { visible: T[]; hidden: number } {
  const answered = groups.filter((g) => g.n > 0);
  const visible = answered.filter((g) => g.n >= MIN_GROUP_SIZE).sort((a, b) => a.n - b.n);
  let hiddenPeople = answered.reduce((sum, g) => sum + (g.n < MIN_GROUP_SIZE ? g.n : 0), 0);
  while (hiddenPeople > 0 && hiddenPeople < MIN_GROUP_SIZE && visible.length) hiddenPeople += visible.shift()!.n;
  return { visible: answered.filter((g) => visible.includes(g)), hidden: answered.length - visible.length };
}

/** Adds responses to the overall report and, when segmenting, to the respondent's group. */
export class Aggregator {
  readonly #definition: SurveyDefinition;
  readonly #overall: ReportBuilder;
  readonly #segment: ChoiceQuestion | undefined;
  readonly #groups = new Map<string | null, ReportBuilder>();
  #skipped = 0;

  constructor(definition: SurveyDefinition, options: AggregateOptions = {}) {
    this.#definition = definition;
    this.#overall = new ReportBuilder(definition, { texts: true });
    if (options.segmentBy) {
      this.#segment = segmentQuestions(definition).find((q) => q.id === options.segmentBy);
      if (!this.#segment) throw new Error(`cannot break down by "${options.segmentBy}": it is not a single-choice question of this survey`);
    }
  }

  add(response: unknown): void {
    if (!isResponseLike(response) || response.surveyId !== this.#definition.id) {
      this.#skipped++;
      return;
    }
    this.#overall.add(response);
    if (!this.#segment) return;
    const value = normalizeAnswer(this.#segment, response.answers[this.#segment.id]);
    const key = typeof value === 'string' ? value : null;
    let group = this.#groups.get(key);
    // Free text is not broken down: a comment next to a small group's label identifies people.
    if (!group) this.#groups.set(key, (group = new ReportBuilder(this.#definition, { texts: false })));
    group.add(response);
  }

  result(): AggregateResult {
    const result: AggregateResult = { report: this.#overall.result(), skipped: this.#skipped };
    const segment = this.#segment;
    if (!segment) return result;
    const order: (string | null)[] = [...segment.options.map((o) => o.value), ...(segment.other ? [OTHER] : []), null];
    const groups = order
      .filter((key) => this.#groups.has(key))
      .map((key): Group => {
        const report = this.#groups.get(key)!.result();
        const label =
          key === OTHER
            ? typeof segment.other === 'object' || typeof segment.other === 'string'
              ? segment.other
              : undefined
            : segment.options.find((o) => o.value === key)?.label;
        return { value: key, ...(label ? { label } : {}), n: report.n, report };
      });
    const { visible, hidden } = visibleGroups(groups);
    for (const summary of result.report.questions) {
      const of = (g: Group) => g.report.questions.find((q) => q.question.id === summary.question.id);
      if (summary.kind === 'matrix')
        summary.rows.forEach((row, i) =>
          coverHiddenFigures(
            row.n,
            visible.map((g) => (of(g) as typeof summary | undefined)?.rows[i]),
          ),
        );
      else if (summary.kind === 'choice' || summary.kind === 'scale' || summary.kind === 'nps')
        coverHiddenFigures(
          summary.n,
          visible.map((g) => of(g) as typeof summary | undefined),
        );
    }
    result.report.dimensions.forEach((d, i) =>
      coverHiddenFigures(
        d.n,
        visible.map((g) => g.report.dimensions[i]),
      ),
    );
    return { ...result, breakdown: { question: segment, groups: visible, hidden } };
  }
}

/** Aggregates in one go (for scripts and small arrays). */
export function aggregate(definition: SurveyDefinition, responses: readonly unknown[], options: AggregateOptions = {}): AggregateResult {
  const aggregator = new Aggregator(definition, options);
  for (const response of responses) aggregator.add(response);
  return aggregator.result();
}

/** Gives the browser a turn: `scheduler.yield()` where it exists, else a macrotask. */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Aggregates without holding the main thread for more than about `sliceMs` at a time, so a
 * page with thousands of responses stays responsive; `onProgress(done, total)` after each slice.
 */
export async function aggregateInSlices(
  definition: SurveyDefinition,
  responses: readonly unknown[],
  options: AggregateOptions & { sliceMs?: number; onProgress?: (done: number, total: number) => void; signal?: AbortSignal } = {},
): Promise<AggregateResult> {
  const aggregator = new Aggregator(definition, options);
  const sliceMs = options.sliceMs ?? 12;
  // The caller's task (often a property change that also validated the definition) ends first.
  await yieldToMain();
  options.signal?.throwIfAborted();
  let i = 0;
  while (i < responses.length) {
    const start = performance.now();
    do aggregator.add(responses[i++]);
    while (i < responses.length && performance.now() - start < sliceMs);
    options.onProgress?.(i, responses.length);
    await yieldToMain();
    options.signal?.throwIfAborted();
  }
  return aggregator.result();
}
