import { LitElement, html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { define } from '../shared/define.js';
import { FollowLang } from '../shared/follow-lang.js';
import type { AnswerableQuestion, Locale, Question, SurveyDefinition, SurveyDefinitionInput } from '../../schema/definition.js';
import type { DefinitionIssue } from '../../schema/issues.js';
import type { Response } from '../../schema/response.js';
import { parseDefinition } from '../../schema/parse.js';
import { isAnswerable } from '../../engine/answers.js';
import { errorMessage, type ValidationError } from '../../engine/validate.js';
import { resolveLocale, translate, type MessageKey, type Vars } from '../../i18n/index.js';
import { definitionTimeouts, fetchDefinition } from '../../sync/load-definition.js';
import { cacheDefinition, cachedDefinition } from '../../store/definitions.js';
import type { SessionStatus } from '../../sync/index.js';
import { download } from '../shared/download.js';
import { base, theme } from '../shared/theme.js';
import { emit } from './events.js';
// Kept in the declarations, so importing this element alone types its events for listeners.
export type * from './events.js';
import { controlId, readAnswer, renderQuestion, shown } from './render-question.js';
import { KioskController } from './kiosk-controller.js';
import { SurveyController } from './survey-controller.js';
import { styles } from './survey.styles.js';
import { customValidityWatchers, type FormControl } from '../shared/form-control.js';
import '../rating/rating.js';
import '../scale/scale.js';
import '../nps/nps.js';
import '../choice/choice.js';
import '../text/text.js';
import '../matrix/matrix.js';
import '../consent/consent.js';
import '../results/results.js';

type LoadState = 'empty' | 'loading' | 'invalid' | 'failed' | 'ready';
/** A question's error: the engine's, or the message the page gave its element with setCustomValidity(). */
type FieldError = ValidationError | string;

/** A definition's JSON, to tell an equal object from a changed one (none for a cyclic one). */
function json(definition: unknown): string | undefined {
  try {
    return JSON.stringify(definition);
  } catch {
    return undefined;
  }
}

/**
 * The status comes with buttons: refused responses to hand over (not at a kiosk, see
 * #renderDeliveryActions), a refusal to retry, or a response waiting for its next attempt.
 */
const hasActions = (status: SessionStatus | undefined, kiosk: boolean): status is SessionStatus =>
  !!status && ((!kiosk && !!status.undelivered) || status.state === 'forbidden' || status.state === 'waiting');

/**
 * @summary Renders a survey definition as an accessible, multi-page, bilingual form.
 *
 * The definition comes from the `definition` property, the `src` URL, or an inline
 * `<script type="application/json">` child, in that order of precedence.
 *
 * @event {CustomEvent<ReadyDetail>} ankieta-ready - The definition is valid and the first page is shown. `detail: {surveyId, definition}`
 * @event {CustomEvent<AnswerDetail>} ankieta-answer - An answer changed. `detail: {questionId, value}`
 * @event {CustomEvent<PageDetail>} ankieta-page - The page changed. `detail: {index, pageId}`
 * @event {CustomEvent<SubmitDetail>} ankieta-submit - The respondent submitted valid answers. Cancelable: cancel it to deliver the response yourself. `detail: {response}`
 * @event {CustomEvent<QueuedDetail>} ankieta-queued - A response is stored on the device, waiting for delivery. `detail: {responseId, waiting}`
 * @event {CustomEvent<SentDetail>} ankieta-sent - The collector confirmed a response. `detail: {responseId}`
 * @event {CustomEvent<ErrorDetail>} ankieta-error - The definition is invalid, storage failed, or the collector refused a response. `detail: {kind: 'definition'|'storage'|'delivery', message, issues?, status?, responseId?}`
 *
 * @slot - An optional `<script type="application/json">` holding the definition.
 *
 * @csspart base - The outer section.
 * @csspart header - Title, description and the required-field note.
 * @csspart title - The survey title.
 * @csspart progress - Page number, questions left and the progress bar.
 * @csspart form - The form holding the current page.
 * @csspart page-title - The heading of the current page (focused on page change).
 * @csspart info - An information block between the questions (`type: "info"`).
 * @csspart notice - A note above the form: restored draft, already completed here, no storage.
 * @csspart kiosk-warning - Kiosk mode: the countdown before an idle form is cleared.
 * @csspart error-summary - The list of problems shown after a failed Next or Submit.
 * @csspart error-summary-title - The heading of the error summary.
 * @csspart actions - The row of navigation buttons.
 * @csspart button - Every button.
 * @csspart button-primary - Next and Submit (they have `button` too).
 * @csspart status - The polite live region for saving and delivery states.
 * @csspart thank-you - The screen shown after submitting.
 * @csspart thank-you-title - Its heading (focused when it shows).
 * @csspart results - The scored results on the thank-you screen (`<ankieta-results>`' `base`).
 * @csspart message - A loading, load-failure (with a "Spróbuj ponownie" button) or invalid-definition message.
 *
 * @cssproperty --ankieta-color-accent - Buttons, selection and focus (tier one, shared by all elements).
 * @cssproperty --ankieta-color-surface - The survey background.
 * @cssproperty --ankieta-color-text - Body text.
 * @cssproperty --ankieta-survey-max-width - The widest the form grows (default 44em of its font size).
 */
export class AnkietaSurvey extends LitElement {
  static override styles = [theme, base, styles];
  static override properties: PropertyDeclarations = {
    src: {},
    endpoint: {},
    locale: { reflect: true },
    kiosk: { type: Boolean, reflect: true },
    kioskIdle: { type: Number, attribute: 'kiosk-idle' },
    kioskThanks: { type: Number, attribute: 'kiosk-thanks' },
    persist: { type: Boolean },
    headingLevel: { type: Number, attribute: 'heading-level' },
    definition: { attribute: false },
    loadState: { state: true, attribute: false },
    issues: { state: true, attribute: false },
    fieldErrors: { state: true, attribute: false },
    summary: { state: true, attribute: false },
    notice: { state: true, attribute: false },
  };

  /** URL of a definition JSON. */
  src?: string | undefined;
  /** POST URL of a collector; without it answers stay on the device and only events are fired. */
  endpoint?: string | undefined;
  /** `pl` or `en`; default: the closest `[lang]`, then the definition's `locale`. */
  locale?: string | undefined;
  /** Reset after submit for the next person (a tablet at the exit); an abandoned form is cleared after `kiosk-idle`. */
  kiosk = false;
  /**
   * Kiosk: seconds without activity (a touch, a key, an answer, the mouse wheel) before an
   * unfinished form is cleared. A countdown warns 20 s before (WCAG 2.2.1); below 40 the warning
   * gets half the time, less than the 20 s WCAG asks for: keep 40 or more at a public kiosk. A page
   * opened again restores unfinished answers only if they were written within this time.
   */
  kioskIdle = 120;
  /**
   * Kiosk: seconds the thank-you screen stays without activity before a fresh form appears.
   * A thank-you screen with results (a scored survey) follows `kiosk-idle` and its warning instead,
   * so one person's results stay until then unless "Zakończ i wyczyść ekran" is pressed: at a
   * watched kiosk, set a shorter `kiosk-idle`.
   */
  kioskThanks = 10;
  /** Ask the browser to protect stored answers from eviction (`navigator.storage.persist()`). */
  persist = false;
  /** Level of the survey title heading (page titles are one level below), to fit the host page's outline. */
  headingLevel = 2;
  /**
   * The definition as an object (takes precedence over `src`; `null` is none yet), validated here:
   * an invalid one shows its problems. A new object with the same JSON as the one loaded (a framework
   * re-rendering) changes nothing: the form, its answers and focus stay.
   */
  definition?: SurveyDefinitionInput | null | undefined;

  private loadState: LoadState = 'empty';
  private issues: DefinitionIssue[] = [];
  /** Errors shown next to questions, by question id. */
  private fieldErrors = new Map<string, FieldError>();
  /** The error summary, shown after a failed Next or Submit: question ids and their errors. */
  private summary: [string, FieldError][] = [];
  /**
   * A one-off message of the polite status region (answers cleared or restored, ready for the next
   * person), by key: said in the locale of the moment, also after a switch.
   */
  private notice: MessageKey | '' = '';

  readonly #controller = Object.assign(new SurveyController(this), { onFresh: () => this.#fresh() });
  readonly #kiosk = new KioskController(this, () => this.#nextPerson());
  #parsed: SurveyDefinition | undefined;
  /** Counts fresh starts (start over, the next person at a kiosk): each gets new question elements. */
  #round = 0;
  #loadAbort: AbortController | undefined;
  /**
   * The messages the page gave question elements with setCustomValidity(), by question id. Kept
   * here, not only on the element: a page shown again, or a question shown again, gets a new
   * element, which would let an answer the page refused through (Back, then Next).
   */
  #custom = new Map<string, string>();
  /** The messages "Zacznij od nowa" cleared, for its undo. */
  #customCleared = new Map<string, string>();
  /** What the current definition was loaded from, so only a real change reloads it. */
  /** What was loaded last; `json` as it was then, so an object changed in place since is not "equal". */
  #source: { definition: unknown; src: string | undefined; json: string | undefined } | undefined;
  #focusAfterRender: 'page' | 'summary' | 'thanks' | 'title' | undefined;
  /** What had focus inside the element when a render began. */
  #focusedBefore: Element | null = null;

  constructor() {
    super();
    new FollowLang(this);
  }

  get #locale(): Locale {
    return resolveLocale(this.locale, this, this.#parsed?.locale);
  }

  #t(key: MessageKey, vars?: Vars): string {
    return translate(this.#locale, key, vars);
  }

  /**
   * Whether a response of this survey completed on this device waits to be sent, or was refused
   * by the collector: the status region says which.
   */
  get pending(): boolean {
    const status = this.#controller.status;
    return !!status && (status.waiting > 0 || status.undelivered > 0 || status.state === 'forbidden');
  }

  /**
   * Whether this survey was completed on this device before (the notice "already completed here"
   * shows), as far as the device's storage tells: a launcher with `once` does not open it again.
   */
  get completedHere(): boolean {
    return this.#controller.completedBefore;
  }

  /** The response submitted in this session, if any. */
  get response(): Response | undefined {
    return this.#controller.submitted;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    customValidityWatchers.set(this.renderRoot, this.#customValidity);
    if (!this.#source || this.loadState === 'loading') void this.#load();
    addEventListener('online', this.#retry);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#loadAbort?.abort();
    removeEventListener('online', this.#retry);
  }

  /**
   * Asks again for a definition the network failed to bring (venue Wi-Fi dropping a request), as
   * the browser coming back online, the message's "Spróbuj ponownie" and a launcher opening do.
   * Only then: one that is loading, loaded (drafts) or invalid is left alone.
   */
  retry(): void {
    if (this.loadState === 'failed') void this.#load();
  }

  #retry = () => this.retry();

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('kiosk') || changed.has('kioskIdle') || changed.has('kioskThanks')) {
      const idle = Math.max(2, this.kioskIdle);
      this.#kiosk.configure(idle, Math.min(20, idle / 2), Math.max(1, this.kioskThanks));
      if (!this.kiosk) this.#kiosk.stop();
    }
    if (changed.has('endpoint') || changed.has('persist')) this.#controller.configure({ endpoint: this.endpoint, persist: this.persist });
    if (!(changed.has('definition') || changed.has('src')) || !this.isConnected) return;
    const source = this.#source;
    if (
      source &&
      source.src === this.src &&
      (source.definition === this.definition || (source.json !== undefined && source.json === json(this.definition)))
    ) {
      // A framework re-rendering with a new but equal object: nothing to load again. (The
      // record itself stays: a load under way checks that it is still the current one.)
      source.definition = this.definition;
      return;
    }
    void this.#load();
  }

  protected override update(changed: PropertyValues<this>): void {
    this.#focusedBefore = this.shadowRoot?.activeElement ?? null;
    super.update(changed);
  }

  protected override updated(): void {
    // A new element for a question (see #custom) takes the page's message as the one it replaced had it.
    for (const [id, message] of this.#custom) this.renderRoot.querySelector<FormControl>(`#${controlId(id)}`)?.setCustomValidity(message);
    // A focused button this render took away ("Spróbuj ponownie" while sending or loading,
    // "Zacznij od nowa") leaves focus on <body>: it goes to the heading of what is on screen
    // instead, or to the loading or failure message while there is no survey.
    const lost = this.#focusedBefore && !this.#focusedBefore.isConnected;
    const target = this.#focusAfterRender ?? (lost ? (this.#controller.submitted ? 'thanks' : 'page') : undefined);
    this.#focusAfterRender = undefined;
    this.#focusedBefore = null;
    if (!target) return;
    const selector = {
      page: '[part~="page-title"],[part~="message"]',
      summary: '[part~="error-summary"]',
      thanks: '[part~="thank-you"] [tabindex="-1"]',
      title: '[part~="title"]',
    }[target];
    const element = this.renderRoot.querySelector<HTMLElement>(selector);
    element?.focus({ preventScroll: true });
    // A summary taller than half the view goes to its start (at 400 % zoom "nearest" showed only
    // its last items); anything else moves as little as it can (a summary in view stays put).
    const tall = target === 'summary' && element && element.getBoundingClientRect().height > innerHeight / 2;
    element?.scrollIntoView?.({ block: tall ? 'start' : 'nearest' });
  }

  async #load(): Promise<void> {
    this.#loadAbort?.abort();
    this.#source = { definition: this.definition, src: this.src, json: json(this.definition) };
    // null is "none yet" too (a framework's state before its data arrives): `src` or the inline JSON then.
    let source: unknown = this.definition ?? undefined;
    if (source === undefined && this.src) {
      const src = this.src;
      const abort = (this.#loadAbort = new AbortController());
      this.loadState = 'loading';
      const fresh = fetchDefinition(src, abort.signal);
      // Kept for the next visit even when the copy from the last one was shown meanwhile.
      fresh.then(
        (text) => cacheDefinition(src, text),
        () => {},
      );
      let slow: ReturnType<typeof setTimeout> | undefined;
      const copyIfSlow = new Promise((resolve) => (slow = setTimeout(resolve, definitionTimeouts.copy)))
        .then(() => cachedDefinition(src))
        .then((copy) => copy ?? fresh);
      try {
        source = await Promise.race([fresh, copyIfSlow]);
        clearTimeout(slow);
      } catch (error) {
        clearTimeout(slow);
        if (abort.signal.aborted) return;
        // Offline reload: the copy kept from the last visit still matches the saved draft.
        source = await cachedDefinition(src);
        if (abort.signal.aborted) return;
        if (source === undefined) {
          this.loadState = 'failed';
          // The address as requested: a relative one is read from the page's own address.
          const message = `Could not load ${URL.parse?.(src, document.baseURI)?.href ?? src}: ${(error as Error).message}`;
          // For the site owner, who sees only "could not be loaded" on the page.
          console.error(`<ankieta-survey>: ${message}`);
          emit(this, 'ankieta-error', { kind: 'definition', message });
          return;
        }
      }
      if (abort.signal.aborted) return;
    }
    if (source === undefined) {
      // Made by the HTML parser after the script defined it, and nothing after it parsed yet:
      // its children (the inline definition, perhaps half-read) are complete only once the
      // document is. With a sibling after it (a script at the end of <body>), they are already.
      if (document.readyState === 'loading' && !this.nextSibling) {
        const started = this.#source;
        const later = () => {
          if (this.#source === started && this.isConnected) void this.#load();
        };
        document.addEventListener('DOMContentLoaded', later, { once: true });
        return;
      }
      const script = this.querySelector(':scope > script[type="application/json"]');
      if (script) source = script.textContent ?? '';
    }
    if (source === undefined) {
      this.loadState = 'empty';
      return;
    }
    const result = parseDefinition(source);
    if (!result.ok) {
      this.#parsed = undefined;
      this.issues = result.issues;
      this.loadState = 'invalid';
      const message = result.issues.map((i) => `${i.path}: ${i.message}`).join('\n');
      console.error(`<ankieta-survey>: invalid survey definition\n${message}`);
      emit(this, 'ankieta-error', { kind: 'definition', message, issues: result.issues });
      return;
    }
    this.#parsed = result.value;
    this.issues = [];
    this.fieldErrors = new Map();
    this.summary = [];
    this.#custom = new Map();
    this.loadState = 'loading';
    const started = this.#source;
    await this.#controller.start(
      result.value,
      { endpoint: this.endpoint, persist: this.persist },
      this.kiosk ? Math.max(2, this.kioskIdle) * 1000 : undefined,
    );
    if (this.#source !== started) return;
    // A kiosk reloaded mid-survey (the tablet's browser, or staff refreshing it) shows the
    // unfinished answers of whoever left: cleared after the idle time, like any abandoned form.
    // Left longer ago than that, they are not restored at all.
    if (this.kiosk && this.#controller.restored) this.#kiosk.filling();
    this.loadState = 'ready';
    // "Ready" means the first page is on screen: after this render.
    await this.updateComplete;
    emit(this, 'ankieta-ready', { surveyId: result.value.id, definition: result.value });
  }

  protected override render() {
    const locale = this.#locale;
    switch (this.loadState) {
      case 'empty':
        return nothing;
      case 'loading':
        return html`<p part="message" class="message" role="status" tabindex="-1" lang=${locale}>${this.#t('loading')}</p>`;
      case 'failed':
        return html`<div part="message" class="message error" role="alert" tabindex="-1" lang=${locale}>
          <p>${this.#t('loadFailed')}</p>
          <button part="button" type="button" class="secondary" @click=${this.#retry}>${this.#t('retry')}</button>
        </div>`;
      case 'invalid':
        return html`<div part="message" class="message error" role="alert" tabindex="-1" lang=${locale}>
          <p>${this.#t('definitionInvalid')}</p>
          <ul class="issues">
            ${this.issues.slice(0, 20).map((i) => html`<li><code>${i.path}</code>: ${i.message}</li>`)}
          </ul>
        </div>`;
      case 'ready':
        return this.#renderSurvey(locale);
    }
  }

  /** `headingLevel` as a number: a framework may set the property to the text "3" ("3" + 1 is "31"). */
  get #level(): number {
    return Number(this.headingLevel);
  }

  /** A heading of `level` (at most 6) with `part` as its part and class; `focusable` takes focus from script (tabindex -1). */
  #heading(level: number, content: unknown, part: string, focusable: boolean, id?: string, describedBy?: string) {
    return html`<div role="heading" aria-level=${Math.min(6, level)} part=${part} class=${part}
      id=${id ?? nothing} tabindex=${focusable ? '-1' : nothing} aria-describedby=${describedBy ?? nothing}>${content}</div>`;
  }

  #renderSurvey(locale: Locale) {
    const model = this.#controller.model!;
    const definition = model.definition;
    const level = this.#level;
    const hasRequired = definition.pages.some((p) => p.questions.some((q) => isAnswerable(q) && q.required));
    return html`<section part="base" class="survey" lang=${locale} aria-labelledby="survey-title">
      <header part="header">
        ${this.#heading(level, shown(definition.title, locale, model.sourceLocale), 'title', true, 'survey-title')}
        ${definition.description ? html`<p class="description">${shown(definition.description, locale, model.sourceLocale)}</p>` : nothing}
        ${hasRequired && !this.#controller.submitted ? html`<p class="required-legend">${this.#t('requiredLegend')}</p>` : nothing}
      </header>
      ${this.#controller.submitted ? this.#renderThankYou(locale) : this.#renderPage(locale)}
      ${
        // A new region for a new language: the status it holds is not news, and an existing live
        // region would speak it again in the other language ("Your answers are saved…").
        keyed(locale, html`<div part="status" class="status" role="status" aria-live="polite">${this.#renderStatus()}</div>`)
      }
      ${this.#renderDeliveryActions()}
    </section>`;
  }

  #renderProgress() {
    const progress = this.#controller.model!.progress;
    const remaining = progress.remaining ? this.#t('remaining', { count: progress.remaining }) : this.#t('remainingNone');
    return html`<div part="progress" class="progress">
      <p id="progress">
        <span>${this.#t('pageOf', { page: progress.page, total: progress.pages })}<span class="stop">.</span></span>
        <span aria-hidden="true"> · </span>
        <span>${remaining}</span>
      </p>
      <progress max=${progress.total || 1} .value=${progress.answered} aria-label=${this.#t('progress')}></progress>
    </div>`;
  }

  #renderPage(locale: Locale) {
    const model = this.#controller.model!;
    const page = model.page;
    const pageTitle = page.title
      ? shown(page.title, locale, model.sourceLocale)
      : this.#t('pageFallbackTitle', { page: model.progress.page });
    return html`${this.#renderKioskWarning()}${this.#renderNotices()}${this.#renderProgress()}
      <form part="form" novalidate @submit=${this.#onSubmit} @input=${this.#onInput} @change=${this.#onInput}
        @focusout=${this.#onFocusOut}>
        ${this.#renderSummary(locale)}
        ${
          // Focused on every page change, it says where the respondent is: "Strona 2 z 4 · Zostały 3 pytania",
          // shown above it, would otherwise only be heard by reading backwards.
          this.#heading(this.#level + 1, pageTitle, 'page-title', true, undefined, 'progress')
        }
        ${page.description ? html`<p class="description">${shown(page.description, locale, model.sourceLocale)}</p>` : nothing}
        <div class="questions">
          ${model.questionsOn().map((question) =>
            // One element per question: reused for another question (the next page's, or one
            // that a condition moved), an element kept what it showed when the value bound to
            // it had not changed since it was last set, so a respondent saw answers not given.
            // New ones after a fresh start, too: a reused element kept "touched" and showed the
            // previous person's errors on the next person's blank form.
            keyed(
              `${this.#round}:${question.id}`,
              renderQuestion(
                question,
                locale,
                model.sourceLocale,
                model.answer(question.id),
                model.answer(`${question.id}.other`),
                this.#errorText(question.id),
              ),
            ),
          )}
        </div>
        <div part="actions" class="actions">
          ${
            model.isFirstPage
              ? nothing
              : html`<button part="button" type="button" class="secondary" @click=${this.#onBack}>${this.#t('back')}</button>`
          }
          <button part="button button-primary" type="submit" class="primary">
            ${model.isLastPage ? this.#t('submit') : this.#t('next')}
          </button>
        </div>
      </form>`;
  }

  #renderStatus() {
    const status = this.#controller.status;
    // A one-off message ("ready for the next person") gives way to a status that comes with
    // buttons: "Spróbuj ponownie" alone would not say that the server refused or is not reached.
    const notice = !hasActions(status, this.kiosk) && this.notice;
    const text = notice ? this.#t(notice) : this.#statusText(status);
    // The same words stand in the notice above (restored answers, no storage): spoken once here,
    // not shown twice.
    return (notice ? this.#controller.restored : status?.state === 'storage-unavailable')
      ? html`<span class="visually-hidden">${text}</span>`
      : text;
  }

  #statusText(status: SessionStatus | undefined): string {
    switch (status?.state) {
      case 'saved':
        return this.#t('statusSaved');
      case 'offline':
        return this.#t('statusOffline');
      case 'sending':
        return this.#t('statusSending');
      case 'sent':
        return status.waiting ? this.#t('statusWaiting', { count: status.waiting }) : this.#t('statusSent');
      case 'waiting':
        return this.#t('statusWaiting', { count: status.waiting });
      // Without storage nothing is "kept on this device": the respondent is asked to download.
      case 'not-delivered':
        return this.#t(status.storageAvailable ? 'statusNotDelivered' : 'statusNotDeliveredMemory');
      case 'forbidden':
        return this.#t(status.storageAvailable ? 'statusForbidden' : 'statusForbiddenMemory');
      case 'storage-unavailable':
        return this.#t('statusStorageUnavailable');
      default:
        // A later visit: what the server refused earlier is still here, and its button needs a word.
        return status?.undelivered ? this.#t('statusNotDelivered') : '';
    }
  }

  /**
   * Buttons that go with the status: hand over what the server refused; try again after a refusal,
   * or while a response waits for the next attempt (minutes away after a few failures, and the
   * respondent may know the network is back before the browser does).
   */
  #renderDeliveryActions() {
    const status = this.#controller.status;
    const retry = status?.state === 'forbidden' || status?.state === 'waiting';
    if (!hasActions(status, this.kiosk)) return nothing;
    return html`<p class="delivery-actions">
      ${
        // Not at a kiosk: the file holds every response still on the device, and the next
        // person would take away the earlier ones' answers (they stay queued for delivery).
        (status.undelivered || status.state === 'forbidden') && !this.kiosk
          ? html`<button part="button" type="button" class="secondary" @click=${this.#exportUndelivered}>${this.#t('exportAnswers')}</button>`
          : nothing
      }
      ${
        retry
          ? html`<button part="button" type="button" class="secondary" @click=${() => this.#controller.retry()}>${this.#t('retry')}</button>`
          : nothing
      }
    </p>`;
  }

  #exportUndelivered = () => {
    const id = this.#parsed?.id ?? 'ankieta';
    const name = this.#locale === 'pl' ? 'niewyslane' : 'not-sent';
    download(this.renderRoot as ShadowRoot, `${id}-${name}.json`, 'application/json', this.#controller.exportUndelivered());
  };

  /** Shown above the form: answers restored from this device (with a way to start over), or no storage. */
  #renderNotices() {
    const controller = this.#controller;
    return html`${this.#renderStorageNotice()}
    ${
      // A reload after sending shows a fresh form: say so, lest the answers be sent twice. The
      // form stays, since someone else may be using the device (kiosk mode never says it).
      controller.completedBefore && !controller.restored && !this.kiosk && !controller.submitted
        ? html`<p part="notice" class="notice">${this.#t('statusCompletedBefore')}</p>`
        : nothing
    }
    ${
      controller.restored
        ? html`<p part="notice" class="notice">
          ${this.#t('statusRestored')}
          <button part="button" type="button" class="link" @click=${() => this.#startOver(false)}>${this.#t('startOver')}</button>
        </p>`
        : controller.cleared
          ? html`<p part="notice" class="notice">
              <button part="button" type="button" class="link" @click=${() => this.#startOver(true)}>${this.#t('undoStartOver')}</button>
            </p>`
          : nothing
    }`;
  }

  /** No storage: the form works in memory, and the page must stay open until the answers are sent. */
  #renderStorageNotice() {
    const status = this.#controller.status;
    return status?.storageAvailable === false && !(this.#controller.submitted && status.state === 'sent')
      ? html`<p part="notice" class="notice">${this.#t('statusStorageUnavailable')}</p>`
      : nothing;
  }

  /** A fresh form: new question elements (none "touched"), no errors from before. */
  #fresh = () => {
    this.#round++;
    this.summary = [];
    this.fieldErrors = new Map();
    // The page's messages were about answers that are gone.
    this.#custom = new Map();
  };

  /** "Zacznij od nowa", or its undo: back to the page and the answers it cleared. */
  async #startOver(undo: boolean) {
    // To the page heading before the notice holding this button goes, so focus never drops to <body>.
    this.renderRoot.querySelector<HTMLElement>('[part~="page-title"]')?.focus();
    const custom = this.#custom;
    this.#fresh();
    // The page's messages come back with the answers they were about.
    if (undo) {
      this.#controller.undoStartOver();
      this.#custom = this.#customCleared;
    } else {
      this.#customCleared = custom;
      await this.#controller.startOver(true);
    }
    this.notice = undo ? 'statusRestored' : 'statusCleared';
    this.#focusAfterRender = 'page';
  }

  #renderKioskWarning() {
    if (!this.kiosk || !this.#kiosk.warning) return nothing;
    const total = Math.min(20, Math.max(2, this.kioskIdle) / 2);
    return html`<div part="kiosk-warning" class="kiosk-warning">
      <p role="alert">${this.#t('kioskIdle', { count: Math.round(total) })}</p>
      <p class="countdown" aria-hidden="true">
        <span class="seconds">${this.#kiosk.secondsLeft}</span>
        <span class="line">${this.#t('kioskClearing', { count: this.#kiosk.secondsLeft })}</span>
      </p>
      <button part="button button-primary" type="button" class="primary" @click=${this.#continueFilling}>
        ${this.#t('kioskContinue')}
      </button>
    </div>`;
  }

  #continueFilling = () => {
    // Counted as activity: the warning goes, and the idle time starts again.
    this.#kiosk.filling();
    this.#focusAfterRender = this.#controller.submitted ? 'thanks' : 'page';
    this.requestUpdate();
  };

  /** Kiosk: a fresh form for the next person. */
  #nextPerson(): void {
    // Focus out of a text field the last person left it in, while their form is still there:
    // Chromium sends the field's change when the fresh form removes it, and the text went into
    // the next person's draft. Taken as their last answer now, it goes with their form; the idle
    // timer it restarts is stopped again until the next person starts.
    this.renderRoot.querySelector<HTMLElement>('[part~="page-title"]')?.focus();
    this.#kiosk.stop();
    void this.#controller.startOver();
    this.#fresh();
    this.notice = 'kioskNext';
    this.#focusAfterRender = 'title';
  }

  #renderSummary(locale: Locale) {
    if (!this.summary.length) return nothing;
    const model = this.#controller.model!;
    // Focused, it is read with its list (the description): a screen reader names a focused group only.
    return html`<div part="error-summary" class="error-summary" role="group" tabindex="-1" aria-labelledby="error-summary-title"
      aria-describedby="error-summary-list">
      ${this.#heading(this.#level + 1, this.#t('errorSummary', { count: this.summary.length }), 'error-summary-title', false, 'error-summary-title')}
      <ul id="error-summary-list">
        ${this.summary.map(([id, error]) => {
          // Only answerable questions have errors, and every one of them has a title. Its own full
          // stop or question mark would stand before the colon ("…w pracy.: proszę…").
          const title = shown((model.question(id) as AnswerableQuestion).title, locale, model.sourceLocale, (t) => t.replace(/[.?]$/, ''));
          const message = this.#message(error);
          // "Rola: proszę odpowiedzieć…", "Role: please answer…": after a colon the sentence goes on in
          // lower case, in Polish and in British English; not a page's message that starts with an
          // acronym ("PESEL ma 11 cyfr").
          return html`<li>
            <a href=${`#${controlId(id)}`} @click=${(event: Event) => this.#focusQuestion(event, id)}
              >${title}: ${/^\p{Lu}\p{Ll}/u.test(message) ? message[0]!.toLowerCase() + message.slice(1) : message}</a
            >
          </li>`;
        })}
      </ul>
    </div>`;
  }

  #renderThankYou(locale: Locale) {
    const model = this.#controller.model!;
    const definition = model.definition;
    const message = definition.thankYou ? shown(definition.thankYou, locale, model.sourceLocale) : this.#t('thankYou');
    return html`${this.#renderKioskWarning()}<div part="thank-you" class="thank-you">
      ${this.#heading(this.#level + 1, message, 'thank-you-title', true)}
      ${this.#renderStorageNotice()}
      ${
        definition.scoring
          ? html`<ankieta-results exportparts="base: results" .definition=${definition} .response=${this.#controller.submitted}
            locale=${locale} heading-level=${this.#level + 1}></ankieta-results>${
              // Not on a shared kiosk, where the next person should find nothing to take away.
              this.kiosk ? nothing : html`<p class="keep">${this.#t('resultsKeep')}</p>`
            }`
          : nothing
      }
      ${
        // The screen stays while it is used; whoever is done clears it for the next person.
        this.kiosk
          ? html`<button part="button" type="button" class="secondary" @click=${() => this.#kiosk.finish()}>${this.#t('kioskFinish')}</button>`
          : nothing
      }
    </div>`;
  }

  #errorText(questionId: string): string | undefined {
    const error = this.fieldErrors.get(questionId);
    return error && this.#message(error);
  }

  #message(error: FieldError): string {
    return typeof error === 'string' ? error : errorMessage(this.#locale, error);
  }

  /** The page's message for a question comes first, as on a native field; else the engine's error. */
  #errorOf(question: AnswerableQuestion): FieldError | undefined {
    return this.#custom.get(question.id) ?? this.#controller.model!.validateQuestion(question);
  }

  /** An error already shown follows the answer, and the page's message, as they are corrected; no new errors while typing. */
  #follow(id: string): void {
    const question = this.#controller.model?.question(id);
    if (!this.fieldErrors.has(id) || !question || !isAnswerable(question)) return;
    const error = this.#errorOf(question);
    const errors = new Map(this.fieldErrors);
    if (error) errors.set(id, error);
    else errors.delete(id);
    this.fieldErrors = errors;
  }

  /** A question element of this survey was given a message, or `''`, with setCustomValidity(). */
  #customValidity = (control: HTMLElement, message: string) => {
    const id = control.dataset.question!;
    // Given again to a new element by updated(): nothing new.
    if ((this.#custom.get(id) ?? '') === message) return;
    if (message) this.#custom.set(id, message);
    else this.#custom.delete(id);
    this.#follow(id);
  };

  #questionOf(event: Event): { element: HTMLElement; question: Question } | undefined {
    const element = event
      .composedPath()
      .find((node): node is HTMLElement => node instanceof HTMLElement && node.hasAttribute('data-question'));
    const question = element && this.#controller.model?.question(element.dataset.question!);
    return question && { element: element!, question };
  }

  #onInput = (event: Event) => {
    const found = this.#questionOf(event);
    if (!found) return;
    const { element, question } = found;
    const controller = this.#controller;
    // Not a change: the change Chromium sends from a text field the send button removed, when
    // focus stayed in it (a screen reader activating the button) took the thank-you screen
    // for a form in use, kept until the idle time.
    const changed = controller.answer(question.id, readAnswer(element, question), question.type === 'text');
    // A one-off message ("cleared", "ready for the next person") gives way to the saving status.
    this.notice = '';
    if (this.kiosk && changed) this.#kiosk.filling();
    if (question.type === 'choice' && question.other) {
      const otherText = (element as HTMLElement & { otherText?: string }).otherText;
      controller.answer(`${question.id}.other`, otherText ? otherText : undefined, true);
    }
    this.#follow(question.id);
  };

  #onFocusOut = () => this.#controller.flush();

  #onBack = () => {
    this.summary = [];
    if (this.#controller.back()) this.#focusAfterRender = 'page';
  };

  #onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const controller = this.#controller;
    const model = controller.model!;
    // The engine's errors and the page's messages (setCustomValidity() on a question element): of
    // this page for Next, of every page shown for Submit, as the engine checks them. Hidden
    // questions are not asked.
    const errors = new Map<string, FieldError>();
    for (const page of model.isLastPage ? model.shownPages : [model.pageIndex])
      for (const question of model.questionsOn(page)) {
        const error = isAnswerable(question) && this.#errorOf(question);
        if (error) errors.set(question.id, error);
      }
    if (errors.size) return this.#showErrors(errors);
    if (!model.isLastPage) {
      controller.next();
      this.summary = [];
      this.fieldErrors = new Map();
      this.#focusAfterRender = 'page';
      return;
    }
    controller.submit(this.#locale);
    if (this.kiosk) this.#kiosk.submitted(!!model.definition.scoring);
    this.summary = [];
    this.fieldErrors = new Map();
    this.notice = '';
    this.#focusAfterRender = 'thanks';
  };

  #showErrors(errors: Map<string, FieldError>): void {
    this.fieldErrors = errors;
    this.summary = [...errors];
    this.#focusAfterRender = 'summary';
  }

  async #focusQuestion(event: Event, questionId: string): Promise<void> {
    event.preventDefault();
    const page = this.#controller.model!.pageOf(questionId);
    if (page !== undefined) this.#controller.goTo(page);
    await this.updateComplete;
    const control = this.renderRoot.querySelector<HTMLElement>(`#${controlId(questionId)}`);
    control?.scrollIntoView?.({ block: 'center' });
    control?.focus();
  }
}

define('ankieta-survey', AnkietaSurvey);

declare global {
  interface HTMLElementTagNameMap {
    'ankieta-survey': AnkietaSurvey;
  }
}
