import type { AnswerableQuestion, Locale, Page, Question, SurveyDefinition } from '../schema/definition.js';
import { OTHER_SUFFIX } from '../schema/constants.js';
import type { AnswerValue, Answers, Response } from '../schema/response.js';
import { choseOther, isAnswerable, isAnswered, normalizeAnswer, otherKey } from './answers.js';
import { evaluate } from './conditions.js';
import { responseScores, scoreDimensions, type DimensionResult } from './scoring.js';
import { validateAnswer, type ValidationError } from './validate.js';

export interface Progress {
  /** Shown questions that have an answer. */
  answered: number;
  /** Shown questions (info blocks excluded). */
  total: number;
  /** Shown questions without an answer on the current page and the pages after it. */
  remaining: number;
  /** 1-based number of the current page among the pages shown. */
  page: number;
  pages: number;
}

export type NavigationResult = { ok: true } | { ok: false; errors: Map<string, ValidationError> };

interface Visibility {
  shown: Map<string, Question>;
  pages: number[];
}

/**
 * The state of one respondent's pass through a survey, without any UI: answers, which
 * questions and pages are shown, validation, navigation, progress, scores and the response.
 * Answers to questions that become hidden are kept (so changing one's mind restores them)
 * but are neither validated, scored nor submitted.
 */
export class SurveyModel {
  readonly definition: SurveyDefinition;
  readonly #questions = new Map<string, { question: Question; page: number }>();
  readonly #answers = new Map<string, AnswerValue>();
  #pageIndex = 0;
  #visibility: Visibility | undefined;

  constructor(definition: SurveyDefinition, restore: { answers?: Answers; pageId?: string } = {}) {
    this.definition = definition;
    definition.pages.forEach((page, index) => {
      for (const question of page.questions) this.#questions.set(question.id, { question, page: index });
    });
    for (const [id, value] of Object.entries(restore.answers ?? {})) this.setAnswer(id, value);
    const restored = definition.pages.findIndex((p) => p.id === restore.pageId);
    this.#pageIndex = this.#nearestShownPage(Math.max(restored, 0));
  }

  get sourceLocale(): Locale {
    return this.definition.locale ?? 'pl';
  }

  question(id: string): Question | undefined {
    return this.#questions.get(id)?.question;
  }

  answer(id: string): AnswerValue | undefined {
    return this.#answers.get(id);
  }

