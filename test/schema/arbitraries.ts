/**
 * fast-check arbitraries for property tests: valid survey definitions of random shape (every
 * question type, conditions on earlier answers, scoring with bands that cover 0–100), and
 * hostile values to break them with.
 */
import fc from 'fast-check';
import type { Condition, Dimension, Page, Question, Scalar, SurveyDefinition } from '../../src/schema/index.js';

/** Fixed, so a failure reproduces; enough runs to matter while the suite stays fast. */
export const PROPERTY_RUNS = { seed: 20160512, numRuns: 300, includeErrorInReport: true } as const;

/** Strings that have broken parsers, renderers and object lookups elsewhere. */
export const HOSTILE_STRINGS = [
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  // eslint-disable-next-line no-script-url -- a hostile value, only ever compared as text
  'javascript:alert(1)',
  '"},{"',
  '\u0000',
  '\u202e',
  '😀',
  'Zażółć gęślą jaźń',
  '',
  ' ',
  'na',
  'other',
  'x.other',
  'ratng',
  'a'.repeat(70),
] as const;

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown[]>(...HOSTILE_STRINGS, NaN, Infinity, -Infinity, -0, 1e308, 2 ** 53 + 2, 0.5, -1, 11, null, true, false, [], {}),
  fc.string(),
  fc.integer({ min: -20, max: 20 }),
  fc.double(),
  fc.anything({
    maxDepth: 3,
    withBigInt: true,
    withBoxedValues: true,
    withMap: true,
    withSet: true,
    withSparseArray: true,
    withNullPrototype: true,
  }),
);

/** A question without its id and condition (they depend on its place in the survey). */
type QuestionShape = Question extends infer Q ? (Q extends Question ? Omit<Q, 'id' | 'visibleIf'> : never) : never;

const text = fc.constantFrom<unknown[]>(
  'Pytanie',
  { pl: 'Pytanie', en: 'Question' },
  { en: 'Question' },
  '<b>Pytanie</b>',
) as fc.Arbitrary<string>;

const distinctInts = (min: number, max: number) => fc.uniqueArray(fc.integer({ min: -5, max: 12 }), { minLength: min, maxLength: max });

const scaleSpec = fc
  .oneof(
    fc.record({ scale: fc.constantFrom('agree5' as const, 'quality5' as const) }),
    distinctInts(2, 6).map((values) => ({ points: values.map((value) => ({ value, label: `p${value}` })) })),
  )
  .chain((spec) =>
    fc
      .record({ notApplicable: fc.constantFrom<(boolean | string | undefined)[]>(undefined, true, false, 'Nie wiem') })
      .map((na) => ({ ...spec, ...(na.notApplicable === undefined ? {} : na) })),
  );

const required = fc.boolean();

const questionShape: fc.Arbitrary<QuestionShape> = fc.oneof(
  fc.record(
    { type: fc.constant('rating' as const), title: text, required, max: fc.integer({ min: 3, max: 10 }) },
    { requiredKeys: ['type', 'title'] },
  ),
  fc
    .tuple(fc.record({ type: fc.constant('scale' as const), title: text, required }, { requiredKeys: ['type', 'title'] }), scaleSpec)
    .map(([q, s]) => ({ ...q, ...s })),
  fc.record({ type: fc.constant('nps' as const), title: text, required }, { requiredKeys: ['type', 'title'] }),
  fc
    .record({
      options: fc.integer({ min: 1, max: 5 }),
      multiple: fc.boolean(),
      other: fc.constantFrom<(boolean | string)[]>(false, true, 'Inne'),
      dropdown: fc.boolean(),
      limits: fc.tuple(fc.nat(), fc.nat()),
      required,
    })
    .map(({ options, multiple, other, dropdown, limits, required: req }) => {
      const available = options + (other ? 1 : 0);
      const q: Record<string, unknown> = {
        type: 'choice',
        title: 'Wybór',
        required: req,
        options: Array.from({ length: options }, (_, i) => ({ value: `o${i}`, label: `Opcja ${i}` })),
      };
      if (other) q.other = other;
      if (multiple) {
        q.multiple = true;
        const max = 1 + (limits[1] % available);
        q.maxChoices = max;
        q.minChoices = limits[0] % (max + 1);
      } else if (dropdown) q.display = 'dropdown';
      return q as unknown as QuestionShape;
    }),
  fc.record(
    {
      type: fc.constant('text' as const),
      title: text,
      required,
      multiline: fc.boolean(),
      maxLength: fc.integer({ min: 1, max: 40 }),
      format: fc.constant('email' as const),
    },
    { requiredKeys: ['type', 'title'] },
  ),
  fc
    .tuple(
      fc.record(
        { type: fc.constant('matrix' as const), title: text, required, rows: fc.integer({ min: 1, max: 4 }) },
        { requiredKeys: ['type', 'title', 'rows'] },
      ),
      scaleSpec,
    )
    .map(
      ([q, s]) =>
        ({ ...q, rows: Array.from({ length: q.rows }, (_, i) => ({ id: `r${i}`, label: `Wiersz ${i}` })), ...s }) as QuestionShape,
    ),
  fc.record({ type: fc.constant('consent' as const), title: text, text, required }, { requiredKeys: ['type', 'title', 'text'] }),
  fc.record({ type: fc.constant('info' as const), text }),
);

