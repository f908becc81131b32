import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect } from 'storybook/test';
import '../src/components/results/results.js';
import type { AnkietaResults } from '../src/components/results/results.js';
import type { Answers } from '../src/schema/response.js';
import { partnership, partnershipFourAreas } from './support/definitions.js';

interface Args {
  definition?: unknown;
  response?: { answers: Answers; id?: string; surveyId?: string; submittedAt?: string };
  locale?: string;
  chart?: 'auto' | 'bars' | 'radar';
}

/** One partner's answers (agree5: 1–5, 'na' = don't know). */
const STRONG_STRATEGY: Answers = {
  sector: 'jst',
  cross_sector: 'yes',
  a1: 5,
  a2: 4,
  a3: 4,
  a4: 5,
  a5: 4,
  a6: 4,
  b1: 2,
  b2: 3,
  b3: 2,
  b4: 3,
  b5: 2,
  b6: 3,
  b7: 3,
};
/** Most relationship statements answered "don't know": fewer than two thirds answered, no score. */
const UNSURE_RELATIONS: Answers = { ...STRONG_STRATEGY, b1: 'na', b2: 'na', b3: 'na', b4: 'na', b5: 4, b6: 'na', b7: 4 };

const response = (answers: Answers) => ({ answers, id: '8c1f6b2e-4d7a-4f4e-9a3b-2f5d8e6c1a90', submittedAt: '2016-05-09T10:42:00Z' });

const render = (args: Args) =>
  html`<ankieta-results .definition=${args.definition} .response=${args.response} locale=${ifDefined(args.locale)}
    chart=${ifDefined(args.chart)}></ankieta-results>`;

const dimensions = (canvas: HTMLElement) => canvas.querySelector<AnkietaResults>('ankieta-results')!.shadowRoot!;

const meta = {
  title: 'Results/ankieta-results',
  component: 'ankieta-results',
  tags: ['autodocs'],
  render,
  args: { definition: partnership(), response: response(STRONG_STRATEGY) },
  argTypes: { chart: { control: 'inline-radio', options: ['auto', 'bars', 'radar'] } },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Two dimensions: bars, each with its band and advice, and the table alternative. */
export const Bars: Story = {
  play: async ({ canvasElement }) => {
    await expect(dimensions(canvasElement).querySelectorAll('[part~="dimension"]').length).toBe(2);
    await expect(dimensions(canvasElement).querySelector('[part~="chart"] svg')).not.toBeNull();
  },
};

/** Four dimensions: a radar chart (from three dimensions on, with `chart="auto"`). */
export const Radar: Story = {
  args: { definition: partnershipFourAreas() },
  play: async ({ canvasElement }) => {
    await expect(dimensions(canvasElement).querySelectorAll('[part~="dimension"]').length).toBe(4);
  },
};

/** A dimension where too few statements were answered (mostly "Nie wiem / nie dotyczy"): no score, and why. */
export const NotEnoughAnswers: Story = {
  args: { response: response(UNSURE_RELATIONS) },
  play: async ({ canvasElement }) => {
    await expect(dimensions(canvasElement).querySelector('.no-score')).not.toBeNull();
  },
};

export const RadarWithMissingScore: Story = { args: { definition: partnershipFourAreas(), response: response(UNSURE_RELATIONS) } };

/** A survey without scoring. */
export const NothingToScore: Story = {
  args: {
    definition: {
      id: 'no-scoring',
      version: 1,
      title: 'Ankieta bez wyników',
      pages: [{ id: 'p1', questions: [{ id: 'q', type: 'rating', title: 'Ocena' }] }],
    },
  },
};

/** An invalid definition: the problems by JSON path. */
export const InvalidDefinition: Story = {
  args: { definition: { id: 'Samoocena 2016', pages: [] } },
  play: async ({ canvasElement }) => {
    await expect(dimensions(canvasElement).querySelector('[part~="message"]')?.getAttribute('role')).toBe('alert');
  },
};

export const English: Story = { args: { locale: 'en' }, globals: { locale: 'en' } };

export const EnglishRadar: Story = { args: { locale: 'en', definition: partnershipFourAreas() }, globals: { locale: 'en' } };

export const DarkTheme: Story = { globals: { theme: 'dark' } };

export const DarkThemeRadar: Story = { args: { definition: partnershipFourAreas() }, globals: { theme: 'dark' } };
