import type { SurveyDefinition } from '../../src/schema/index.js';

/** A three-page survey touching every question type, with a condition and scoring. */
export const threePages: SurveyDefinition = {
  id: 'test-survey',
  version: 2,
  locale: 'pl',
  title: { pl: 'Ankieta testowa', en: 'Test survey' },
  pages: [
    {
      id: 'p1',
      title: { pl: 'Pierwsza strona', en: 'First page' },
      questions: [
        {
          id: 'role',
          type: 'choice',
          required: true,
          title: { pl: 'Rola', en: 'Role' },
          options: [
            { value: 'mayor', label: { pl: 'Wójt', en: 'Mayor' } },
            { value: 'staff', label: { pl: 'Pracownik', en: 'Staff' } },
          ],
        },
        { id: 'overall', type: 'rating', required: true, title: { pl: 'Ocena ogólna', en: 'Overall' } },
        {
          id: 'overall_why',
          type: 'text',
          title: { pl: 'Dlaczego tak nisko?', en: 'Why so low?' },
          visibleIf: { question: 'overall', lte: 2 },
        },
      ],
    },
    {
      id: 'p2',
      title: { pl: 'Druga strona', en: 'Second page' },
      questions: [
        { id: 'a1', type: 'scale', scale: 'agree5', required: true, notApplicable: true, title: { pl: 'A1', en: 'A1' } },
        { id: 'a2', type: 'scale', scale: 'agree5', title: { pl: 'A2', en: 'A2' } },
        { id: 'nps', type: 'nps', title: { pl: 'Polecenie', en: 'Recommend' } },
      ],
    },
    {
      id: 'p3',
      title: { pl: 'Trzecia strona', en: 'Third page' },
      questions: [
        { id: 'comments', type: 'text', multiline: true, title: { pl: 'Uwagi', en: 'Comments' } },
        { id: 'consent', type: 'consent', required: true, title: { pl: 'Zgoda', en: 'Consent' }, text: { pl: 'Klauzula', en: 'Clause' } },
      ],
    },
  ],
  scoring: {
    dimensions: [
      {
        id: 'a',
        title: 'A',
        questions: ['a1', 'a2'],
        bands: [
          { min: 0, max: 39, label: 'Low' },
          { min: 40, max: 69, label: 'Mid' },
          { min: 70, max: 100, label: 'High' },
        ],
      },
    ],
  },
};

/** One page with `n` optional rating questions: for the "questions left" plurals. */
export function ratings(n: number): SurveyDefinition {
  return {
    id: 'ratings',
    title: 'Oceny',
    pages: [
      { id: 'p', questions: Array.from({ length: n }, (_, i) => ({ id: `r${i}`, type: 'rating' as const, title: `Pytanie ${i + 1}` })) },
    ],
  };
}
