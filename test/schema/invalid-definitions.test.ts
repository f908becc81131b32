import { expect } from '@open-wc/testing';
import { DefinitionError, parseDefinition, type DefinitionIssue } from '../../src/schema/index.js';

type Json = any;

/** A valid survey; each case below breaks one thing in a fresh copy. */
const base = (): Json => ({
  id: 'ocena',
  title: 'Ocena',
  pages: [
    {
      id: 'p1',
      questions: [
        { id: 'rate', type: 'rating', title: 'Ocena' },
        { id: 'note', type: 'text', title: 'Uwagi' },
        { id: 'later', type: 'rating', title: 'Później' },
        {
          id: 'grid',
          type: 'matrix',
          title: 'Siatka',
          scale: 'agree5',
          rows: [
            { id: 'r1', label: 'R1' },
            { id: 'r2', label: 'R2' },
          ],
        },
        {
          id: 'pick',
          type: 'choice',
          title: 'Wybór',
          options: [
            { value: 'a', label: 'A' },
            { value: 'b', label: 'B' },
          ],
        },
        { id: 'intro', type: 'info', text: 'Informacja' },
      ],
    },
    { id: 'p2', questions: [{ id: 'last', type: 'nps', title: 'Polecenie' }] },
  ],
});

const q = (d: Json, index: number) => d.pages[0].questions[index];
const dimension = (questions: string[], bands: { min: number; max: number }[] = [{ min: 0, max: 100 }]) => ({
  id: 'd',
  title: 'Wymiar',
  questions,
  bands: bands.map((b) => ({ ...b, label: `${b.min}-${b.max}` })),
});
const TYPES = '"rating", "scale", "nps", "choice", "text", "matrix", "consent", "info"';
const EARLIER = '(conditions may refer only to earlier questions)';

