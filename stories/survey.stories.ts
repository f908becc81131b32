import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor } from 'storybook/test';
import '../src/components/survey/survey.js';
import type { AnkietaSurvey } from '../src/components/survey/survey.js';
import { asStory, conference, partnership } from './support/definitions.js';
import {
  answerPage,
  completeSurvey,
  fillToLastPage,
  pressPrimary,
  settle,
  startFresh,
  statusSays,
  surveyIn,
  surveyReady,
} from './support/respondent.js';

interface Args {
  definition?: unknown;
  src?: string;
  endpoint?: string;
  locale?: string;
  kiosk?: boolean;
  kioskIdle?: number;
  kioskThanks?: number;
}

/** A partnership answered as one partner sees it: strategy mostly in place, relations strained. */
const PARTNER_ANSWERS = { a1: 4, a2: 3, a3: 3, a4: 4, a5: 2, a6: 3, b1: 1, b2: 0, b3: 1, b4: 1, b5: 2, b6: 1, b7: 1, cross_sector: 'yes' };

/** `data-theme` follows the toolbar: the survey chooses its colour scheme itself. */
const render = (args: Args, { globals }: StoryContext<Args>) =>
  html`<ankieta-survey .definition=${args.definition} src=${ifDefined(args.src)} endpoint=${ifDefined(args.endpoint)}
    locale=${ifDefined(args.locale)} ?kiosk=${!!args.kiosk} kiosk-idle=${ifDefined(args.kioskIdle)}
    kiosk-thanks=${ifDefined(args.kioskThanks)} data-theme=${globals.theme === 'dark' ? 'dark' : 'light'}></ankieta-survey>`;

const shadow = (survey: AnkietaSurvey) => survey.shadowRoot!;

