import type { AnswerableQuestion, Question } from '../schema/definition.js';
import { NOT_APPLICABLE, OTHER, OTHER_SUFFIX } from '../schema/constants.js';
import type { AnswerValue } from '../schema/response.js';
import { notApplicableLabel, numericRange, scalePoints } from './scales.js';

export function isAnswerable(question: Question): question is AnswerableQuestion {
  return question.type !== 'info';
}

/** Whether a value counts as an answer: empty text, no choices, no rows and an unticked box do not. */
export function isAnswered(value: AnswerValue | undefined): boolean {
  if (value === undefined || value === null || value === false) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** The key under which the "Other" text of a choice question is kept. */
export const otherKey = (questionId: string) => `${questionId}${OTHER_SUFFIX}`;

function validPoint(question: AnswerableQuestion, value: unknown): boolean {
  if (value === NOT_APPLICABLE) return (question.type === 'scale' || question.type === 'matrix') && !!notApplicableLabel(question);
  if (typeof value !== 'number' || !Number.isInteger(value)) return false;
  if (question.type === 'scale' || question.type === 'matrix') return scalePoints(question).some((p) => p.value === value);
  const range = numericRange(question);
  return !!range && value >= range.min && value <= range.max;
}

/**
 * The value if it fits the question (right type, a known option, point or row), else
 * undefined. Keeps stale drafts and programmatic input from reaching validation or a response.
 */
export function normalizeAnswer(question: AnswerableQuestion, value: unknown): AnswerValue | undefined {
  if (value === undefined || value === null) return undefined;
  switch (question.type) {
    case 'rating':
    case 'nps':
    case 'scale':
      return validPoint(question, value) ? (value as number | string) : undefined;
    case 'text':
      return typeof value === 'string' ? value : undefined;
    case 'consent':
      return typeof value === 'boolean' ? value : undefined;
    case 'choice': {
      const allowed = new Set(question.options.map((o) => o.value));
      if (question.other) allowed.add(OTHER);
      if (question.multiple) {
        if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && allowed.has(v))) return undefined;
        const order = [...allowed];
        return [...new Set(value as string[])].sort((a, b) => order.indexOf(a) - order.indexOf(b));
      }
      return typeof value === 'string' && allowed.has(value) ? value : undefined;
    }
    case 'matrix': {
      if (typeof value !== 'object' || Array.isArray(value)) return undefined;
      const out: Record<string, number | string> = {};
      for (const row of question.rows) {
        if (!Object.hasOwn(value, row.id)) continue;
        const cell = (value as Record<string, unknown>)[row.id];
        if (!validPoint(question, cell)) return undefined;
        out[row.id] = cell as number | string;
      }
      return Object.keys(out).length === Object.keys(value).length ? (out as AnswerValue) : undefined;
    }
  }
}

/** Whether a choice answer includes the "Other" option. */
export function choseOther(value: AnswerValue | undefined): boolean {
  return value === OTHER || (Array.isArray(value) && value.includes(OTHER));
}