const cases: [name: string, change: (d: Json) => unknown, expected: DefinitionIssue[]][] = [
  [
    'misspelt question type',
    (d) => {
      q(d, 2).type = 'ratng';
      return d;
    },
    [{ path: 'pages[0].questions[2].type', message: `unknown type "ratng" (expected one of ${TYPES})` }],
  ],
  [
    'missing question type',
    (d) => {
      delete q(d, 2).type;
      return d;
    },
    [{ path: 'pages[0].questions[2].type', message: `is required (one of ${TYPES})` }],
  ],
  [
    'missing title',
    (d) => {
      delete q(d, 0).title;
      return d;
    },
    [{ path: 'pages[0].questions[0].title', message: 'is required' }],
  ],
  [
    'missing pages',
    (d) => {
      delete d.pages;
      return d;
    },
    [{ path: 'pages', message: 'is required' }],
  ],
  [
    'title of the wrong type',
    (d) => {
      d.title = 5;
      return d;
    },
    [{ path: 'title', message: 'expected text or an object, got the number 5' }],
  ],
  [
    'empty title',
    (d) => {
      q(d, 1).title = '';
      return d;
    },
    [{ path: 'pages[0].questions[1].title', message: 'must not be empty' }],
  ],
  [
    'localized text without pl or en',
    (d) => {
      d.title = {};
      return d;
    },
    [{ path: 'title', message: 'needs "pl" or "en"' }],
  ],
  [
    'localized text in another language',
    (d) => {
      d.title = { pl: 'Ocena', de: 'Bewertung' };
      return d;
    },
    [{ path: 'title', message: 'unknown property "de"' }],
  ],
  [
    '"required" misspelt',
    (d) => {
      q(d, 0).requried = true;
      return d;
    },
    [{ path: 'pages[0].questions[0]', message: 'unknown property "requried"' }],
  ],
  [
    'two unknown properties',
    (d) => {
      d.titel = 'x';
      d.lang = 'pl';
      return d;
    },
    [{ path: '(root)', message: 'unknown properties "titel", "lang"' }],
  ],
  [
    'required as text',
    (d) => {
      q(d, 0).required = 'yes';
      return d;
    },
    [{ path: 'pages[0].questions[0].required', message: 'expected true or false, got the text "yes"' }],
  ],
  [
    'question id starting with a digit',
    (d) => {
      q(d, 0).id = '1st';
      return d;
    },
    [{ path: 'pages[0].questions[0].id', message: 'must start with a letter and use only A–Z, a–z, 0–9, "_" or "-" (at most 64)' }],
  ],
  [
    'question id with a dot',
    (d) => {
      q(d, 1).id = 'note.other';
      return d;
    },
    [{ path: 'pages[0].questions[1].id', message: 'must start with a letter and use only A–Z, a–z, 0–9, "_" or "-" (at most 64)' }],
  ],
  [
    'question id of 65 characters',
    (d) => {
      q(d, 1).id = `a${'b'.repeat(64)}`;
      return d;
    },
    [{ path: 'pages[0].questions[1].id', message: 'must start with a letter and use only A–Z, a–z, 0–9, "_" or "-" (at most 64)' }],
  ],
  [
    'survey id with capitals and a space',
    (d) => {
      d.id = 'Ocena 2016';
      return d;
    },
    [{ path: 'id', message: 'must use only a–z, 0–9, "_" or "-" (1 to 64 characters)' }],
  ],
  [
    'option value with a space',
    (d) => {
      q(d, 4).options[0].value = 'a b';
      return d;
    },
    [{ path: 'pages[0].questions[4].options[0].value', message: 'must use only A–Z, a–z, 0–9, "_" or "-" (1 to 64)' }],
  ],
  [
    'version 0',
    (d) => {
      d.version = 0;
      return d;
    },
    [{ path: 'version', message: 'must be at least 1' }],
  ],
  [
    'unsupported locale',
    (d) => {
      d.locale = 'de';
      return d;
    },
    [{ path: 'locale', message: 'must be one of "pl", "en", got the text "de"' }],
  ],
  [
    'rating max 11',
    (d) => {
      q(d, 0).max = 11;
      return d;
    },
    [{ path: 'pages[0].questions[0].max', message: 'must be at most 10' }],
  ],
  [
    'rating max 4.5',
    (d) => {
      q(d, 0).max = 4.5;
      return d;
    },
    [{ path: 'pages[0].questions[0].max', message: 'expected a whole number, got the number 4.5' }],
  ],
  [
    'rating max NaN',
    (d) => {
      q(d, 0).max = NaN;
      return d;
    },
    [{ path: 'pages[0].questions[0].max', message: 'expected a number, got NaN (not a finite number)' }],
  ],
  [
    'text format other than email',
    (d) => {
      q(d, 1).format = 'phone';
      return d;
    },
    [{ path: 'pages[0].questions[1].format', message: 'must be "email"' }],
  ],
  [
    'unknown named scale',
    (d) => {
      q(d, 3).scale = 'agree7';
      return d;
    },
    [{ path: 'pages[0].questions[3].scale', message: 'must be one of "agree5", "quality5", got the text "agree7"' }],
  ],
  [
    'one custom point',
    (d) => {
      delete q(d, 3).scale;
      q(d, 3).points = [{ value: 1, label: '1' }];
      return d;
    },
    [{ path: 'pages[0].questions[3].points', message: 'needs at least 2 items' }],
  ],
  [
    'notApplicable as a number',
    (d) => {
      q(d, 3).notApplicable = 1;
      return d;
    },
    [{ path: 'pages[0].questions[3].notApplicable', message: 'expected true or false or text or an object, got the number 1' }],
  ],
  [
    'no pages',
    (d) => {
      d.pages = [];
      return d;
    },
    [{ path: 'pages', message: 'needs at least 1 item' }],
  ],
  [
    'a page without questions',
    (d) => {
      d.pages[1].questions = [];
      return d;
    },
    [{ path: 'pages[1].questions', message: 'needs at least 1 item' }],
  ],
  [
    'a choice without options',
    (d) => {
      q(d, 4).options = [];
      return d;
    },
    [{ path: 'pages[0].questions[4].options', message: 'needs at least 1 item' }],
  ],
  [
    'a matrix without rows',
    (d) => {
      delete q(d, 3).rows;
      return d;
    },
    [{ path: 'pages[0].questions[3].rows', message: 'is required' }],
  ],
  ['the definition is null', () => null, [{ path: '(root)', message: 'expected an object, got null' }]],
  ['the definition is an array', () => [], [{ path: '(root)', message: 'expected an object, got an array' }]],
  ['the definition is missing', () => undefined, [{ path: '(root)', message: 'expected an object, got undefined' }]],
  ['JSON text of a number', () => '42', [{ path: '(root)', message: 'expected an object, got the number 42' }]],
  [
    'several structural problems at once',
    (d) => {
      d.id = '';
      q(d, 2).type = 'stars';
      d.pages[1].questions[0].title = null;
      return d;
    },
    [
      { path: 'id', message: 'must use only a–z, 0–9, "_" or "-" (1 to 64 characters)' },
      { path: 'pages[0].questions[2].type', message: `unknown type "stars" (expected one of ${TYPES})` },
      { path: 'pages[1].questions[0].title', message: 'expected text or an object, got null' },
    ],
  ],

  // Hostile input
  [
    'a "__proto__" key',
    () => JSON.parse(JSON.stringify(base()).replace('"id":"rate"', '"__proto__":{"polluted":true},"id":"rate"')),
    [{ path: 'pages[0].questions[0].__proto__', message: 'is a reserved name' }],
  ],
  [
    'a "constructor" key',
    (d) => {
      q(d, 0).constructor = { prototype: {} };
      return d;
    },
    [{ path: 'pages[0].questions[0]', message: 'unknown property "constructor"' }],
  ],
  [
    'a "prototype" key on a condition',
    (d) => {
      q(d, 2).visibleIf = { question: 'rate', eq: 1, prototype: 1 };
      return d;
    },
    [{ path: 'pages[0].questions[2].visibleIf', message: 'unknown property "prototype"' }],
  ],

  // Ids that must be unique
  [
    'duplicate question id across pages',
    (d) => {
      d.pages[1].questions[0].id = 'rate';
      return d;
    },
    [{ path: 'pages[1].questions[0].id', message: 'duplicate question id "rate" (first used at pages[0].questions[0])' }],
  ],
  [
    'duplicate page id',
    (d) => {
      d.pages[1].id = 'p1';
      return d;
    },
    [{ path: 'pages[1].id', message: 'duplicate page id "p1" (first used at pages[0])' }],
  ],
  [
    'duplicate option value',
    (d) => {
      q(d, 4).options[1].value = 'a';
      return d;
    },
    [{ path: 'pages[0].questions[4].options[1].value', message: 'duplicate option value "a"' }],
  ],
  [
    'option "other" next to other: true',
    (d) => {
      q(d, 4).other = true;
      q(d, 4).options[1].value = 'other';
      return d;
    },
    [{ path: 'pages[0].questions[4].options[1].value', message: '"other" is reserved for the "other" answer' }],
  ],
  [
    'duplicate row id',
    (d) => {
      q(d, 3).rows[1].id = 'r1';
      return d;
    },
    [{ path: 'pages[0].questions[3].rows[1].id', message: 'duplicate row id "r1"' }],
  ],
  [
    'duplicate point value',
    (d) => {
      delete q(d, 3).scale;
      q(d, 3).points = [
        { value: 1, label: 'a' },
        { value: 1, label: 'b' },
      ];
      return d;
    },
    [{ path: 'pages[0].questions[3].points[1].value', message: 'duplicate point value 1' }],
  ],
  [
    'duplicate dimension id',
    (d) => {
      d.scoring = { dimensions: [dimension(['rate']), dimension(['later'])] };
      return d;
    },
    [{ path: 'scoring.dimensions[1].id', message: 'duplicate dimension id "d"' }],
  ],

  // Conditions
  [
    'condition on an unknown question',
    (d) => {
      q(d, 2).visibleIf = { question: 'ghost', eq: 1 };
      return d;
    },
    [{ path: 'pages[0].questions[2].visibleIf.question', message: 'unknown question "ghost"' }],
  ],
  [
    'condition on a later question',
    (d) => {
      q(d, 0).visibleIf = { question: 'later', gte: 3 };
      return d;
    },
    [{ path: 'pages[0].questions[0].visibleIf.question', message: `refers to "later", which comes later ${EARLIER}` }],
  ],
  [
    'condition on a question of a later page',
    (d) => {
      q(d, 1).visibleIf = { question: 'last', gte: 9 };
      return d;
    },
    [{ path: 'pages[0].questions[1].visibleIf.question', message: `refers to "last", which comes later ${EARLIER}` }],
  ],
  [
    'condition on the question itself',
    (d) => {
      q(d, 2).visibleIf = { question: 'later', answered: true };
      return d;
    },
    [{ path: 'pages[0].questions[2].visibleIf.question', message: `refers to the question itself ${EARLIER}` }],
  ],
  [
    'condition on an info block',
    (d) => {
      d.pages[1].questions[0].visibleIf = { question: 'intro', answered: true };
      return d;
    },
    [{ path: 'pages[1].questions[0].visibleIf.question', message: '"intro" is an info block and has no answer' }],
  ],
  [
    '"row" on a rating',
    (d) => {
      q(d, 2).visibleIf = { question: 'rate', row: 'r1', eq: 1 };
      return d;
    },
    [{ path: 'pages[0].questions[2].visibleIf.row', message: '"row" needs a matrix question, but "rate" is rating' }],
  ],
  [
    '"row" the matrix does not have',
    (d) => {
      q(d, 4).visibleIf = { question: 'grid', row: 'r9', lte: 2 };
      return d;
    },
    [{ path: 'pages[0].questions[4].visibleIf.row', message: 'matrix "grid" has no row "r9"' }],
  ],
  [
    '"lt" on a text question',
    (d) => {
      q(d, 2).visibleIf = { question: 'note', lt: 3 };
      return d;
    },
    [{ path: 'pages[0].questions[2].visibleIf.lt', message: '"lt" compares numbers, but "note" is a text question' }],
  ],
  [
    '"gte" on a choice question, nested',
    (d) => {
      d.pages[1].questions[0].visibleIf = { any: [{ question: 'rate', eq: 1 }, { not: { question: 'pick', gte: 1 } }] };
      return d;
    },
    [{ path: 'pages[1].questions[0].visibleIf.any[1].not.gte', message: '"gte" compares numbers, but "pick" is a choice question' }],
  ],
  [
    '"lt" with a text value',
    (d) => {
      q(d, 2).visibleIf = { all: [{ question: 'rate', eq: 1 }, { not: { question: 'rate', lt: 'x' } }] };
      return d;
    },
    [{ path: 'pages[0].questions[2].visibleIf.all[1].not.lt', message: 'expected a number, got the text "x"' }],
  ],
  [
    'condition with two operators',
    (d) => {
      q(d, 2).visibleIf = { question: 'rate', eq: 1, lt: 3 };
      return d;
    },
    [{ path: 'pages[0].questions[2].visibleIf', message: 'needs exactly one of eq, neq, lt, lte, gt, gte, in, answered' }],
  ],
  [
    'condition without an operator',
    (d) => {
      q(d, 2).visibleIf = { question: 'rate' };
      return d;
    },
    [{ path: 'pages[0].questions[2].visibleIf', message: 'needs exactly one of eq, neq, lt, lte, gt, gte, in, answered' }],
  ],
  [
    'condition with a misspelt key',
    (d) => {
      q(d, 4).visibleIf = { question: 'grid', rows: 'r1', lte: 2 };
      return d;
    },
    [{ path: 'pages[0].questions[4].visibleIf', message: 'unknown property "rows"' }],
  ],
  [
    'condition with both "all" and "any"',
    (d) => {
      q(d, 2).visibleIf = { all: [{ question: 'rate', eq: 1 }], any: [{ question: 'rate', eq: 2 }] };
      return d;
    },
    [{ path: 'pages[0].questions[2].visibleIf', message: 'unknown property "any"' }],
  ],
  [
    'condition written as code',
    (d) => {
      q(d, 2).visibleIf = 'rate > 3';
      return d;
    },
    [{ path: 'pages[0].questions[2].visibleIf', message: 'expected an object, got the text "rate > 3"' }],
  ],
  [
    'empty "all"',
    (d) => {
      q(d, 2).visibleIf = { all: [] };
      return d;
    },
    [{ path: 'pages[0].questions[2].visibleIf.all', message: 'needs at least 1 item' }],
  ],
  [
    'empty "in"',
    (d) => {
      q(d, 2).visibleIf = { question: 'rate', in: [] };
      return d;
    },
    [{ path: 'pages[0].questions[2].visibleIf.in', message: 'needs at least 1 item' }],
  ],
  [
    '"eq" with an option the choice does not have',
    (d) => {
      d.pages[1].questions[0].visibleIf = { question: 'pick', eq: 'c' };
      return d;
    },
    [{ path: 'pages[1].questions[0].visibleIf.eq', message: '"pick" never has the answer "c" (possible: "a", "b")' }],
  ],
  [
    '"in" with a point the rating does not have',
    (d) => {
      q(d, 2).visibleIf = { question: 'rate', in: [1, 6] };
      return d;
    },
    [{ path: 'pages[0].questions[2].visibleIf.in[1]', message: '"rate" never has the answer 6 (possible: 1, 2, 3, 4, 5)' }],
  ],
  [
    '"neq" with a number written as text',
    (d) => {
      d.pages[1].questions[0].visibleIf = { question: 'grid', row: 'r1', neq: '3' };
      return d;
    },
    [{ path: 'pages[1].questions[0].visibleIf.neq', message: '"grid" never has the answer "3" (possible: 1, 2, 3, 4, 5)' }],
  ],
  [
    '"eq" with a number on a text question',
    (d) => {
      q(d, 2).visibleIf = { question: 'note', in: ['tak', 5] };
      return d;
    },
    [{ path: 'pages[0].questions[2].visibleIf.in[1]', message: '"note" is a text question: compare it with text, not 5' }],
  ],
  [
    '"neq": true on a consent box, which can never hold',
    (d) => {
      d.pages[0].questions.push({ id: 'agree', type: 'consent', title: 'Zgoda', text: 'RODO' });
      d.pages[1].questions[0].visibleIf = { question: 'agree', neq: true };
      return d;
    },
    [
      {
        path: 'pages[1].questions[0].visibleIf.neq',
        message: 'an unticked box counts as unanswered, so "neq" never holds for "agree"; use "answered": false',
      },
    ],
  ],

  // Question settings that must agree
  [
    'scale with both "scale" and "points"',
    (d) => {
      q(d, 3).points = [
        { value: 1, label: 'a' },
        { value: 2, label: 'b' },
      ];
      return d;
    },
    [{ path: 'pages[0].questions[3]', message: 'use either "scale" or "points", not both' }],
  ],
  [
    'scale with neither "scale" nor "points"',
    (d) => {
      d.pages[1].questions[0] = { id: 'sc', type: 'scale', title: 'Skala' };
      return d;
    },
    [{ path: 'pages[1].questions[0]', message: 'needs "scale" (agree5, quality5) or "points"' }],
  ],
  [
    'dropdown with multiple answers',
    (d) => {
      Object.assign(q(d, 4), { multiple: true, display: 'dropdown' });
      return d;
    },
    [{ path: 'pages[0].questions[4].display', message: 'a dropdown allows one answer; remove "multiple" or use "radio"' }],
  ],
  [
    'maxChoices on a single choice',
    (d) => {
      q(d, 4).maxChoices = 1;
      return d;
    },
    [{ path: 'pages[0].questions[4]', message: '"minChoices" and "maxChoices" need "multiple": true' }],
  ],
  [
    'maxChoices above the options',
    (d) => {
      Object.assign(q(d, 4), { multiple: true, maxChoices: 3 });
      return d;
    },
    [{ path: 'pages[0].questions[4].maxChoices', message: 'is more than the 2 available options' }],
  ],
  [
    'minChoices above maxChoices',
    (d) => {
      Object.assign(q(d, 4), { multiple: true, minChoices: 2, maxChoices: 1 });
      return d;
    },
    [{ path: 'pages[0].questions[4].minChoices', message: 'is more than "maxChoices" or the number of options' }],
  ],
  [
    'minChoices above the options (other counts)',
    (d) => {
      Object.assign(q(d, 4), { multiple: true, other: true, minChoices: 4 });
      return d;
    },
    [{ path: 'pages[0].questions[4].minChoices', message: 'is more than "maxChoices" or the number of options' }],
  ],
  [
    'maxChoices 0',
    (d) => {
      Object.assign(q(d, 4), { multiple: true, maxChoices: 0 });
      return d;
    },
    [{ path: 'pages[0].questions[4].maxChoices', message: 'must be at least 1' }],
  ],

  // Scoring
  [
    'scoring an unknown question',
    (d) => {
      d.scoring = { dimensions: [dimension(['rate', 'ghost'])] };
      return d;
    },
    [{ path: 'scoring.dimensions[0].questions[1]', message: 'unknown question "ghost"' }],
  ],
  [
    'scoring a text question',
    (d) => {
      d.scoring = { dimensions: [dimension(['note'])] };
      return d;
    },
    [
      {
        path: 'scoring.dimensions[0].questions[0]',
        message: 'question "note" is a text question and cannot be scored (use rating, scale, nps or matrix)',
      },
    ],
  ],
  [
    'scoring a question twice',
    (d) => {
      d.scoring = { dimensions: [dimension(['grid', 'last', 'grid'])] };
      return d;
    },
    [{ path: 'scoring.dimensions[0].questions[2]', message: 'question "grid" is listed twice' }],
  ],
  [
    'a dimension without questions',
    (d) => {
      d.scoring = { dimensions: [dimension([])] };
      return d;
    },
    [{ path: 'scoring.dimensions[0].questions', message: 'needs at least 1 item' }],
  ],
  [
    'bands with a gap',
    (d) => {
      d.scoring = {
        dimensions: [
          dimension(
            ['rate'],
            [
              { min: 0, max: 39 },
              { min: 50, max: 100 },
            ],
          ),
        ],
      };
      return d;
    },
    [{ path: 'scoring.dimensions[0].bands[1].min', message: 'leaves a gap: scores 40–49 have no band' }],
  ],
  [
    'bands with a one-point gap',
    (d) => {
      d.scoring = {
        dimensions: [
          dimension(
            ['rate'],
            [
              { min: 41, max: 100 },
              { min: 0, max: 39 },
            ],
          ),
        ],
      };
      return d;
    },
    [{ path: 'scoring.dimensions[0].bands[0].min', message: 'leaves a gap: score 40 has no band' }],
  ],
  [
    'bands that overlap',
    (d) => {
      d.scoring = {
        dimensions: [
          dimension(
            ['rate'],
            [
              { min: 0, max: 39 },
              { min: 30, max: 100 },
            ],
          ),
        ],
      };
      return d;
    },
    [{ path: 'scoring.dimensions[0].bands[1].min', message: 'overlaps the previous band (scores 30–39)' }],
  ],
  [
    'bands not starting at 0',
    (d) => {
      d.scoring = { dimensions: [dimension(['rate'], [{ min: 1, max: 100 }])] };
      return d;
    },
    [{ path: 'scoring.dimensions[0].bands[0].min', message: 'leaves a gap: score 0 has no band' }],
  ],
  [
    'bands not reaching 100',
    (d) => {
      d.scoring = {
        dimensions: [
          dimension(
            ['rate'],
            [
              { min: 0, max: 39 },
              { min: 40, max: 89 },
            ],
          ),
        ],
      };
      return d;
    },
    [{ path: 'scoring.dimensions[0].bands', message: 'leaves a gap: scores 90–100 have no band' }],
  ],
  [
    'a band with min above max',
    (d) => {
      d.scoring = {
        dimensions: [
          dimension(
            ['rate'],
            [
              { min: 0, max: 39 },
              { min: 70, max: 40 },
              { min: 40, max: 100 },
            ],
          ),
        ],
      };
      return d;
    },
    [{ path: 'scoring.dimensions[0].bands[1]', message: 'min 70 is above max 40' }],
  ],
  [
    'a band above 100',
    (d) => {
      d.scoring = { dimensions: [dimension(['rate'], [{ min: 0, max: 101 }])] };
      return d;
    },
    [{ path: 'scoring.dimensions[0].bands[0].max', message: 'must be at most 100' }],
  ],
  [
    'several cross-reference problems are all reported, in document order',
    (d) => {
      d.pages[1].id = 'p1';
      q(d, 0).visibleIf = { question: 'later', eq: 1 };
      d.scoring = { dimensions: [dimension(['note'], [{ min: 0, max: 50 }])] };
      return d;
    },
    [
      { path: 'pages[1].id', message: 'duplicate page id "p1" (first used at pages[0])' },
      { path: 'pages[0].questions[0].visibleIf.question', message: `refers to "later", which comes later ${EARLIER}` },
      {
        path: 'scoring.dimensions[0].questions[0]',
        message: 'question "note" is a text question and cannot be scored (use rating, scale, nps or matrix)',
      },
      { path: 'scoring.dimensions[0].bands', message: 'leaves a gap: scores 51–100 have no band' },
    ],
  ],
];