const meta = {
  title: 'Survey/ankieta-survey',
  component: 'ankieta-survey',
  tags: ['autodocs'],
  render,
  args: { definition: conference() },
  parameters: {
    // Each story in its own frame on the docs page: surveys take focus, open sessions and save drafts.
    docs: { story: { inline: false, iframeHeight: 720 } },
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Template A: the Opole 2016 conference evaluation, four pages of long Polish questions. */
export const Conference: Story = {};

export const PartnershipSelfAssessment: Story = { args: { definition: partnership() } };

/** The definition from a URL (`src`): demo/surveys/ is served under surveys/. */
export const FromSrc: Story = {
  args: { definition: undefined, src: 'surveys/partnership-self-assessment.json' },
  play: async ({ canvasElement }) => {
    const survey = surveyIn(canvasElement);
    await surveyReady(survey);
    await expect(shadow(survey).querySelector('[part~="form"]')).not.toBeNull();
  },
};

/** "Dalej" with required questions unanswered: the error summary takes focus and links to each question. */
export const RequiredError: Story = {
  args: { definition: asStory(conference(), 'required-error') },
  play: async ({ canvasElement }) => {
    const survey = surveyIn(canvasElement);
    await startFresh(survey);
    await pressPrimary(survey);
    const summary = shadow(survey).querySelector('[part~="error-summary"]');
    await expect(summary).not.toBeNull();
    await expect(summary!.querySelectorAll('li').length).toBeGreaterThan(0);
    await expect(shadow(survey).activeElement).toBe(summary);
  },
};

/** The self-assessment answered page by page and submitted: the thank-you screen with the respondent's own results. */
export const ThankYouWithResults: Story = {
  args: { definition: asStory(partnership(), 'thank-you') },
  play: async ({ canvasElement }) => {
    const survey = surveyIn(canvasElement);
    await completeSurvey(survey, PARTNER_ANSWERS);
    const results = shadow(survey).querySelector('ankieta-results');
    await expect(results).not.toBeNull();
    await waitFor(() => expect(results!.shadowRoot!.querySelectorAll('[part~="dimension"]').length).toBe(2));
  },
};

/** A definition with mistakes: the element names each JSON path instead of crashing (and logs them for the developer). */
export const InvalidDefinition: Story = {
  tags: ['expect-definition-error'],
  args: {
    definition: {
      id: 'zmp-opole-2016',
      version: 1,
      title: 'Ocena konferencji',
      pages: [
        {
          id: 'p1',
          questions: [
            { id: 'overall', type: 'rating', title: 'Ogólna ocena', max: 5 },
            { id: 'workshop', type: 'ratng', title: 'Dyskusje warsztatowe były przydatne' },
            { id: 'workshop_why', type: 'text', title: 'Co zmienić?', visibleIf: { question: 'warsztaty', lte: 2 } },
          ],
        },
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const survey = surveyIn(canvasElement);
    await surveyReady(survey);
    const message = shadow(survey).querySelector('[part~="message"]');
    await expect(message?.getAttribute('role')).toBe('alert');
    await expect(message?.textContent).toContain('pages[0].questions[1].type');
  },
};

/** `src` that cannot be loaded (404) and no copy from an earlier visit. */
export const LoadFailed: Story = {
  tags: ['expect-network-error'],
  args: { definition: undefined, src: 'storybook-api/no-such-survey.json' },
  play: async ({ canvasElement }) => {
    const survey = surveyIn(canvasElement);
    await surveyReady(survey);
    await expect(shadow(survey).querySelector('[part~="message"]')?.getAttribute('role')).toBe('alert');
  },
};

export const English: Story = { args: { locale: 'en' }, globals: { locale: 'en' } };

export const EnglishSelfAssessment: Story = { args: { definition: partnership(), locale: 'en' }, globals: { locale: 'en' } };

export const DarkTheme: Story = { globals: { theme: 'dark' } };

export const DarkThemeWithErrors: Story = {
  args: { definition: asStory(partnership(), 'dark-errors') },
  globals: { theme: 'dark' },
  play: RequiredError.play,
};

/** A phone-width column (320 px, WCAG reflow): long Polish labels wrap, scales stack. */
export const LongPolishTextNarrow: Story = {
  args: { definition: asStory(conference(), 'narrow') },
  decorators: [(story) => html`<div class="narrow">${story()}</div>`],
};

/** Answers given earlier on this device come back (as after a reload), with a way to start over. */
export const RestoredDraft: Story = {
  args: { definition: asStory(conference(), 'restored') },
  play: async ({ canvasElement }) => {
    const first = surveyIn(canvasElement);
    await startFresh(first);
    await answerPage(first);
    await statusSays(first, /zapisane|saved/);
    // The page is left and opened again: a new element, the same device.
    const again = first.cloneNode() as AnkietaSurvey;
    again.definition = first.definition;
    first.replaceWith(again);
    await surveyReady(again);
    await waitFor(() => expect(shadow(again).querySelector('[part~="notice"]')?.textContent).toMatch(/Przywrócono|restored/));
  },
};

/**
 * Kiosk: after "Wyślij odpowiedzi" a fresh form for the next person. A self-assessment's
 * thank-you screen shows results, so it stays like a form in use: after `kiosk-idle` (here 6 s)
 * with its countdown warning. A survey without results goes after `kiosk-thanks` seconds.
 */
export const Kiosk: Story = {
  args: { definition: asStory(partnership(), 'kiosk'), kiosk: true, kioskIdle: 6 },
  play: async ({ canvasElement }) => {
    const survey = surveyIn(canvasElement);
    await completeSurvey(survey, PARTNER_ANSWERS);
    await waitFor(() => expect(shadow(survey).querySelector('[part~="kiosk-warning"]')).not.toBeNull(), { timeout: 10_000 });
    await waitFor(() => expect(shadow(survey).querySelector('[part~="form"]')).not.toBeNull(), { timeout: 10_000 });
    await statusSays(survey, /kolejnej osoby|next person/);
  },
};

/** Kiosk: an abandoned form (here after `kiosk-idle` = 8 s) warns with a countdown before it is cleared. */
export const KioskIdleWarning: Story = {
  args: { definition: asStory(partnership(), 'kiosk-idle'), kiosk: true, kioskIdle: 8 },
  play: async ({ canvasElement }) => {
    const survey = surveyIn(canvasElement);
    await startFresh(survey);
    await answerPage(survey);
    await waitFor(() => expect(shadow(survey).querySelector('[part~="kiosk-warning"]')).not.toBeNull(), { timeout: 10_000 });
  },
};

const DELIVERY_NOTE =
  'The response is POSTed to the collector stand-in (.storybook/collector-stand-in.js) that `npm run storybook` and scripts/check-stories.mjs serve. A static copy of Storybook without it answers 404, which the survey treats as "try again later".';

/** Delivered: the collector answered 201. */
export const DeliverySent: Story = {
  args: { definition: asStory(partnership(), 'sent'), endpoint: 'storybook-api/accept' },
  parameters: { docs: { description: { story: DELIVERY_NOTE } } },
  play: async ({ canvasElement }) => {
    const survey = surveyIn(canvasElement);
    await completeSurvey(survey, PARTNER_ANSWERS);
    await statusSays(survey, /zostały wysłane|have been sent/);
  },
};

/**
 * The connection drops before the collector answers (venue Wi-Fi): the response waits on the
 * device ("1 wypełniona ankieta czeka na wysłanie") and is retried with backoff. Each visit adds one
 * more waiting response on this device, as it would for a respondent.
 */
export const DeliveryWaiting: Story = {
  tags: ['expect-network-error'],
  args: { definition: asStory(partnership(), 'waiting'), endpoint: 'storybook-api/drop' },
  parameters: { docs: { description: { story: DELIVERY_NOTE } } },
  play: async ({ canvasElement }) => {
    const survey = surveyIn(canvasElement);
    await completeSurvey(survey, PARTNER_ANSWERS);
    await statusSays(survey, /czeka|czekają|waiting/);
  },
};

/**
 * Offline ("Brak połączenia…"): the form is filled in up to "Wyślij odpowiedzi". Take the
 * browser offline (DevTools → Network → Offline) and press it: the status says the answers
 * will be sent when the connection is back; go online again and they are. A page cannot
 * switch the browser offline, so scripts/check-stories.mjs does it with Chromium's network
 * emulation and checks the status.
 */
export const Offline: Story = {
  tags: ['check-offline'],
  args: { definition: asStory(partnership(), 'offline'), endpoint: 'storybook-api/accept' },
  play: async ({ canvasElement }) => {
    const survey = surveyIn(canvasElement);
    await fillToLastPage(survey, PARTNER_ANSWERS);
    await settle(survey);
    await expect(shadow(survey).querySelector('[part~="button-primary"]')?.textContent).toMatch(/Wyślij|Submit/);
  },
};

/** The collector refused the response (400): it is kept on the device, and the respondent can download it. */
export const NotDelivered: Story = {
  tags: ['expect-network-error'],
  args: { definition: asStory(partnership(), 'not-delivered'), endpoint: 'storybook-api/refuse' },
  parameters: { docs: { description: { story: DELIVERY_NOTE } } },
  play: async ({ canvasElement }) => {
    const survey = surveyIn(canvasElement);
    await completeSurvey(survey, PARTNER_ANSWERS);
    await statusSays(survey, /Serwer nie przyjął|did not accept/);
    await waitFor(() => expect(shadow(survey).querySelector('.delivery-actions button')).not.toBeNull());
  },
};

/** The collector does not accept this page's origin (403): delivery stops until "Spróbuj ponownie". */
export const DeliveryForbidden: Story = {
  tags: ['expect-network-error'],
  args: { definition: asStory(partnership(), 'forbidden'), endpoint: 'storybook-api/forbidden' },
  parameters: { docs: { description: { story: DELIVERY_NOTE } } },
  play: async ({ canvasElement }) => {
    const survey = surveyIn(canvasElement);
    await completeSurvey(survey, PARTNER_ANSWERS);
    await statusSays(survey, /nie przyjmuje|does not accept/);
  },
};
