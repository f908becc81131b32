/**
 * Deterministic sample responses for tests, the benchmark and the demo: each respondent has a
 * leaning (some like everything, some nothing), answers follow the survey's conditions through
 * the engine, and the scores come from the engine too.
 */
import type { Question, SurveyDefinition } from '../../src/schema/definition.js';
import type { Response } from '../../src/schema/response.js';
import { SurveyModel } from '../../src/engine/survey-model.js';
import { numericRange, scalePoints } from '../../src/engine/scales.js';

/** mulberry32: a small seeded PRNG, so every run sees the same data. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuid(next: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(next() * 4)]!;
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const TEXTS = [
  'Więcej czasu na pytania z sali.',
  'Przydałyby się materiały przed spotkaniem.',
  'Bardzo konkretne przykłady z praktyki partnerstw.',
  'Sala była za mała, było duszno.',
  'Chętnie dowiem się więcej o finansowaniu wspólnych projektów.',
  'Za długie wystąpienia, za mało dyskusji.',
  'Dobra organizacja, punktualnie.',
  'Warto zaprosić przedstawicieli organizacji pozarządowych.',
];

/** A value on a scale of `points`, near the respondent's leaning (0–1). */
function pick(points: readonly number[], leaning: number, next: () => number): number {
  const position = Math.max(0, Math.min(points.length - 1, Math.round(leaning * (points.length - 1) + (next() - 0.5) * 2.4)));
  return points[position]!;
}

function answerFor(question: Question, leaning: number, next: () => number): unknown {
  switch (question.type) {
    case 'choice': {
      const values = [...question.options.map((o) => o.value), ...(question.other ? ['other'] : [])];
      if (question.multiple) return values.filter(() => next() < 0.35).slice(0, question.maxChoices ?? values.length);
      // Skewed towards the first options, as real role distributions are.
      return values[Math.min(values.length - 1, Math.floor(next() ** 1.6 * values.length))];
    }
    case 'rating':
    case 'nps': {
      const range = numericRange(question)!;
      return pick(
        Array.from({ length: range.max - range.min + 1 }, (_, i) => range.min + i),
        leaning,
        next,
      );
    }
    case 'scale':
      if (question.notApplicable && next() < 0.08) return 'na';
      return pick(
        scalePoints(question).map((p) => p.value),
        leaning,
        next,
      );
    case 'matrix':
      return Object.fromEntries(
        question.rows.map((row) => [
          row.id,
          question.notApplicable && next() < 0.08
            ? 'na'
            : pick(
                scalePoints(question).map((p) => p.value),
                leaning,
                next,
              ),
        ]),
      );
    case 'text':
      return next() < 0.45 ? TEXTS[Math.floor(next() * TEXTS.length)] : undefined;
    case 'consent':
      return true;
    default:
      return undefined;
  }
}

export interface GenerateOptions {
  seed?: number;
  /** Start of the collection period. */
  from?: Date;
  /** Chance of answering an optional question; default 0.8. */
  answerRate?: number;
}

/** `count` valid responses to `definition`, answered page by page as the engine shows them. */
export function generateResponses(definition: SurveyDefinition, count: number, options: GenerateOptions = {}): Response[] {
  const next = random(options.seed ?? 1);
  const from = (options.from ?? new Date('2016-04-18T13:00:00Z')).getTime();
  const rate = options.answerRate ?? 0.8;
  const responses: Response[] = [];
  for (let i = 0; i < count; i++) {
    const leaning = next() ** 0.7;
    const model = new SurveyModel(definition);
    for (const page of definition.pages) {
      for (const question of page.questions) {
        if (question.type === 'info' || !model.isShown(question.id)) continue;
        if (!question.required && next() > rate) continue;
        const value = answerFor(question, leaning, next);
        if (value !== undefined) model.setAnswer(question.id, value);
        const chosen = model.answer(question.id);
        if (question.type === 'choice' && (chosen === 'other' || (Array.isArray(chosen) && chosen.includes('other'))))
          model.setAnswer(`${question.id}.other`, 'Inna odpowiedź');
      }
    }
    const started = from + i * 47_000;
    responses.push(
      model.toResponse({
        id: uuid(next),
        locale: next() < 0.9 ? 'pl' : 'en',
        startedAt: new Date(started).toISOString(),
        submittedAt: new Date(started + 180_000).toISOString(),
      }),
    );
  }
  return responses;
}

