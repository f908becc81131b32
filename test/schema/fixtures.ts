/**
 * Definitions shared by the schema and engine tests. `everyType` uses every question type and
 * option the schema offers; `minimal` is the smallest valid survey. Each call returns a fresh
 * copy, so a test may mutate it.
 */
import type { Question, SurveyDefinition } from '../../src/schema/index.js';

export const minimal = (): SurveyDefinition => ({
  id: 'minimal',
  title: 'Ankieta',
  pages: [{ id: 'p1', questions: [{ id: 'q1', type: 'rating', title: 'Ocena' }] }],
});

export const everyType = (): SurveyDefinition => ({
  $schema: 'https://example.org/ankieta.schema.json',
  id: 'zmp-opole-2016',
  version: 2,
  locale: 'pl',
  title: { pl: 'Ocena konferencji', en: 'Conference evaluation' },
  description: 'Opis',
  pages: [
    {
      id: 'p1',
      title: { pl: 'Ogólnie' },
      description: { en: 'General' },
      questions: [
        { id: 'intro', type: 'info', text: 'Dziękujemy za udział.', title: 'Wstęp' },
        {
          id: 'overall',
          type: 'rating',
          title: 'Ogólna ocena',
          required: true,
          max: 10,
          minLabel: 'Źle',
          maxLabel: { pl: 'Dobrze', en: 'Good' },
        },
        { id: 'workshop', type: 'scale', title: 'Warsztaty', scale: 'agree5', notApplicable: true, hint: 'Podpowiedź' },
        { id: 'venue', type: 'scale', title: 'Sala', scale: 'quality5', notApplicable: { pl: 'Nie było mnie', en: 'Not there' } },
        {
          id: 'pace',
          type: 'scale',
          title: 'Tempo',
          points: [
            { value: 0, label: 'Za wolno' },
            { value: 1, label: 'W sam raz' },
            { value: 2, label: { en: 'Too fast' } },
          ],
          notApplicable: 'Nie wiem',
        },
        { id: 'nps', type: 'nps', title: 'Polecenie', required: true, minLabel: 'Nie', maxLabel: 'Tak' },
      ],
    },
    {
      id: 'p2',
      title: 'Szczegóły',
      questions: [
        {
          id: 'role',
          type: 'choice',
          title: 'Rola',
          required: true,
          options: [
            { value: 'mayor', label: 'Wójt/burmistrz' },
            { value: 'councillor', label: { pl: 'Radny/radna', en: 'Councillor' } },
          ],
          other: true,
          display: 'radio',
        },
        {
          id: 'topics',
          type: 'choice',
          title: 'Tematy',
          options: [
            { value: 'transport', label: 'Transport' },
            { value: 'energy', label: 'Energia' },
            { value: 'water', label: 'Woda' },
          ],
          multiple: true,
          other: 'Inny temat',
          minChoices: 1,
          maxChoices: 2,
        },
        { id: 'region', type: 'choice', title: 'Województwo', display: 'dropdown', options: [{ value: 'opolskie', label: 'opolskie' }] },
        { id: 'comment', type: 'text', title: 'Uwagi', multiline: true, maxLength: 2000, placeholder: 'Wpisz…' },
        { id: 'email', type: 'text', title: 'E-mail', format: 'email', maxLength: 120 },
        {
          id: 'talks',
          type: 'matrix',
          title: 'Wystąpienia',
          scale: 'quality5',
          notApplicable: true,
          rows: [
            { id: 't1', label: 'Pierwsze' },
            { id: 't2', label: { pl: 'Drugie', en: 'Second' } },
          ],
        },
        { id: 'consent', type: 'consent', title: 'Zgoda', text: 'Klauzula RODO…', label: 'Zgadzam się', required: true },
      ],
    },
    {
      id: 'p3',
      questions: [
        { id: 'c_eq', type: 'text', title: 'eq', visibleIf: { question: 'role', eq: 'mayor' } },
        { id: 'c_neq', type: 'text', title: 'neq', visibleIf: { question: 'overall', neq: 5 } },
        { id: 'c_lt', type: 'text', title: 'lt', visibleIf: { question: 'overall', lt: 3 } },
        { id: 'c_lte', type: 'text', title: 'lte', visibleIf: { question: 'workshop', lte: 2 } },
        { id: 'c_gt', type: 'text', title: 'gt', visibleIf: { question: 'nps', gt: 8 } },
        { id: 'c_gte', type: 'text', title: 'gte', visibleIf: { question: 'pace', gte: 1 } },
        { id: 'c_in', type: 'text', title: 'in', visibleIf: { question: 'topics', in: ['energy', 'other'] } },
        { id: 'c_answered', type: 'text', title: 'answered', visibleIf: { question: 'comment', answered: true } },
        { id: 'c_row', type: 'text', title: 'row', visibleIf: { question: 'talks', row: 't1', lte: 2 } },
        {
          id: 'c_nested',
          type: 'info',
          text: 'nested',
          visibleIf: {
            all: [
              {
                any: [
                  { question: 'venue', eq: 'na' },
                  { question: 'talks', gte: 4 },
                ],
              },
              { not: { question: 'consent', answered: false } },
            ],
          },
        },
      ],
    },
  ],
  scoring: {
    dimensions: [
      {
        id: 'quality',
        title: { pl: 'Jakość', en: 'Quality' },
        description: 'Opis wymiaru',
        questions: ['overall', 'workshop', 'talks', 'nps'],
        bands: [
          { min: 0, max: 39, label: 'Wymaga uwagi', advice: 'Warto wrócić do podstaw.' },
          { min: 40, max: 69, label: 'W rozwoju' },
          { min: 70, max: 100, label: { pl: 'Mocna strona', en: 'Strong' } },
        ],
      },
    ],
  },
  thankYou: { pl: 'Dziękujemy!', en: 'Thank you!' },
});

/** A definition with one page holding `questions`. */
export const onePage = (questions: Question[], extra: Partial<SurveyDefinition> = {}): SurveyDefinition => ({
  id: 'test',
  title: 'Test',
  pages: [{ id: 'p1', questions }],
  ...extra,
});

/** A JSON copy, the form a definition has when fetched. */
export const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
