import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Locale, SurveyDefinition } from '../../schema/definition.js';
import type { Response } from '../../schema/response.js';
import { SurveyModel, type ValidationError } from '../../engine/index.js';
import { uuid } from '../../engine/uuid.js';
import { emit } from './events.js';

export type SubmitOutcome = { ok: true; response: Response } | { ok: false; errors: Map<string, ValidationError> };

/**
 * The one place that wires engine, store and sync together for `<ankieta-survey>`: it owns
 * the survey model, turns respondent actions into model changes and events, and builds the
 * response on submit. The element only renders what this controller holds.
 */
export class SurveyController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  model: SurveyModel | undefined;
  startedAt = new Date().toISOString();
  /** The submitted response, once the respondent has finished. */
  submitted: Response | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {}

  /** Starts a pass through a (validated) definition. */
  start(definition: SurveyDefinition): void {
    this.model = new SurveyModel(definition);
    this.startedAt = new Date().toISOString();
    this.submitted = undefined;
    emit(this.#host, 'ankieta-ready', { surveyId: definition.id, definition });
    this.#host.requestUpdate();
  }

  /** Records an answer given in the form; returns whether it changed anything. */
  answer(questionId: string, value: unknown): boolean {
    const model = this.model;
    if (!model || !model.setAnswer(questionId, value)) return false;
    const isOther = questionId.endsWith('.other');
    if (!isOther) emit(this.#host, 'ankieta-answer', { questionId, value: model.answer(questionId) });
    this.#host.requestUpdate();
    return true;
  }

  /** Validates the current page and moves on; on success fires `ankieta-page`. */
  next(): Map<string, ValidationError> | undefined {
    const model = this.model!;
    const result = model.next();
    if (!result.ok) return result.errors;
    this.#pageChanged();
    return undefined;
  }

  back(): boolean {
    if (!this.model!.back()) return false;
    this.#pageChanged();
    return true;
  }

  goTo(pageIndex: number): void {
    const model = this.model!;
    if (model.pageIndex === pageIndex) return;
    model.goTo(pageIndex);
    this.#pageChanged();
  }

  #pageChanged(): void {
    const model = this.model!;
    emit(this.#host, 'ankieta-page', { index: model.pageIndex, pageId: model.page.id });
    this.#host.requestUpdate();
  }

  /**
   * Validates every shown question and, if all is well, builds the response and fires the
   * cancelable `ankieta-submit` (a developer who cancels it delivers the response themselves).
   */
  submit(locale: Locale): SubmitOutcome {
    const model = this.model!;
    const errors = model.validateAll();
    if (errors.size) return { ok: false, errors };
    const response = model.toResponse({ id: uuid(), locale, startedAt: this.startedAt, submittedAt: new Date().toISOString() });
    emit(this.#host, 'ankieta-submit', { response }, { cancelable: true });
    this.submitted = response;
    this.#host.requestUpdate();
    return { ok: true, response };
  }

  /** Clears every answer and returns to the first page. */
  startOver(): void {
    const model = this.model;
    if (!model) return;
    model.clear();
    this.startedAt = new Date().toISOString();
    this.submitted = undefined;
    this.#pageChanged();
  }
}
