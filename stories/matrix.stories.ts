import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/components/matrix/matrix.js';
import { ORGANISATION_ROWS } from '../src/templates/conference.js';
import { surveyFromAgenda } from '../src/templates/agenda.js';
import type { MatrixQuestion } from '../src/schema/definition.js';
import agenda from '../src/templates/examples/opole-2016.agenda.json';
import { inLocale, showValidationError } from './support/controls.js';

const rows = (locale: 'pl' | 'en') => ORGANISATION_ROWS.map((row) => ({ id: row.id, label: inLocale(row.label, locale) }));

/** The per-talk matrix of the Opole 2016 conference, as the agenda template builds it. */
const talks = surveyFromAgenda(agenda)
  .pages.flatMap((page) => page.questions)
  .find((question): question is MatrixQuestion => question.type === 'matrix' && question.id === 'talks')!;

const meta = {
  title: 'Questions/ankieta-matrix',
  component: 'ankieta-matrix',
  tags: ['autodocs'],
  args: { name: 'org', label: 'Ocena organizacji konferencji', scale: 'quality5', rows: rows('pl') },
  // The type is a plain string (named scales are open-ended); these are the built-in ones.
  argTypes: { scale: { control: 'inline-radio', options: ['agree5', 'quality5'] } },
} satisfies Meta;

export default meta;
type Story = StoryObj;

export const Default: Story = {};

export const Answered: Story = { args: { value: { info: 5, venue: 4, timing: 2, materials: 4 } } };

export const NotApplicable: Story = { args: { notApplicable: true, value: { info: 4, catering: 'na' } } };

/** `required`: every row needs an answer; the message counts the rows left. */
export const RequiredError: Story = { args: { required: true, value: { info: 4, venue: 5 } }, play: showValidationError };

export const Disabled: Story = { args: { disabled: true, value: { info: 5, venue: 3 } } };

export const LongPolishText: Story = {
  args: {
    name: 'talks',
    label: inLocale(talks.title, 'pl'),
    hint: 'Prosimy ocenić tylko wystąpienia, w których udało się uczestniczyć; pozostałe można oznaczyć jako „Nie dotyczy – nie było mnie”.',
    rows: talks.rows.map((row) => ({ id: row.id, label: inLocale(row.label, 'pl') })),
    notApplicable: true,
    required: true,
  },
};

export const English: Story = {
  args: {
    locale: 'en',
    label: 'How would you rate the way the event was organised?',
    rows: rows('en'),
    notApplicable: true,
    value: { venue: 4 },
  },
  globals: { locale: 'en' },
};

export const DarkTheme: Story = { args: { notApplicable: true, value: { info: 5, timing: 3 } }, globals: { theme: 'dark' } };
