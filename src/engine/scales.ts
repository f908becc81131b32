import type { AnswerableQuestion, LocalizedText, MatrixQuestion, NamedScale, ScaleQuestion } from '../schema/definition.js';
import { en, pl, type MessageKey } from '../i18n/index.js';

export interface ScalePointSpec {
  value: number;
  label: LocalizedText;
}

const fromCatalogs = (key: MessageKey): LocalizedText => ({ pl: pl[key] as string, en: en[key] as string });

const NAMED: Record<NamedScale, { points: ScalePointSpec[]; notApplicable: MessageKey }> = {
  agree5: {
    points: [1, 2, 3, 4, 5].map((value) => ({ value, label: fromCatalogs(`agree5_${value}` as MessageKey) })),
    notApplicable: 'notApplicable',
  },
  quality5: {
    points: [1, 2, 3, 4, 5].map((value) => ({ value, label: fromCatalogs(`quality5_${value}` as MessageKey) })),
    notApplicable: 'quality5_na',
  },
};

/** The labelled points of a scale or matrix question, lowest first. */
export function scalePoints(question: ScaleQuestion | MatrixQuestion): ScalePointSpec[] {
  if (question.points) return [...question.points].sort((a, b) => a.value - b.value);
  return NAMED[question.scale ?? 'agree5'].points;
}

/** The label of the "not applicable" answer, or undefined when the question does not offer it. */
export function notApplicableLabel(question: ScaleQuestion | MatrixQuestion): LocalizedText | undefined {
  const na = question.notApplicable;
  if (!na) return undefined;
  if (na !== true) return na;
  return fromCatalogs(question.scale ? NAMED[question.scale].notApplicable : 'notApplicable');
}

/** The numeric range of a question whose answers are numbers; undefined for the others. */
export function numericRange(question: AnswerableQuestion): { min: number; max: number } | undefined {
  switch (question.type) {
    case 'rating':
      return { min: 1, max: question.max ?? 5 };
    case 'nps':
      return { min: 0, max: 10 };
    case 'scale':
    case 'matrix': {
      const points = scalePoints(question);
      return { min: points[0]!.value, max: points.at(-1)!.value };
    }
    default:
      return undefined;
  }
}
