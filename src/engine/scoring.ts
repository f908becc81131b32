import type { AnswerableQuestion, Dimension, SurveyDefinition } from '../schema/definition.js';
import type { AnswerValue, DimensionScore } from '../schema/response.js';
import { numericRange } from './scales.js';

export interface DimensionResult {
  id: string;
  /** 0–100, or null when fewer than 2/3 of the shown items were answered. */
  score: number | null;
  /** Index into the dimension's `bands`, or null when there is no score. */
  band: number | null;
  /** Items answered on the scale ("not applicable" does not count). */
  answered: number;
  /** Items shown to the respondent (a hidden question is not an item; each matrix row is one). */
  items: number;
}

/** A dimension is scored only when at least two thirds of its items have an answer. */
export const hasEnoughAnswers = (answered: number, items: number) => items > 0 && answered * 3 >= items * 2;

/** Rounds half up, after removing binary noise such as 87.49999999999999 for 87.5. */
export const roundScore = (value: number) => Math.round(Math.round(value * 1e9) / 1e9);

/** The item values of one question, each normalised to 0–1 (unanswered and N/A are null). */
function itemValues(question: AnswerableQuestion, value: AnswerValue | undefined): (number | null)[] {
  const range = numericRange(question);
  if (!range) return [];
  const normalise = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? (v - range.min) / (range.max - range.min) : null);
  if (question.type === 'matrix') {
    const cells = value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
    return question.rows.map((row) => normalise(Object.hasOwn(cells, row.id) ? cells[row.id] : undefined));
  }
  return [normalise(value)];
}

export function bandIndex(dimension: Dimension, score: number): number | null {
  const index = dimension.bands.findIndex((band) => score >= band.min && score <= band.max);
  return index < 0 ? null : index;
}

/**
 * Scores every dimension: the mean of the answered items, each normalised to its scale, times
 * 100, rounded half up; (mean − 1) / 4 × 100 for a 1–5 scale. `shown` holds the questions on
 * display and `answers` their answers.
 */
export function scoreDimensions(
  definition: SurveyDefinition,
  shown: ReadonlyMap<string, AnswerableQuestion>,
  answers: (id: string) => AnswerValue | undefined,
): DimensionResult[] {
  return (definition.scoring?.dimensions ?? []).map((dimension) => {
    const values = dimension.questions.flatMap((id) => {
      const question = shown.get(id);
      return question ? itemValues(question, answers(id)) : [];
    });
    const answered = values.filter((v): v is number => v !== null);
    const mean = answered.reduce((sum, v) => sum + v, 0) / answered.length;
    const score = hasEnoughAnswers(answered.length, values.length) ? roundScore(mean * 100) : null;
    return {
      id: dimension.id,
      score,
      band: score === null ? null : bandIndex(dimension, score),
      answered: answered.length,
      items: values.length,
    };
  });
}

/** The `scores` object of a response: only the dimensions that have a score. */
export function responseScores(results: readonly DimensionResult[]): Record<string, DimensionScore> | undefined {
  const scored = results.filter((r) => r.score !== null && r.band !== null);
  if (!scored.length) return undefined;
  return Object.fromEntries(scored.map((r) => [r.id, { score: r.score!, band: r.band! }]));
}
