/**
 * The survey definition: what a site owner writes (or a template generates) and what
 * `<ankieta-survey>` renders. Structural rules live in the zod schema below (they also become
 * the shipped JSON Schema); rules that relate one part of a definition to another live in
 * `cross-check.ts`.
 */
import { int, matches, refine, z } from './zod.js';

export const LOCALES = ['pl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const nonEmpty = z.string().check(z.minLength(1, 'must not be empty'));

/** A text shown to respondents: one string (in the definition's `locale`) or one per locale. */
export const LocalizedText = z.union([
  nonEmpty,
  z
    .strictObject({ pl: z.optional(nonEmpty), en: z.optional(nonEmpty) })
    .check(refine((t) => t.pl !== undefined || t.en !== undefined, 'needs "pl" or "en"')),
]);
export type LocalizedText = z.infer<typeof LocalizedText>;

/** Question, page, row and dimension ids: safe as form field names, JSON keys and CSV headers. */
export const Id = z
  .string()
  .check(matches(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'must start with a letter and use only A–Z, a–z, 0–9, "_" or "-" (at most 64)'));
/** The survey id keys storage and responses. */
export const SurveyId = z.string().check(matches(/^[a-z0-9_-]{1,64}$/, 'must use only a–z, 0–9, "_" or "-" (1 to 64 characters)'));

const Scalar = z.union([z.number(), z.string(), z.boolean()]);
export type Scalar = z.infer<typeof Scalar>;

/** A condition on an earlier answer, or a combination of conditions. Data, never code. */
export type Condition =
  | {
      question: string;
      row?: string;
      eq?: Scalar;
      neq?: Scalar;
      lt?: number;
      lte?: number;
      gt?: number;
      gte?: number;
      in?: Scalar[];
      answered?: boolean;
    }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export const COMPARISONS = ['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'in', 'answered'] as const;

export const Comparison = z
  .strictObject({
    question: Id,
    row: z.optional(Id),
    eq: z.optional(Scalar),
    neq: z.optional(Scalar),
    lt: z.optional(z.number()),
    lte: z.optional(z.number()),
    gt: z.optional(z.number()),
    gte: z.optional(z.number()),
    in: z.optional(z.array(Scalar).check(z.minLength(1), z.maxLength(100))),
    answered: z.optional(z.boolean()),
  })
  .check(
    refine(
      (c) => COMPARISONS.filter((op) => (c as Record<string, unknown>)[op] !== undefined).length === 1,
      `needs exactly one of ${COMPARISONS.join(', ')}`,
    ),
  );

export const Condition: z.ZodMiniType<Condition> = z.union([
  Comparison,
  z.strictObject({
    get all() {
      return z.array(Condition).check(z.minLength(1));
    },
  }),
  z.strictObject({
    get any() {
      return z.array(Condition).check(z.minLength(1));
    },
  }),
  z.strictObject({
    get not() {
      return Condition;
    },
  }),
]);

const common = {
  id: Id,
  title: LocalizedText,
  /** Shown under the title and announced with the field. */
  hint: z.optional(LocalizedText),
  required: z.optional(z.boolean()),
  visibleIf: z.optional(Condition),
};

export const NAMED_SCALES = ['agree5', 'quality5'] as const;
export type NamedScale = (typeof NAMED_SCALES)[number];

export const ScalePoint = z.strictObject({ value: int(), label: LocalizedText });
export type ScalePoint = z.infer<typeof ScalePoint>;

/** A named scale, or 2–11 custom points. */
const scaleSpec = {
  scale: z.optional(z.enum(NAMED_SCALES)),
  points: z.optional(z.array(ScalePoint).check(z.minLength(2), z.maxLength(11))),
  /** Adds a separate, unscored "not applicable / don't know" answer (`"na"`); a string relabels it. */
  notApplicable: z.optional(z.union([z.boolean(), LocalizedText])),
};

// A question's `type` is a one-value z.enum, not z.literal: the same check and the same issue
// (`must be "rating"`) without zod's literal schema in the script-tag bundle (about 0.1 kB gzip).
// json-schema.ts writes it as the `const` a literal gives.
export const RatingQuestion = z.strictObject({
  ...common,
  type: z.enum(['rating']),
  max: z.optional(int(3, 10)),
  minLabel: z.optional(LocalizedText),
  maxLabel: z.optional(LocalizedText),
});

export const ScaleQuestion = z.strictObject({ ...common, type: z.enum(['scale']), ...scaleSpec });

export const NpsQuestion = z.strictObject({
  ...common,
  type: z.enum(['nps']),
  minLabel: z.optional(LocalizedText),
  maxLabel: z.optional(LocalizedText),
});

export const ChoiceOption = z.strictObject({
  value: z.string().check(matches(/^[A-Za-z0-9_-]{1,64}$/, 'must use only A–Z, a–z, 0–9, "_" or "-" (1 to 64)')),
  label: LocalizedText,
});

export const ChoiceQuestion = z.strictObject({
  ...common,
  type: z.enum(['choice']),
  options: z.array(ChoiceOption).check(z.minLength(1), z.maxLength(200)),
  multiple: z.optional(z.boolean()),
  /** Adds "Other" with a text field; a string relabels it. */
  other: z.optional(z.union([z.boolean(), LocalizedText])),
  display: z.optional(z.enum(['radio', 'dropdown'])),
  minChoices: z.optional(int(0)),
  maxChoices: z.optional(int(1)),
});

export const TextQuestion = z.strictObject({
  ...common,
  type: z.enum(['text']),
  multiline: z.optional(z.boolean()),
  maxLength: z.optional(int(1, 20000)),
  format: z.optional(z.enum(['email'])),
  placeholder: z.optional(LocalizedText),
});

export const MatrixRow = z.strictObject({ id: Id, label: LocalizedText });

export const MatrixQuestion = z.strictObject({
  ...common,
  type: z.enum(['matrix']),
  rows: z.array(MatrixRow).check(z.minLength(1), z.maxLength(100)),
  ...scaleSpec,
});

export const ConsentQuestion = z.strictObject({
  ...common,
  type: z.enum(['consent']),
  /** The information clause (e.g. RODO art. 13) shown above the checkbox. */
  text: LocalizedText,
  /** The checkbox label; defaults to the catalog's "I agree". */
  label: z.optional(LocalizedText),
});

export const InfoBlock = z.strictObject({
  id: Id,
  type: z.enum(['info']),
  title: z.optional(LocalizedText),
  text: LocalizedText,
  visibleIf: z.optional(Condition),
});

export const Question = z.discriminatedUnion('type', [
  RatingQuestion,
  ScaleQuestion,
  NpsQuestion,
  ChoiceQuestion,
  TextQuestion,
  MatrixQuestion,
  ConsentQuestion,
  InfoBlock,
]);
export type Question = z.infer<typeof Question>;
export type QuestionType = Question['type'];
export type AnswerableQuestion = Exclude<Question, { type: 'info' }>;
export type RatingQuestion = z.infer<typeof RatingQuestion>;
export type ScaleQuestion = z.infer<typeof ScaleQuestion>;
export type NpsQuestion = z.infer<typeof NpsQuestion>;
export type ChoiceQuestion = z.infer<typeof ChoiceQuestion>;
export type TextQuestion = z.infer<typeof TextQuestion>;
export type MatrixQuestion = z.infer<typeof MatrixQuestion>;
export type ConsentQuestion = z.infer<typeof ConsentQuestion>;
export type InfoBlock = z.infer<typeof InfoBlock>;

export const QUESTION_TYPES = ['rating', 'scale', 'nps', 'choice', 'text', 'matrix', 'consent', 'info'] as const;

export const Page = z.strictObject({
  id: Id,
  title: z.optional(LocalizedText),
  description: z.optional(LocalizedText),
  questions: z.array(Question).check(z.minLength(1), z.maxLength(500)),
});
export type Page = z.infer<typeof Page>;

export const Band = z.strictObject({
  min: int(0, 100),
  max: int(0, 100),
  label: LocalizedText,
  advice: z.optional(LocalizedText),
});
export type Band = z.infer<typeof Band>;

export const Dimension = z.strictObject({
  id: Id,
  title: LocalizedText,
  description: z.optional(LocalizedText),
  /** Scored questions (rating, scale, nps, or a whole matrix: each row counts as an item). */
  questions: z.array(Id).check(z.minLength(1)),
  bands: z.array(Band).check(z.minLength(1), z.maxLength(10)),
});
export type Dimension = z.infer<typeof Dimension>;

export const Scoring = z.strictObject({
  dimensions: z.array(Dimension).check(z.minLength(1), z.maxLength(20)),
});
export type Scoring = z.infer<typeof Scoring>;

export const SurveyDefinition = z.strictObject({
  /** Lets editors find the JSON Schema (`dist/ankieta.schema.json`); ignored at run time. */
  $schema: z.optional(z.string()),
  id: SurveyId,
  version: z.optional(int(1)),
  locale: z.optional(z.enum(LOCALES)),
  title: LocalizedText,
  description: z.optional(LocalizedText),
  pages: z.array(Page).check(z.minLength(1), z.maxLength(100)),
  scoring: z.optional(Scoring),
  thankYou: z.optional(LocalizedText),
});
export type SurveyDefinition = z.infer<typeof SurveyDefinition>;

/** `T` with every object and array read-only, all the way down. */
type DeepReadonly<T> = T extends readonly (infer Item)[]
  ? readonly DeepReadonly<Item>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/**
 * A definition as the elements' `definition` property takes it, to be validated there: the shape
 * of `SurveyDefinition`, read-only all the way down (the elements never change it), so that one
 * written `as const` fits as well as one typed `SurveyDefinition`.
 */
// An interface, so that compiler messages name it rather than spell out its whole shape.
export interface SurveyDefinitionInput extends DeepReadonly<SurveyDefinition> {}
