/**
 * A respondent for play functions: answers `<ankieta-survey>` through its question elements
 * the way a person does (clicking radios and boxes, choosing in a select, typing), so every
 * story state after a submit comes from the element's normal flow, not from set-up data.
 */
import { waitFor } from 'storybook/test';
import type { AnkietaSurvey } from '../../src/components/survey/survey.js';

/** Which point to click on a scale-like question (index into its radios, lowest first); default 3 (the fourth). */
export type Picks = Record<string, number | string>;

type Updatable = HTMLElement & { updateComplete?: Promise<unknown> };

export function surveyIn(canvas: HTMLElement): AnkietaSurvey {
  const survey = canvas.querySelector('ankieta-survey');
  if (!survey) throw new Error('no <ankieta-survey> in the story');
  return survey;
}

const root = (element: Element) => element.shadowRoot!;

/** Waits until the survey and the question elements inside it have rendered. */
export async function settle(survey: AnkietaSurvey): Promise<void> {
  await survey.updateComplete;
  const questions = [...root(survey).querySelectorAll<Updatable>('[data-question]')];
  await Promise.all(questions.map((q) => q.updateComplete));
  await new Promise((resolve) => setTimeout(resolve, 0));
}

/** Waits until the survey shows a page, the thank-you screen or an error (not "Wczytywanie…"). */
export async function surveyReady(survey: AnkietaSurvey): Promise<void> {
  await waitFor(
    () => {
      if (!root(survey).querySelector('[part~="form"], [part~="thank-you"], [part~="message"][role="alert"]'))
        throw new Error('survey not ready yet');
    },
    { timeout: 10_000 },
  );
  await settle(survey);
}

function clickControl(question: Element, index: number): void {
  const controls = [...root(question).querySelectorAll<HTMLInputElement>('input[part~="control"]')];
  const control = controls[Math.min(index, controls.length - 1)];
  if (control && !control.checked) control.click();
}

function type(field: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  field.focus();
  field.value = text;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: text }));
  field.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Answers one question element; `pick` is the point index, or the option value / text to give. */
function answer(question: Element, pick: number | string | undefined): void {
  const shadow = root(question);
  switch (question.localName) {
    case 'ankieta-rating':
    case 'ankieta-scale':
    case 'ankieta-nps':
      clickControl(question, typeof pick === 'number' ? pick : 3);
      return;
    case 'ankieta-matrix':
      for (const row of shadow.querySelectorAll('[part~="row"]')) {
        const radios = [...row.querySelectorAll<HTMLInputElement>('input')];
        radios[Math.min(typeof pick === 'number' ? pick : 3, radios.length - 1)]?.click();
      }
      return;
    case 'ankieta-choice': {
      const select = shadow.querySelector('select');
      if (select) {
        select.value = typeof pick === 'string' ? pick : (select.options[1]?.value ?? '');
        select.dispatchEvent(new Event('change', { bubbles: true }));
        return;
      }
      const options = [...shadow.querySelectorAll<HTMLInputElement>('input[type="radio"], input[type="checkbox"]')];
      (options.find((o) => o.value === pick) ?? options[0])?.click();
      return;
    }
    case 'ankieta-text': {
      const field = shadow.querySelector<HTMLInputElement | HTMLTextAreaElement>('input, textarea');
      if (field && typeof pick === 'string') type(field, pick);
      return;
    }
    case 'ankieta-consent':
      shadow.querySelector<HTMLInputElement>('input[type="checkbox"]')?.click();
      return;
  }
}

/**
 * Answers every question on the current page. Text questions are answered only when `picks`
 * gives their text; follow-ups that an answer reveals are answered in the next round.
 */
export async function answerPage(survey: AnkietaSurvey, picks: Picks = {}): Promise<void> {
  const done = new Set<string>();
  for (let round = 0; round < 5; round++) {
    await settle(survey);
    const open = [...root(survey).querySelectorAll<HTMLElement>('[data-question]')].filter(
      (q) => q.localName.startsWith('ankieta-') && !done.has(q.dataset.question!),
    );
    if (!open.length) return;
    for (const question of open) {
      answer(question, picks[question.dataset.question!]);
      done.add(question.dataset.question!);
    }
  }
}

/** Presses "Dalej" or "Wyślij odpowiedzi". */
export async function pressPrimary(survey: AnkietaSurvey): Promise<void> {
  await settle(survey);
  const button = root(survey).querySelector<HTMLButtonElement>('[part~="button-primary"]');
  if (!button) throw new Error('no Next or Submit button on screen');
  button.click();
  await settle(survey);
}

/**
 * A story's respondent starts from an empty form: answers this device kept from an earlier
 * visit to the story are cleared with the survey's own "Zacznij od nowa".
 */
export async function startFresh(survey: AnkietaSurvey): Promise<void> {
  await surveyReady(survey);
  const startOver = root(survey).querySelector<HTMLButtonElement>('[part~="notice"] button');
  if (!startOver) return;
  startOver.click();
  await waitFor(() => {
    if (root(survey).querySelector('[part~="notice"] button')) throw new Error('still restored');
  });
  await settle(survey);
}

/** Answers page after page and submits; resolves when the thank-you screen shows. */
export async function completeSurvey(survey: AnkietaSurvey, picks: Picks = {}): Promise<void> {
  await startFresh(survey);
  for (let page = 0; page < 20 && !root(survey).querySelector('[part~="thank-you"]'); page++) {
    await answerPage(survey, picks);
    await pressPrimary(survey);
    const summary = root(survey).querySelector('[part~="error-summary"]');
    if (summary) throw new Error(`the survey refused the answers: ${summary.textContent?.replace(/\s+/g, ' ').trim()}`);
  }
  await waitFor(() => {
    if (!root(survey).querySelector('[part~="thank-you"]')) throw new Error('no thank-you screen');
  });
}

/** Answers every page but the last one's submit: the form is complete and waiting for "Wyślij odpowiedzi". */
export async function fillToLastPage(survey: AnkietaSurvey, picks: Picks = {}): Promise<void> {
  await startFresh(survey);
  for (let page = 0; page < 20; page++) {
    await answerPage(survey, picks);
    const button = root(survey).querySelector('[part~="button-primary"]');
    if (!button || button.closest('[part~="kiosk-warning"]')) break;
    const pages = root(survey).querySelector('[part~="progress"]')?.textContent ?? '';
    const [current, total] = (/(\d+)\D+(\d+)/.exec(pages) ?? []).slice(1).map(Number);
    if (current === total) return;
    await pressPrimary(survey);
  }
}

/** The text of the polite status region (saving and delivery). */
export const statusText = (survey: AnkietaSurvey) => root(survey).querySelector('[part~="status"]')?.textContent?.trim() ?? '';

/** Waits until the status region says what `expected` matches. */
export async function statusSays(survey: AnkietaSurvey, expected: RegExp, timeout = 8000): Promise<void> {
  await waitFor(
    () => {
      const text = statusText(survey);
      if (!expected.test(text)) throw new Error(`status is "${text}", expected ${expected}`);
    },
    { timeout },
  );
}
