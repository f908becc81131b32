import { notApplicableLabel, scalePoints } from '../../engine/scales.js';
import { display } from '../../engine/text.js';
import type { Locale, NamedScale, ScaleQuestion } from '../../schema/definition.js';
import { NOT_APPLICABLE } from '../../schema/constants.js';

/** A point of a custom scale as a developer passes it in the `points` property. */
export interface PointSpec {
  value: number;
  label: string;
}

/** A scale answer: a point's value, or "not applicable". */
export type ScaleAnswer = number | typeof NOT_APPLICABLE;

/** The properties `<ankieta-scale>` and `<ankieta-matrix>` share, as the engine's question fields. */
export interface ScaleSpec {
  scale?: string | undefined;
  points?: PointSpec[] | undefined;
  notApplicable: boolean;
  naLabel: string;
}

/** Unknown scale names fall back to the default, so a typo in an attribute never breaks rendering. */
export function engineScaleFields(spec: ScaleSpec): { scale?: NamedScale; points?: PointSpec[]; notApplicable?: true | string } {
  const fields: { scale?: NamedScale; points?: PointSpec[]; notApplicable?: true | string } = {};
  if (spec.points?.length) fields.points = spec.points;
  else fields.scale = spec.scale === 'quality5' ? 'quality5' : 'agree5';
  if (spec.notApplicable) fields.notApplicable = spec.naLabel || true;
  return fields;
}

/**
 * The labelled points in `locale`, lowest first, and the "not applicable" label if offered.
 * Labels given to the element (custom points, `na-label`) go through `own`, which marks their
 * language; the named scales' come from the catalog in `locale`.
 */
export function resolveScale(
  spec: ScaleSpec,
  locale: Locale,
  own: (text: string) => unknown,
): { points: { value: number; label: unknown }[]; na?: unknown } {
  const fields = engineScaleFields(spec);
  const question: ScaleQuestion = { id: 'scale', type: 'scale', title: 'scale', ...fields };
  const mark = (text: string, given: unknown) => (given ? own(text) : text);
  const points = scalePoints(question).map((p) => ({ value: p.value, label: mark(display(p.label, locale), fields.points) }));
  const na = notApplicableLabel(question);
  return na === undefined ? { points } : { points, na: mark(display(na, locale), spec.naLabel) };
}

/** Reads a scale answer from an attribute or a submitted form value. */
/** A point given as text (what FormData hands back, `"3"`) is taken as the point, as an `<input>` would. */
export const asPoint = (value: unknown): unknown => (typeof value === 'string' ? parseScaleAnswer(value) : value);

export function parseScaleAnswer(text: string | null | undefined): ScaleAnswer | null {
  if (text === null || text === undefined || text.trim() === '') return null;
  if (text === NOT_APPLICABLE) return NOT_APPLICABLE;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}
