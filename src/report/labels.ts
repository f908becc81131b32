/** How answers read to people: option and point labels in the chosen language. */
import type { AnswerableQuestion, Locale, LocalizedText } from '../schema/definition.js';
import { NOT_APPLICABLE, OTHER, type AnswerValue } from '../schema/response.js';
import { localize } from '../engine/text.js';
import { notApplicableLabel, scalePoints } from '../engine/scales.js';
import { translate } from '../i18n/index.js';
import { translateReport } from '../i18n/report.js';
import type { Group } from './aggregate.js';

/** The label of one count in a distribution: an option, a scale point, or the number itself. */
export function valueLabel(label: LocalizedText | undefined, value: string | number, locale: Locale): string {
  if (label !== undefined) return localize(label, locale);
  if (value === OTHER) return translate(locale, 'other');
  return String(value);
}

/** A breakdown group's name: its option, "Other", or the people who did not answer. */
export function groupLabel(group: Group, locale: Locale): string {
  if (group.label) return localize(group.label, locale);
  return group.value === null ? translateReport(locale, 'reportNoAnswerGroup') : valueLabel(undefined, group.value, locale);
}

/** The label of a "not applicable" answer on a scale or matrix question. */
export function notApplicableText(question: AnswerableQuestion, locale: Locale): string {
  const label = question.type === 'scale' || question.type === 'matrix' ? notApplicableLabel(question) : undefined;
  return label ? localize(label, locale) : translate(locale, 'notApplicable');
}

/** One answer as text (a matrix answer is read one row at a time with `cellText`). */
export function answerText(question: AnswerableQuestion, value: AnswerValue, locale: Locale, otherText?: AnswerValue): string {
  switch (question.type) {
    case 'choice': {
      const values = Array.isArray(value) ? value : [String(value)];
      return values
        .map((v) => {
          if (v === OTHER) {
            const label =
              typeof question.other === 'boolean' || question.other === undefined
                ? translate(locale, 'other')
                : localize(question.other, locale);
            return typeof otherText === 'string' && otherText ? `${label}: ${otherText}` : label;
          }
          return localize(question.options.find((o) => o.value === v)?.label ?? v, locale);
        })
        .join(', ');
    }
    case 'scale':
      return cellText(question, value, locale);
    case 'rating':
      return translate(locale, 'ratingValue', { value: Number(value), max: question.max ?? 5 });
    case 'consent':
      return translate(locale, value === true ? 'answerYes' : 'answerNo');
    default:
      return String(value);
  }
}

/** A scale answer or one matrix cell as its point label. */
export function cellText(question: Extract<AnswerableQuestion, { type: 'scale' | 'matrix' }>, value: unknown, locale: Locale): string {
  if (value === NOT_APPLICABLE) return notApplicableText(question, locale);
  const point = scalePoints(question).find((p) => p.value === value);
  return point ? localize(point.label, locale) : String(value);
}