const t = (pl: string, en: string) => ({ pl, en });

/** A 40-question survey touching every question type, for the benchmark and the report tests. */
export function benchmarkDefinition(): SurveyDefinition {
  const questions: Question[] = [
    {
      id: 'role',
      type: 'choice',
      required: true,
      title: t('Rola', 'Role'),
      options: ['executive', 'councillor', 'staff', 'ngo', 'business'].map((value) => ({
        value,
        label: t(`Rola ${value}`, `Role ${value}`),
      })),
    },
    {
      id: 'sector',
      type: 'choice',
      title: t('Sektor', 'Sector'),
      options: ['jst', 'ngo', 'business'].map((value) => ({ value, label: t(value, value) })),
    },
    {
      id: 'topics_pick',
      type: 'choice',
      multiple: true,
      other: true,
      title: t('Tematy', 'Topics'),
      options: ['funding', 'strategy', 'transport', 'education'].map((value) => ({ value, label: t(value, value) })),
    },
    {
      id: 'unit',
      type: 'choice',
      display: 'dropdown',
      title: t('Jednostka', 'Unit'),
      options: ['a', 'b', 'c', 'd', 'e', 'f'].map((value) => ({ value, label: t(value, value) })),
    },
    {
      id: 'status',
      type: 'choice',
      title: t('Status', 'Status'),
      options: ['yes', 'no', 'maybe'].map((value) => ({ value, label: t(value, value) })),
    },
    {
      id: 'channel',
      type: 'choice',
      title: t('Kanał', 'Channel'),
      options: ['mail', 'web', 'phone'].map((value) => ({ value, label: t(value, value) })),
    },
  ];
  for (let i = 1; i <= 12; i++)
    questions.push({
      id: `s${i}`,
      type: 'scale',
      scale: 'agree5',
      notApplicable: true,
      required: i <= 6,
      title: t(`Stwierdzenie ${i}`, `Statement ${i}`),
    });
  for (let i = 1; i <= 4; i++)
    questions.push({ id: `r${i}`, type: 'rating', max: i === 4 ? 10 : 5, title: t(`Ocena ${i}`, `Rating ${i}`) });
  questions.push({ id: 'nps', type: 'nps', required: true, title: t('Polecenie', 'Recommend') });
  questions.push({ id: 'nps2', type: 'nps', title: t('Polecenie 2', 'Recommend 2') });
  for (let i = 1; i <= 6; i++)
    questions.push({
      id: `m${i}`,
      type: 'matrix',
      scale: 'quality5',
      notApplicable: true,
      title: t(`Macierz ${i}`, `Matrix ${i}`),
      rows: [1, 2, 3, 4, 5].map((r) => ({ id: `row${r}`, label: t(`Wiersz ${r}`, `Row ${r}`) })),
    });
  for (let i = 1; i <= 8; i++)
    questions.push({
      id: `t${i}`,
      type: 'text',
      multiline: true,
      title: t(`Uwagi ${i}`, `Comments ${i}`),
      ...(i === 1 ? { visibleIf: { question: 's1', lte: 2 } } : {}),
    });
  questions.push({ id: 'consent', type: 'consent', title: t('Zgoda', 'Consent'), text: t('Treść zgody', 'Consent text') });
  questions.push({ id: 'last', type: 'rating', title: t('Na koniec', 'Finally') });
  const band = (min: number, max: number, label: string) => ({ min, max, label: t(label, label) });
  return {
    id: 'benchmark',
    version: 1,
    locale: 'pl',
    title: t('Ankieta testowa (40 pytań)', 'Test survey (40 questions)'),
    pages: [0, 1, 2, 3].map((p) => ({ id: `p${p + 1}`, questions: questions.slice(p * 10, p * 10 + 10) })),
    scoring: {
      dimensions: [
        {
          id: 'first',
          title: t('Pierwszy obszar', 'First area'),
          questions: ['s1', 's2', 's3', 's4', 's5', 's6'],
          bands: [band(0, 39, 'Niski'), band(40, 69, 'Średni'), band(70, 100, 'Wysoki')],
        },
        {
          id: 'second',
          title: t('Drugi obszar', 'Second area'),
          questions: ['s7', 's8', 's9', 's10', 's11', 's12', 'm1'],
          bands: [band(0, 49, 'Niski'), band(50, 100, 'Wysoki')],
        },
      ],
    },
  };
}
