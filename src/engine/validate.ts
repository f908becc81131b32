import type { AnswerableQuestion, Locale } from '../schema/definition.js';
import type { AnswerValue } from '../schema/response.js';
import { translate, type MessageKey } from '../i18n/index.js';
import { choseOther, isAnswered } from './answers.js';

/** A validation failure: a catalog key and its variables, translated by the UI. */
export interface ValidationError {
  key: MessageKey;
  count?: number;
}

/** The error's message in `locale`, with its count. */
export const errorMessage = (locale: Locale, error: ValidationError): string => translate(locale, error.key, { count: error.count });

/** Default limits keep a response well under the collector's 256 KiB body limit. */
export const DEFAULT_MAX_LENGTH = { line: 500, multiline: 5000 } as const;

/**
 * local@domain.tld: no spaces, one @, and domain labels that do not start or end with "-" or
 * hold "," or ";" (a pasted list).
 */
const LABEL = '[^\\s@.,;-](?:[^\\s@.,;]*[^\\s@.,;-])?';
const EMAIL = new RegExp(`^[^\\s@,;]+@${LABEL}(?:\\.${LABEL})+$`);

export function maxLengthOf(question: Extract<AnswerableQuestion, { type: 'text' }>): number {
  return question.maxLength ?? (question.multiline ? DEFAULT_MAX_LENGTH.multiline : DEFAULT_MAX_LENGTH.line);
}

/**
 * Checks one answer. `otherText` is the "Other" text of a choice question. Unanswered optional
 * questions are valid; hidden questions are never validated (the model does not ask).
 */
export function validateAnswer(
  question: AnswerableQuestion,
  value: AnswerValue | undefined,
  otherText?: AnswerValue,
): ValidationError | undefined {
  if (!isAnswered(value)) {
    if (!question.required) return undefined;
    return { key: question.type === 'consent' ? 'errorConsent' : 'errorRequired' };
  }
  switch (question.type) {
    case 'text': {
      const text = value as string;
      const max = maxLengthOf(question);
      if (text.length > max) return { key: 'errorMaxLength', count: max };
      if (question.format === 'email' && !EMAIL.test(text.trim())) return { key: 'errorEmail' };
      return undefined;
    }
    case 'choice': {
      // An "Other" text left behind after choosing something else is neither shown nor submitted.
      const other = !!question.other && choseOther(value);
      if (other && !isAnswered(otherText)) return { key: 'errorOtherText' };
      if (Array.isArray(value)) {
        const { minChoices: min, maxChoices: max } = question;
        // An exact number is asked for as the hint asks ("Proszę wybrać 2 odpowiedzi."), not "at least 2".
        const exact = min === max;
        if (min !== undefined && value.length < min) return { key: exact ? 'choicesExactly' : 'errorMinChoices', count: min };
        if (max !== undefined && value.length > max) return { key: exact ? 'choicesExactly' : 'errorMaxChoices', count: max };
      }
      if (other && typeof otherText === 'string' && otherText.length > DEFAULT_MAX_LENGTH.line)
        return { key: 'errorMaxLength', count: DEFAULT_MAX_LENGTH.line };
      return undefined;
    }
    case 'matrix': {
      if (!question.required) return undefined;
      const cells = value as Record<string, unknown>;
      const missing = question.rows.filter((row) => !Object.hasOwn(cells, row.id)).length;
      return missing ? { key: 'errorMatrixRows', count: missing } : undefined;
    }
    default:
      return undefined;
  }
}