  /** Every answer given, shown or not (a draft keeps them all). */
  get answers(): Answers {
    return Object.fromEntries(this.#answers);
  }

  /**
   * Sets an answer (or the `<id>.other` text of a choice); `undefined` clears it. A value that
   * does not fit the question is ignored. Returns whether anything changed.
   */
  setAnswer(id: string, value: unknown): boolean {
    const isOther = id.endsWith(OTHER_SUFFIX);
    const question = this.question(isOther ? id.slice(0, -OTHER_SUFFIX.length) : id);
    if (!question || !isAnswerable(question)) return false;
    let normalized: AnswerValue | undefined;
    if (isOther) normalized = question.type === 'choice' && question.other && typeof value === 'string' ? value : undefined;
    else normalized = normalizeAnswer(question, value);
    if (value !== undefined && normalized === undefined) return false;
    const before = this.#answers.get(id);
    if (normalized === undefined || normalized === '') this.#answers.delete(id);
    else this.#answers.set(id, normalized);
    const changed = JSON.stringify(before) !== JSON.stringify(this.#answers.get(id));
    if (changed) this.#visibility = undefined;
    return changed;
  }

  clear(): void {
    this.#answers.clear();
    this.#visibility = undefined;
    this.#pageIndex = this.#nearestShownPage(0);
  }

  /** Which questions and pages are shown: one pass in order, since conditions look only back. */
  get #shown(): Visibility {
    if (this.#visibility) return this.#visibility;
    const shown = new Map<string, Question>();
    const lookup = (id: string) => (shown.has(id) ? this.#answers.get(id) : undefined);
    const pages: number[] = [];
    this.definition.pages.forEach((page, index) => {
      // A page with questions is shown when one of them is; a page of info blocks alone (a
      // closing note) when one of those is. An info block does not keep a page of hidden
      // questions: the respondent would land on a heading and a Next button.
      let asks = false;
      let answerableShown = false;
      let infoShown = false;
      for (const question of page.questions) {
        const answerable = isAnswerable(question);
        asks ||= answerable;
        if (question.visibleIf && !evaluate(question.visibleIf, lookup)) continue;
        shown.set(question.id, question);
        if (answerable) answerableShown = true;
        else infoShown = true;
      }
      if (answerableShown || (!asks && infoShown)) pages.push(index);
    });
    return (this.#visibility = { shown, pages });
  }

  isShown(id: string): boolean {
    return this.#shown.shown.has(id);
  }

  /** Indices (into `definition.pages`) of the pages with at least one shown question. */
  get shownPages(): readonly number[] {
    return this.#shown.pages;
  }

  get pageIndex(): number {
    return this.#pageIndex;
  }

  get page(): Page {
    return this.definition.pages[this.#pageIndex]!;
  }

  /** The shown questions (and info blocks) of a page, in order. */
  questionsOn(pageIndex = this.#pageIndex): Question[] {
    return (this.definition.pages[pageIndex]?.questions ?? []).filter((q) => this.isShown(q.id));
  }

  get isFirstPage(): boolean {
    return this.shownPages[0] === this.#pageIndex;
  }

  get isLastPage(): boolean {
    return this.shownPages.at(-1) === this.#pageIndex;
  }

  #nearestShownPage(index: number): number {
    const pages = this.shownPages;
    return pages.find((p) => p >= index) ?? pages.at(-1) ?? 0;
  }

  validateQuestion(question: AnswerableQuestion): ValidationError | undefined {
    return validateAnswer(question, this.#answers.get(question.id), this.#answers.get(otherKey(question.id)));
  }

  /** Errors of the shown questions on one page, by question id, in page order. */
  validatePage(pageIndex = this.#pageIndex): Map<string, ValidationError> {
    const errors = new Map<string, ValidationError>();
    for (const question of this.questionsOn(pageIndex)) {
      if (!isAnswerable(question)) continue;
      const error = this.validateQuestion(question);
      if (error) errors.set(question.id, error);
    }
    return errors;
  }

  /** Errors of every shown question, by question id, in survey order. */
  validateAll(): Map<string, ValidationError> {
    const errors = new Map<string, ValidationError>();
    for (const page of this.shownPages) for (const [id, error] of this.validatePage(page)) errors.set(id, error);
    return errors;
  }

  /** Moves to the next shown page if the current one is valid. */
  next(): NavigationResult {
    const errors = this.validatePage();
    if (errors.size) return { ok: false, errors };
    const later = this.shownPages.find((p) => p > this.#pageIndex);
    if (later !== undefined) this.#pageIndex = later;
    return { ok: true };
  }

  /** Moves to the previous shown page; answers on the current page are kept. */
  back(): boolean {
    const earlier = this.shownPages.filter((p) => p < this.#pageIndex).pop();
    if (earlier === undefined) return false;
    this.#pageIndex = earlier;
    return true;
  }

  /** Jumps to a page (e.g. the page of a field listed in the error summary). */
  goTo(pageIndex: number): void {
    this.#pageIndex = this.#nearestShownPage(pageIndex);
  }

  pageOf(questionId: string): number | undefined {
    return this.#questions.get(questionId)?.page;
  }

  get progress(): Progress {
    let answered = 0;
    let total = 0;
    // Still ahead: unanswered on this page and later ones. An optional question skipped on an
    // earlier page is not (the last page said "Zostały 2 pytania" with one question on it).
    let remaining = 0;
    for (const question of this.#shown.shown.values()) {
      if (!isAnswerable(question)) continue;
      total++;
      const value = this.#answers.get(question.id);
      // "Other" chosen with its text still empty is not an answer yet (submitting would say so).
      if (
        isAnswered(value) &&
        !(question.type === 'choice' && question.other && choseOther(value) && !isAnswered(this.#answers.get(otherKey(question.id))))
      )
        answered++;
      else if (this.pageOf(question.id)! >= this.#pageIndex) remaining++;
    }
    const pages = this.shownPages.length;
    const page = Math.max(1, this.shownPages.indexOf(this.#pageIndex) + 1);
    return { answered, total, remaining, page, pages };
  }

  dimensionResults(): DimensionResult[] {
    const shown = new Map<string, AnswerableQuestion>();
    for (const [id, question] of this.#shown.shown) if (isAnswerable(question)) shown.set(id, question);
    return scoreDimensions(this.definition, shown, (id) => this.#answers.get(id));
  }

  /** The answers that would be submitted: shown questions only, and "Other" texts only when chosen. */
  get submittedAnswers(): Answers {
    const out: Answers = {};
    for (const [id, question] of this.#shown.shown) {
      if (!isAnswerable(question)) continue;
      const value = this.#answers.get(id);
      if (!isAnswered(value)) continue;
      // An e-mail address is checked trimmed; it goes out trimmed too.
      out[id] = question.type === 'text' && question.format === 'email' && typeof value === 'string' ? value.trim() : value!;
      const other = this.#answers.get(otherKey(id));
      if (choseOther(value) && isAnswered(other)) out[otherKey(id)] = other!;
    }
    return out;
  }

  toResponse(meta: { id: string; locale: Locale; startedAt: string; submittedAt: string }): Response {
    const scores = responseScores(this.dimensionResults());
    return {
      id: meta.id,
      surveyId: this.definition.id,
      surveyVersion: this.definition.version ?? 1,
      locale: meta.locale,
      startedAt: meta.startedAt,
      submittedAt: meta.submittedAt,
      answers: this.submittedAnswers,
      ...(scores ? { scores } : {}),
    };
  }
}
