/**
 * The JSON Schema of a survey definition (draft 2020-12), shipped so that editors such as
 * VS Code complete and check a definition while a site owner types it (a definition names it
 * with `"$schema"`). It is derived from the zod schema, so the two cannot drift apart; the
 * cross-checks (unique ids, conditions that look back, bands covering 0–100) stay in code.
 */
import {
  Band,
  COMPARISONS,
  ChoiceOption,
  ChoiceQuestion,
  Comparison,
  Condition,
  ConsentQuestion,
  Dimension,
  InfoBlock,
  LocalizedText,
  MatrixQuestion,
  MatrixRow,
  NpsQuestion,
  Page,
  Question,
  RatingQuestion,
  ScalePoint,
  ScaleQuestion,
  Scoring,
  SurveyDefinition,
  TextQuestion,
} from './definition.js';
import { z } from './zod.js';

type Docs = Record<string, string>;
type OwnCheck = { _zod: { def: { params?: { int?: [number, number]; pattern?: RegExp } } } };

/** What an editor shows on hover, per object and field. Not shipped in the bundles: build time only. */
const QUESTION: Docs = {
  id: 'Unique id of the question: a letter, then letters, digits, "_" or "-" (at most 64). The key of its answer.',
  title: 'The question as shown and read out.',
  hint: 'Help text under the question, read with it.',
  required: 'An answer is needed before Next or Submit (default false).',
  visibleIf: 'Shown, validated and submitted only while this condition on earlier answers holds.',
};
const SCALE: Docs = {
  scale:
    'A named scale with Polish and English labels: "agree5" (default; Zdecydowanie się nie zgadzam … Zdecydowanie się zgadzam) or "quality5" (Bardzo źle … Bardzo dobrze).',
  points: 'Points of its own instead of a named scale: 2 to 11 {value, label}, lowest first.',
  notApplicable:
    'Adds a separate "not applicable" answer (value "na"), left out of scores; true for the built-in label, or a text of its own.',
};
const DOCS = new Map<unknown, readonly [string, Docs]>([
  [
    SurveyDefinition,
    [
      'A survey for <ankieta-survey>: pages of questions, optional scoring and a thank-you text.',
      {
        $schema: 'The JSON Schema an editor checks this file against; ignored when the survey runs.',
        id: 'The survey id: a–z, 0–9, "_" or "-" (1 to 64). Drafts, responses and the collector\'s storage are keyed by it.',
        version: 'Version of the definition (default 1), sent with each response; change it when questions change meaning.',
        locale: 'The language of the texts given as plain strings: "pl" (default) or "en".',
        title: 'The survey title, the top heading.',
        description: 'Text under the title.',
        pages: 'The pages, 1 to 100, shown one at a time with Back and Next.',
        scoring: 'Scored dimensions of a self-assessment: their scores and bands are shown after Submit and sent with the response.',
        thankYou: 'Shown after Submit (default: the built-in thank-you).',
      },
    ],
  ],
  [
    Page,
    [
      'One screen of the survey.',
      {
        id: 'Unique page id.',
        title: 'The page heading (focus moves to it on Next and Back).',
        description: 'Text under the page heading.',
        questions: 'Questions and info blocks, 1 to 500, in order.',
      },
    ],
  ],
  [
    RatingQuestion,
    [
      'Stars: a whole number from 1 to max.',
      {
        ...QUESTION,
        max: 'Number of stars, 3 to 10 (default 5).',
        minLabel: 'Text under the first star.',
        maxLabel: 'Text under the last star.',
      },
    ],
  ],
  [ScaleQuestion, ['One answer on a labelled scale (agreement, quality, or points of its own).', { ...QUESTION, ...SCALE }]],
  [NpsQuestion, ['Recommendation, 0 to 10.', { ...QUESTION, minLabel: 'Text under 0.', maxLabel: 'Text under 10.' }]],
  [
    ChoiceQuestion,
    [
      'One or several of the given answers.',
      {
        ...QUESTION,
        options: 'The answers, 1 to 200 {value, label}, in the order shown.',
        multiple: 'Checkboxes, several answers (default false: radios, one answer).',
        other:
          'Adds "Inne" / "Other" with a text field; true for the built-in label, or a text of its own. Its answer is "other", the text goes as <id>.other.',
        display: '"radio" (default) or "dropdown" (a list box; one answer only).',
        minChoices: 'With multiple: at least this many answers once any is given (required asks for one).',
        maxChoices: 'With multiple: at most this many answers.',
      },
    ],
  ],
  [
    TextQuestion,
    [
      'A text answer.',
      {
        ...QUESTION,
        multiline: 'Several lines (a text area) instead of one.',
        maxLength: 'At most this many characters, 1 to 20000; the characters left are shown.',
        format: '"email": checked as an e-mail address.',
        placeholder: 'Shown in the empty field; not read as its label, so do not put the question here.',
      },
    ],
  ],
  [
    MatrixQuestion,
    ['Several items rated on one scale: a row of answers per item.', { ...QUESTION, rows: 'The items, 1 to 100 {id, label}.', ...SCALE }],
  ],
  [
    ConsentQuestion,
    [
      'A checkbox to agree, with its information clause.',
      {
        ...QUESTION,
        text: 'The information clause (e.g. RODO art. 13) shown above the checkbox.',
        label: 'The checkbox label (default "Wyrażam zgodę" / "I agree").',
      },
    ],
  ],
  [
    InfoBlock,
    [
      'Text between questions; no answer.',
      { id: 'Unique id.', title: 'A heading for the text.', text: 'The text.', visibleIf: 'Shown only while this condition holds.' },
    ],
  ],
  [
    ChoiceOption,
    [
      'An answer of a choice question.',
      {
        value: 'What the response holds: A–Z, a–z, 0–9, "_" or "-" (1 to 64); unique in the question; "other" is taken.',
        label: 'The answer as shown.',
      },
    ],
  ],
  [
    ScalePoint,
    [
      'A point of a scale.',
      { value: 'What the response holds and scores use: a whole number, the lowest point first.', label: 'The point as shown.' },
    ],
  ],
  [
    MatrixRow,
    ['An item of a matrix.', { id: 'Unique in the matrix; the key of its answer within the matrix answer.', label: 'The item as shown.' }],
  ],
  [Scoring, ['Scores of a self-assessment.', { dimensions: 'The dimensions scored, 1 to 20.' }]],
  [
    Dimension,
    [
      'A scored area: the mean of its answered items, 0 to 100, when at least 2/3 of them are answered.',
      {
        id: 'Unique dimension id; the key of its score in the response.',
        title: 'The area as shown in the results.',
        description: 'Text under the area in the results.',
        questions: 'Ids of the scored questions: rating, scale, nps, or a whole matrix (each row is an item).',
        bands: 'Levels covering 0 to 100 without gaps or overlaps.',
      },
    ],
  ],
  [
    Band,
    [
      'A level of a dimension score.',
      {
        min: 'Lowest score of the band, 0 to 100.',
        max: 'Highest score of the band, 0 to 100.',
        label: 'The level as shown.',
        advice: 'What to do at this level, shown with the score.',
      },
    ],
  ],
]);

