import type { SurveyDefinition } from '../../schema/definition.js';
import type { DefinitionIssue } from '../../schema/issues.js';
import type { AnswerValue, Response } from '../../schema/response.js';

export interface ReadyDetail {
  surveyId: string;
  definition: SurveyDefinition;
}
export interface AnswerDetail {
  questionId: string;
  value: AnswerValue | undefined;
}
export interface PageDetail {
  /** Index into `definition.pages`. */
  index: number;
  pageId: string;
}
export interface SubmitDetail {
  response: Response;
}
export interface QueuedDetail {
  responseId: string;
  waiting: number;
}
export interface SentDetail {
  responseId: string;
}
export interface ErrorDetail {
  kind: 'definition' | 'storage' | 'delivery';
  message: string;
  /** For `definition`: every problem with its JSON path. */
  issues?: DefinitionIssue[];
  /** For `delivery`: the HTTP status, when there was one. */
  status?: number;
  responseId?: string;
}

export interface AnkietaEventMap {
  'ankieta-ready': CustomEvent<ReadyDetail>;
  'ankieta-answer': CustomEvent<AnswerDetail>;
  'ankieta-page': CustomEvent<PageDetail>;
  'ankieta-submit': CustomEvent<SubmitDetail>;
  'ankieta-queued': CustomEvent<QueuedDetail>;
  'ankieta-sent': CustomEvent<SentDetail>;
  'ankieta-error': CustomEvent<ErrorDetail>;
}

/** Every event name, for code that listens to all of them (the demo's log, Storybook's actions). */
export const EVENT_NAMES = Object.keys({
  'ankieta-ready': 1,
  'ankieta-answer': 1,
  'ankieta-page': 1,
  'ankieta-submit': 1,
  'ankieta-queued': 1,
  'ankieta-sent': 1,
  'ankieta-error': 1,
} satisfies Record<keyof AnkietaEventMap, 1>) as Array<keyof AnkietaEventMap>;

/** Dispatches one of Ankieta's events: bubbling and composed, so the host page hears it; `cancelable` for ankieta-submit. */
export function emit<K extends keyof AnkietaEventMap>(
  target: EventTarget,
  type: K,
  detail: AnkietaEventMap[K]['detail'],
  cancelable = false,
): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
}

// The events bubble and are composed, so a page may listen on the element, document or window.
declare global {
  interface HTMLElementEventMap extends AnkietaEventMap {}
  interface DocumentEventMap extends AnkietaEventMap {}
  interface WindowEventMap extends AnkietaEventMap {}
}
