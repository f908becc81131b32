import type { Condition, Scalar } from '../schema/definition.js';
import type { AnswerValue } from '../schema/response.js';
import { isAnswered } from './answers.js';

/** Answers by question id, holding only answers to questions that are currently shown. */
export type AnswerLookup = (questionId: string) => AnswerValue | undefined;

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function matches(value: AnswerValue, test: (scalar: Scalar) => boolean): boolean {
  if (Array.isArray(value)) return value.some(test);
  if (value !== null && typeof value === 'object') return false;
  return test(value);
}

function compare(condition: Extract<Condition, { question: string }>, value: AnswerValue): boolean {
  if (condition.eq !== undefined) return matches(value, (v) => v === condition.eq);
  if (condition.neq !== undefined) return !matches(value, (v) => v === condition.neq);
  if (condition.in !== undefined) return matches(value, (v) => condition.in!.includes(v));
  const numeric = (test: (n: number) => boolean) => isNumber(value) && test(value);
  if (condition.lt !== undefined) return numeric((n) => n < condition.lt!);
  if (condition.lte !== undefined) return numeric((n) => n <= condition.lte!);
  if (condition.gt !== undefined) return numeric((n) => n > condition.gt!);
  if (condition.gte !== undefined) return numeric((n) => n >= condition.gte!);
  return false;
}

/**
 * Evaluates a condition against the shown answers. Comparisons are false for an unanswered
 * question (use `answered` or `not` for the opposite); on a matrix without `row` a comparison
 * holds when any answered row satisfies it. Nesting depth is bounded by `parseDefinition`.
 */
export function evaluate(condition: Condition, lookup: AnswerLookup): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluate(c, lookup));
  if ('any' in condition) return condition.any.some((c) => evaluate(c, lookup));
  if ('not' in condition) return !evaluate(condition.not, lookup);

  let value = lookup(condition.question);
  const isMatrix = value !== undefined && value !== null && typeof value === 'object' && !Array.isArray(value);
  if (condition.row !== undefined) {
    const cells = value as Record<string, number | string>;
    value = isMatrix && Object.hasOwn(cells, condition.row) ? cells[condition.row] : undefined;
  }
  if (condition.answered !== undefined) return isAnswered(value) === condition.answered;
  if (!isAnswered(value)) return false;
  if (condition.row === undefined && isMatrix) {
    return Object.values(value as Record<string, number | string>).some((cell) => compare(condition, cell));
  }
  return compare(condition, value!);
}