/**
 * An `override` for `z.toJSONSchema` of any Ankieta schema (the templates' agenda too): int() and
 * matches() are checks of our own (zod.ts), which the generator does not know; this says what
 * z.int() with z.gte() and z.lte(), and z.regex(), say.
 */
export function ownChecks({ zodSchema, jsonSchema }: { zodSchema: z.core.$ZodType; jsonSchema: Record<string, unknown> }): void {
  for (const { _zod } of (zodSchema._zod.def as { checks?: OwnCheck[] }).checks ?? []) {
    const { int, pattern } = _zod.def.params ?? {};
    if (int) {
      jsonSchema.type = 'integer';
      jsonSchema.minimum = Math.max(int[0], Number.MIN_SAFE_INTEGER);
      jsonSchema.maximum = Math.min(int[1], Number.MAX_SAFE_INTEGER);
    }
    if (pattern) jsonSchema.pattern = pattern.source;
  }
}

export function definitionJsonSchema(): Record<string, unknown> {
  const metadata = z.registry<{ id?: string; title?: string; description?: string }>();
  metadata.add(SurveyDefinition, { title: 'Ankieta survey definition' });
  metadata.add(LocalizedText, {
    id: 'LocalizedText',
    description: 'A text in the definition\'s locale, or one per language: {"pl": "…", "en": "…"}.',
  });
  metadata.add(Condition, {
    id: 'Condition',
    description:
      'Shows a question only when an earlier answer matches: {"question": id, <one operator>: value}, or {"all": […]}, {"any": […]}, {"not": …}.',
  });
  const [, textObject] = LocalizedText.def.options;
  const [, all, any, not] = (Condition.def as unknown as { options: unknown[] }).options;
  DOCS.set(textObject, ['The text per language; at least one.', { pl: 'In Polish.', en: 'In English.' }]);
  DOCS.set(Comparison, [
    'Compares the answer of an earlier question, with exactly one operator; false while it is unanswered (but see "answered").',
    {
      question: 'Id of a question on an earlier page, or earlier on the same page.',
      row: 'With a matrix: the row whose answer is compared (without it, any answered row may match).',
      eq: 'The answer is this value (with several chosen answers: one of them is).',
      neq: 'The answer is not this value.',
      lt: 'The answer is a number below this.',
      lte: 'The answer is a number of at most this.',
      gt: 'The answer is a number above this.',
      gte: 'The answer is a number of at least this.',
      in: 'The answer is one of these values.',
      answered: 'true: the question is answered; false: it is not.',
    },
  ]);
  DOCS.set(all, ['Every condition holds.', { all: 'The conditions, at least one.' }]);
  DOCS.set(any, ['At least one condition holds.', { any: 'The conditions, at least one.' }]);
  DOCS.set(not, ['The condition does not hold.', { not: 'The condition.' }]);
  const types = new Set<unknown>(Question.def.options.map((option) => option.shape.type));
  const schema = z.toJSONSchema(SurveyDefinition, {
    metadata,
    target: 'draft-2020-12',
    io: 'input',
    // Two refinements that JSON Schema can say too, so an editor flags them as well.
    override: ({ zodSchema, jsonSchema }) => {
      // Field texts are added once the document is complete: until then the generator shares
      // one node between every use of a schema (every LocalizedText field), and fills in $refs.
      const docs = DOCS.get(zodSchema);
      if (docs) jsonSchema[FIELD_DOCS] = docs;
      if (zodSchema === textObject) jsonSchema.minProperties = 1;
      // A question's type is a one-value enum, a literal as JSON Schema says it (definition.ts).
      if (types.has(zodSchema)) {
        jsonSchema.const = jsonSchema.enum![0];
        delete jsonSchema.enum;
      }
      if (zodSchema === Comparison) jsonSchema.oneOf = COMPARISONS.map((op) => ({ required: [op] }));
      ownChecks({ zodSchema, jsonSchema });
    },
  }) as Record<string, unknown>;
  addFieldDocs(schema);
  return schema;
}

const FIELD_DOCS = 'x-ankieta-docs';

function addFieldDocs(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  const docs = record[FIELD_DOCS] as readonly [string, Docs] | undefined;
  for (const value of Object.values(record)) addFieldDocs(value);
  if (!docs) return;
  delete record[FIELD_DOCS];
  record.description ??= docs[0];
  const properties = (record.properties ?? {}) as Record<string, object>;
  for (const [field, text] of Object.entries(docs[1]))
    if (properties[field]) properties[field] = { ...properties[field], description: text };
}
