import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor } from 'storybook/test';
import '../src/components/report/report.js';
import type { AnkietaReport } from '../src/components/report/report.js';
import { generateResponses } from '../test/report/generate.js';
import { conference, partnership } from './support/definitions.js';

interface Args {
  definition?: unknown;
  responses?: readonly unknown[];
  src?: string;
  token?: string;
  locale?: string;
  segmentBy?: string;
}

/** Deterministic generated responses (test/report/generate.ts): answers follow the survey's conditions through the engine. */
const CONFERENCE = conference();
const CONFERENCE_RESPONSES = generateResponses(CONFERENCE, 48, { seed: 2016 });
const PARTNERSHIP = partnership();
const PARTNERSHIP_RESPONSES = generateResponses(PARTNERSHIP, 23, { seed: 7, from: new Date('2016-05-04T08:00:00Z') });

/** `loaded.responses` (from a story's loader) stands in for `args.responses` when a set is too large to build on import. */
const render = (args: Args, { loaded }: StoryContext<Args>) =>
  html`<ankieta-report .definition=${args.definition} .responses=${loaded.responses ?? args.responses} src=${ifDefined(args.src)} .token=${args.token}
    locale=${ifDefined(args.locale)} segment-by=${ifDefined(args.segmentBy)}></ankieta-report>`;

const reportIn = (canvas: HTMLElement) => canvas.querySelector<AnkietaReport>('ankieta-report')!;

/** Resolves once every section is rendered (`ankieta-ready`), or the element shows a message instead. */
async function rendered(canvas: HTMLElement): Promise<ShadowRoot> {
  const report = reportIn(canvas);
  await waitFor(
    () => {
      const root = report.shadowRoot!;
      const done =
        root.querySelector('[part~="message"]') ||
        (report.aggregate && root.querySelectorAll('[part~="question"]').length >= report.aggregate.report.questions.length);
      if (!done) throw new Error('report still rendering');
    },
    { timeout: 20_000 },
  );
  return report.shadowRoot!;
}

const meta = {
  title: 'Report/ankieta-report',
  component: 'ankieta-report',
  tags: ['autodocs'],
  render,
  args: { definition: CONFERENCE, responses: CONFERENCE_RESPONSES },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** 48 evaluations of the Opole conference: distributions, the recommendation score with n, matrix means. */
export const Conference: Story = {
  play: async ({ canvasElement }) => {
    const root = await rendered(canvasElement);
    await expect(root.querySelector('.summary')?.textContent).toContain('48');
  },
};

/** Broken down by role: groups under 5 responses are hidden (and one more when only one would be), with the rule stated. */
export const SegmentedByRole: Story = {
  args: { segmentBy: 'role' },
  play: async ({ canvasElement }) => {
    const root = await rendered(canvasElement);
    await expect(root.querySelector('.note')?.textContent).toMatch(/nie pokazano|not shown/);
  },
};

/** 23 partners' self-assessments: dimension scores with spread, divergence flags on statements with split views. */
export const PartnershipSelfAssessment: Story = {
  args: { definition: PARTNERSHIP, responses: PARTNERSHIP_RESPONSES },
  play: async ({ canvasElement }) => {
    await rendered(canvasElement);
  },
};

export const PartnershipBySector: Story = {
  args: { definition: PARTNERSHIP, responses: PARTNERSHIP_RESPONSES, segmentBy: 'sector' },
};

/** 1000 responses: aggregated and rendered in slices, progress announced, the page stays responsive. */
export const ThousandResponses: Story = {
  loaders: [async () => ({ responses: generateResponses(CONFERENCE, 1000, { seed: 3 }) })],
  play: async ({ canvasElement }) => {
    const root = await rendered(canvasElement);
    await expect(root.querySelector('.summary')?.textContent).toMatch(/1000|1 000/);
  },
};

export const NoResponses: Story = {
  args: { responses: [] },
  play: async ({ canvasElement }) => {
    const root = await rendered(canvasElement);
    await expect(root.querySelector('[part~="message"]')).not.toBeNull();
  },
};

/**
 * Loading from the collector's export URL with a wrong token: the stand-in answers 401 (a
 * static copy of Storybook without the stand-in answers 404: "could not be loaded").
 */
export const ExportRefused: Story = {
  tags: ['expect-network-error'],
  args: { responses: undefined, src: 'storybook-api/unauthorized', token: 'wrong-token' },
  play: async ({ canvasElement }) => {
    const root = await rendered(canvasElement);
    await expect(root.querySelector('[part~="message"]')?.getAttribute('role')).toBe('alert');
  },
};

export const InvalidDefinition: Story = {
  args: {
    definition: { id: 'zmp-opole-2016', version: 1, title: 'Ocena', pages: [{ id: 'p1', questions: [{ id: 'nps', type: 'nps' }] }] },
  },
  play: async ({ canvasElement }) => {
    const root = await rendered(canvasElement);
    await expect(root.querySelector('[part~="message"]')?.textContent).toContain('pages[0].questions[0]');
  },
};

export const English: Story = { args: { locale: 'en' }, globals: { locale: 'en' } };

export const DarkTheme: Story = { globals: { theme: 'dark' } };

export const DarkThemeSegmented: Story = {
  args: { definition: PARTNERSHIP, responses: PARTNERSHIP_RESPONSES, segmentBy: 'sector' },
  globals: { theme: 'dark' },
};