describe('parseDefinition: invalid definitions', () => {
  it(`has at least 20 distinct cases (${cases.length})`, () => {
    expect(new Set(cases.map(([name]) => name)).size).to.equal(cases.length);
    expect(cases.length).to.be.at.least(20);
  });

  it('the base of the cases is valid', () => {
    expect(parseDefinition(base())).to.have.property('ok', true);
  });

  for (const [name, change, expected] of cases) {
    it(name, () => {
      const result = parseDefinition(change(base()));
      expect(result.ok, 'accepted').to.equal(false);
      if (!result.ok) expect(result.issues).to.deep.equal(expected);
    });
  }

  it('invalid JSON text', () => {
    const result = parseDefinition('{"id": "ocena", "title": ');
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.issues).to.have.length(1);
    expect(result.issues[0]!.path).to.equal('(root)');
    expect(result.issues[0]!.message).to.match(/^is not valid JSON \(.+\)$/);
  });

  it('conditions nested deeper than 40 levels, named by the path where the limit is hit', () => {
    const d = base();
    let condition: Json = { question: 'rate', eq: 1 };
    for (let i = 0; i < 60; i++) condition = { not: condition };
    q(d, 2).visibleIf = condition;
    // pages[0].questions[2].visibleIf is 5 levels; the walk stops at the 40th.
    const path = `pages[0].questions[2].visibleIf${'.not'.repeat(35)}`;
    expect(parseDefinition(d)).to.deep.equal({ ok: false, issues: [{ path, message: 'is nested too deeply (more than 40 levels)' }] });
  });

  it('arrays nested 100 000 deep do not overflow the stack', () => {
    let deep: Json = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const d = base();
    d.description = deep;
    const result = parseDefinition(d);
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.issues[0]!.message).to.equal('is nested too deeply (more than 40 levels)');
  });

  it('an object that refers to itself', () => {
    const d = base();
    q(d, 0).hint = d;
    const result = parseDefinition(d);
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.issues[0]!.message).to.equal('is nested too deeply (more than 40 levels)');
  });

  it('more than 200 000 values', () => {
    const d = base();
    d.description = Array.from({ length: 200_001 }, () => 1);
    expect(parseDefinition(d)).to.deep.equal({
      ok: false,
      issues: [{ path: '(root)', message: 'is too large (more than 200000 values)' }],
    });
  });

  it('an object whose getter throws is reported, not thrown', () => {
    const d = base();
    Object.defineProperty(q(d, 0), 'title', {
      enumerable: true,
      get: () => {
        throw new Error('boom');
      },
    });
    expect(parseDefinition(d)).to.deep.equal({ ok: false, issues: [{ path: '(root)', message: 'could not be read (boom)' }] });
  });

  it('a "__proto__" key never changes a prototype', () => {
    const result = parseDefinition(JSON.stringify(base()).replace('"id":"rate"', '"__proto__":{"polluted":true},"id":"rate"'));
    expect(result.ok).to.equal(false);
    expect(({} as Json).polluted).to.equal(undefined);
  });

  it('an XSS payload in a text is kept as plain data (rendering decides how to show it)', () => {
    const d = base();
    d.title = '<img src=x onerror=alert(1)>';
    const result = parseDefinition(d);
    expect(result.ok && result.value.title).to.equal('<img src=x onerror=alert(1)>');
  });

  it('DefinitionError carries the issues and lists them one per line', () => {
    const result = parseDefinition({ ...base(), id: 'Ocena', version: 0 });
    if (result.ok) expect.fail('accepted');
    const error = new DefinitionError(result.issues);
    expect(error).to.be.instanceOf(Error);
    expect(error.name).to.equal('DefinitionError');
    expect(error.issues).to.equal(result.issues);
    expect(error.message).to.equal('id: must use only a–z, 0–9, "_" or "-" (1 to 64 characters)\nversion: must be at least 1');
  });
});