/** The answers a condition may compare with: what `cross-check` allows for the question. */
function possibleValues(q: Question): Scalar[] | undefined {
  switch (q.type) {
    case 'choice':
      return [...q.options.map((o) => o.value), ...(q.other ? ['other'] : [])];
    case 'consent':
      return [true];
    case 'rating':
      return Array.from({ length: q.max ?? 5 }, (_, i) => i + 1);
    case 'nps':
      return Array.from({ length: 11 }, (_, i) => i);
    case 'scale':
    case 'matrix': {
      const points = q.points?.map((p) => p.value) ?? [1, 2, 3, 4, 5];
      return q.notApplicable ? [...points, 'na'] : points;
    }
    default:
      return undefined;
  }
}

const NUMERIC = new Set(['rating', 'scale', 'nps', 'matrix']);

/** Builds a condition on earlier questions from a list of random numbers. */
function buildCondition(earlier: Question[], seeds: number[], depth = 0): Condition | undefined {
  const targets = earlier.filter((q) => q.type !== 'info');
  if (!targets.length) return undefined;
  const next = () => seeds.shift() ?? 0;
  const kind = depth < 2 ? next() % 6 : 0;
  if (kind === 3 || kind === 4) {
    const parts = [buildCondition(earlier, seeds, depth + 1)!, buildCondition(earlier, seeds, depth + 1)!];
    return kind === 3 ? { all: parts } : { any: parts };
  }
  if (kind === 5) return { not: buildCondition(earlier, seeds, depth + 1)! };
  const target = targets[next() % targets.length]!;
  const values = possibleValues(target);
  const condition: Record<string, unknown> = { question: target.id };
  if (target.type === 'matrix' && next() % 2) condition.row = target.rows[next() % target.rows.length]!.id;
  // "neq" on a consent box never holds (an unticked box is unanswered), and the cross-check refuses it.
  const compare = values ? (target.type === 'consent' ? ['eq', 'in'] : ['eq', 'neq', 'in']) : ['eq'];
  const ops = ['answered', ...compare, ...(NUMERIC.has(target.type) ? ['lt', 'lte', 'gt', 'gte'] : [])];
  const op = ops[next() % ops.length]!;
  const pick = () => (values ? values[next() % values.length]! : 'tak');
  if (op === 'answered') condition.answered = next() % 2 === 0;
  else if (op === 'in') condition.in = [pick(), pick()];
  else if (op === 'eq' || op === 'neq') condition[op] = pick();
  else condition[op] = (next() % 14) - 2;
  return condition as Condition;
}

/** Bands that cover 0–100 exactly, from cut points. */
const bands = fc.uniqueArray(fc.integer({ min: 1, max: 100 }), { maxLength: 4 }).map((cuts) => {
  const sorted = [0, ...cuts.sort((a, b) => a - b), 101];
  return sorted.slice(0, -1).map((min, i) => ({ min, max: sorted[i + 1]! - 1, label: `${min}–${sorted[i + 1]! - 1}` }));
});

/** A valid definition of random shape. */
export const validDefinition: fc.Arbitrary<SurveyDefinition> = fc
  .record({
    pages: fc.array(
      fc.array(fc.tuple(questionShape, fc.option(fc.array(fc.nat(), { minLength: 12, maxLength: 12 }), { freq: 2 })), {
        minLength: 1,
        maxLength: 5,
      }),
      { minLength: 1, maxLength: 4 },
    ),
    dimensions: fc.array(fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), bands), { maxLength: 3 }),
    locale: fc.constantFrom<('pl' | 'en' | undefined)[]>(undefined, 'pl', 'en'),
    version: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
  })
  .map(({ pages, dimensions, locale, version }) => {
    const all: Question[] = [];
    const built: Page[] = pages.map((questions, p) => ({
      id: `p${p}`,
      questions: questions.map(([shape, seeds]) => {
        const question = { id: `q${all.length}`, ...shape } as Question;
        const condition = seeds && buildCondition(all, [...seeds]);
        if (condition) question.visibleIf = condition;
        all.push(question);
        return question;
      }),
    }));
    const scored = all.filter((q) => NUMERIC.has(q.type)).map((q) => q.id);
    const scoring: Dimension[] = scored.length
      ? dimensions.map(([picks, b], d) => ({
          id: `d${d}`,
          title: `Wymiar ${d}`,
          questions: [...new Set(picks.map((i) => scored[i % scored.length]!))],
          bands: b,
        }))
      : [];
    const definition: SurveyDefinition = { id: 'fuzz', title: 'Fuzz', pages: built };
    if (locale) definition.locale = locale;
    if (version) definition.version = version;
    if (scoring.length) definition.scoring = { dimensions: scoring };
    return definition;
  });

/** A plausible answer for a question, picked by random numbers (sometimes just off the edge). */
export function plausibleAnswer(q: Question, n: number[]): unknown {
  const next = () => n.shift() ?? 0;
  switch (q.type) {
    case 'rating':
      return next() % ((q.max ?? 5) + 2);
    case 'nps':
      return (next() % 12) - 1;
    case 'scale': {
      const values = possibleValues(q)!;
      return values[next() % values.length];
    }
    case 'matrix': {
      const values = possibleValues(q)!;
      return Object.fromEntries(q.rows.filter(() => next() % 3 > 0).map((r) => [r.id, values[next() % values.length]]));
    }
    case 'choice': {
      const values = possibleValues(q) as string[];
      if (!q.multiple) return values[next() % values.length];
      return values.filter(() => next() % 2 === 0);
    }
    case 'text':
      return ['', '  ', 'Opole', 'urzad@opole.pl', 'x'.repeat(next() % 60)][next() % 5];
    case 'consent':
      return next() % 2 === 0;
    default:
      return 'info';
  }
}
