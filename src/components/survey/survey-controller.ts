import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Locale, SurveyDefinition } from '../../schema/definition.js';
import type { Answers, Response } from '../../schema/response.js';
import { SurveyModel, uuid, type ValidationError } from '../../engine/index.js';
import { OfflineSession, type Draft, type SessionStatus } from '../../sync/index.js';
import { getFlag, setFlag } from '../../store/flags.js';
import { emit } from './events.js';

export interface SessionSettings {
  endpoint?: string;
  persist: boolean;
}

/**
 * The one place that wires engine, store and sync together for `<ankieta-survey>`: it owns
 * the survey model and the offline session, turns respondent actions into model changes,
 * saved drafts and events, and completes the response on submit. The element only renders
 * what this controller holds.
 */
export class SurveyController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  model: SurveyModel | undefined;
  /** The submitted response, once the respondent has finished. */
  submitted: Response | undefined;
  /** Saving and delivery, as the live region reports it. */
  status: SessionStatus | undefined;
  /** Whether the answers on screen came back from a draft saved earlier on this device. */
  restored = false;
  /** Whether this survey was completed on this device before (a reload after sending, say). */
  completedBefore = false;
  /** What "Zacznij od nowa" cleared, until the next answer: a button brings it back meanwhile. */
  cleared: { answers: Answers; pageId: string; draft: Draft | undefined } | undefined;
  /** Called when the form starts afresh by itself (its draft was sent from another tab). */
  onFresh?: () => void;
  #session: OfflineSession | undefined;
  /**
   * Tells this device's other tabs and placements which draft was just completed (its id) or
   * read (`[id, updatedAt]`).
   */
  #drafts: BroadcastChannel | undefined;
  /** An answer was given here since the draft was read, here or in another tab. */
  #edited = false;
  #settings: SessionSettings = { persist: false };
  #starting = false;
  /** The settings the open session was made with. */
  #opened: SessionSettings = this.#settings;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    // Missing, or refused where storage is (Firefox blocking third-party storage): tabs are
    // then not told of each other's drafts.
    try {
      this.#drafts = new BroadcastChannel('ankieta-drafts');
      this.#drafts.onmessage = this.#completedElsewhere;
    } catch {
      // Nothing to tell them with.
    }
    // Moved in the page (e.g. into a launcher's dialog): carry on with a fresh session.
    if (this.model && !this.#session) void this.#openSession(this.model.definition);
  }

  hostDisconnected(): void {
    this.#drafts?.close();
    // A send that completes after this must not post on the closed channel (it throws).
    this.#drafts = undefined;
    this.#session?.dispose();
    this.#session = undefined;
  }

  /**
   * Starts a pass through a (validated) definition, restoring this device's draft of it, if any:
   * one last written within `maxAge` ms (a kiosk's idle time), or any.
   */
  async start(definition: SurveyDefinition, settings: SessionSettings, maxAge = Infinity): Promise<void> {
    this.#session?.dispose();
    this.#session = undefined;
    this.#settings = settings;
    this.submitted = undefined;
    this.restored = false;
    this.cleared = undefined;
    this.#edited = false;
    this.#starting = true;
    let draft;
    try {
      draft = await this.#openSession(definition, maxAge);
    } finally {
      this.#starting = false;
    }
    this.model = new SurveyModel(definition, draft);
    this.restored = !!draft && Object.keys(draft.answers).length > 0;
    // The answers given in another tab so far are in this copy: sent from here, they are sent.
    if (this.restored) this.#drafts?.postMessage([draft!.responseId, draft!.updatedAt]);
    // Set by #openSession (TypeScript still has the undefined of above).
    this.completedBefore = getFlag(`completed:${definition.id}`) || !!(this.#session as OfflineSession | undefined)?.completedBefore;
    // Changed while the draft was being read.
    this.configure(this.#settings);
    this.#host.requestUpdate();
  }

  /**
   * `endpoint` or `persist` changed after the survey started (a framework setting attributes
   * late): the session opens again with them, and the answers on screen stay. Before, the
   * response went on being kept for the old endpoint (none) and was never sent.
   */
  configure(settings: SessionSettings): void {
    this.#settings = settings;
    const opened = this.#opened;
    // While start() reads a draft, the model may still be the previous survey's: start() itself
    // applies the new settings once its own model is in place.
    if (
      this.#starting ||
      !this.model ||
      !this.#session ||
      ((opened.endpoint || null) === (settings.endpoint || null) && opened.persist === settings.persist)
    )
      return;
    this.hostDisconnected();
    this.hostConnected();
  }

  async #openSession(definition: SurveyDefinition, maxAge = Infinity) {
    this.#opened = this.#settings;
    const session = new OfflineSession({
      surveyId: definition.id,
      endpoint: this.#settings.endpoint || null,
      persist: this.#settings.persist,
    });
    this.#session = session;
    let previous: SessionStatus['state'] | undefined;
    let retrying = false;
    session.addEventListener('status', (event) => {
      const next = event.detail;
      // After a failed attempt the retries keep saying "N waiting": a screen reader would
      // otherwise hear "sending" and "waiting" again on every attempt while the outage lasts.
      retrying =
        next.state === 'sending' || next.state === 'waiting' ? retrying || (previous === 'sending' && next.state === 'waiting') : false;
      previous = next.state;
      this.status = retrying && next.state === 'sending' ? { ...next, state: next.waiting ? 'waiting' : 'sent' } : next;
      this.#host.requestUpdate();
    });
    session.addEventListener('queued', (event) => emit(this.#host, 'ankieta-queued', event.detail));
    session.addEventListener('sent', (event) => emit(this.#host, 'ankieta-sent', event.detail));
    session.addEventListener('error', (event) => {
      const { kind, message, status, responseId } = event.detail;
      emit(this.#host, 'ankieta-error', { kind, message, status, responseId });
    });
    // Reopened on reconnecting (hostConnected), it keeps the answers on screen and ignores the draft.
    const draft = await session.restore();
    // Left longer ago than `maxAge` (a kiosk's idle reset would have cleared it): removed.
    // (Or dated ahead by more: written while the device's clock was fast.)
    if (draft && Math.abs(Date.now() - draft.updatedAt) > maxAge) return void (await session.startOver());
    return draft;
  }

  /** Records an answer given in the form and saves it on the device (text as it is typed). */
  /**
   * Records an answer the respondent gave in a question element (which already shows it). The
   * survey renders again only when what it draws from the answers changed: the questions shown,
   * the pages, the progress. Typing in a long page then costs one element's update, not the page's.
   */
  answer(questionId: string, value: unknown, typing: boolean): boolean {
    const model = this.model;
    if (!model) return false;
    const before = layout(model);
    if (!model.setAnswer(questionId, value)) return false;
    this.#edited = true;
    if (this.cleared) {
      this.cleared = undefined;
      this.#host.requestUpdate();
    }
    void this.#session?.saveAnswer(questionId, model.answer(questionId), { immediate: !typing });
    if (!questionId.endsWith('.other')) emit(this.#host, 'ankieta-answer', { questionId, value: model.answer(questionId) });
    if (layout(model) !== before) this.#host.requestUpdate();
    return true;
  }

  /** Writes text still being typed (wired to leaving a field). */
  flush(): void {
    void this.#session?.flushDraft();
  }

  /** Validates the current page and moves on; on success fires `ankieta-page`. */
  next(): Map<string, ValidationError> | undefined {
    const result = this.model!.next();
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
    void this.#session?.savePage(model.page.id);
    emit(this.#host, 'ankieta-page', { index: model.pageIndex, pageId: model.page.id });
    this.#host.requestUpdate();
  }

  /**
   * Validates every shown question and, if all is well, builds the response with the id and
   * start time of this device's draft and fires the cancelable `ankieta-submit`. Unless a
   * listener cancels it (and delivers the response itself), the draft becomes an outbox item
   * in one transaction and delivery starts. Returns the errors, if any, as `next()` does.
   */
  submit(locale: Locale): Map<string, ValidationError> | undefined {
    // A second press before the thank-you screen replaced the button (two clicks in one task)
    // sent a second response under a new id.
    if (this.submitted) return undefined;
    const model = this.model!;
    const errors = model.validateAll();
    if (errors.size) return errors;
    const session = this.#session;
    // Times to the hour: to the millisecond they tie a response to another survey sent from the
    // same page (the e-mail for materials) or to the previous person at a kiosk.
    const hour = (time: string | number) => new Date(Math.floor(new Date(time).getTime() / 36e5) * 36e5).toISOString();
    const response = model.toResponse({
      id: session?.responseId ?? uuid(),
      locale,
      startedAt: hour(session?.startedAt ?? Date.now()),
      submittedAt: hour(Date.now()),
    });
    const proceed = emit(this.#host, 'ankieta-submit', { response }, true);
    this.submitted = response;
    this.restored = false;
    this.cleared = undefined;
    setFlag(`completed:${response.surveyId}`);
    this.#host.requestUpdate();
    // The thank-you screen does not wait for storage; the status region reports what follows.
    // Sent here or by the page's own listener: a copy of this draft elsewhere is not to be sent
    // again. Said once it is stored as completed, so a copy with answers of its own moves them
    // to a new id.
    const sent = () => this.#drafts?.postMessage(response.id);
    if (session && proceed)
      void session.complete(response).then((queued) => {
        this.submitted = queued;
        sent();
      });
    else if (session) void session.startOver().then(sent);
    return undefined;
  }

  /**
   * Clears every answer and this device's draft, and returns to the first page. `undoable`: the
   * respondent's own "Zacznij od nowa", one tap that would otherwise lose every answer for good;
   * what it cleared stays in memory for undoStartOver() until the next answer.
   */
  async startOver(undoable = false): Promise<void> {
    const model = this.model;
    if (!model) return;
    this.cleared = undoable ? { answers: model.answers, pageId: model.page.id, draft: this.#session?.draft } : undefined;
    model.clear();
    this.submitted = undefined;
    this.restored = false;
    this.#edited = false;
    this.#host.requestUpdate();
    await this.#session?.startOver();
    this.#pageChanged();
  }

  /** Brings back what the respondent's "Zacznij od nowa" cleared: the answers, saved on the device again, and the page. */
  undoStartOver(): void {
    const { model, cleared } = this;
    if (!model || !cleared) return;
    this.cleared = undefined;
    // As before the clearing: the answers of a draft, with "Zacznij od nowa" above them again.
    this.restored = true;
    for (const [id, value] of Object.entries(cleared.answers)) model.setAnswer(id, value);
    this.#edited = true;
    model.goTo(model.definition.pages.findIndex((page) => page.id === cleared.pageId));
    // The same draft, under its id: a copy in another tab still starts afresh once one is sent.
    if (cleared.draft) void this.#session?.resumeDraft({ ...cleared.draft, answers: model.answers, pageId: model.page.id });
    this.#pageChanged();
    this.flush();
  }

  /**
   * The draft on screen was just sent from another tab (opened twice on a bad connection, say).
   * Untouched here, the form is only a copy of what was sent, and sending it again made a second
   * response: it starts afresh, as a reload would, saying the survey was completed on this device.
   * Answers given here since the other tab read the draft stay, and a submit sends them as a
   * response of their own.
   */
  #completedElsewhere = ({ data }: MessageEvent<string | [string, number]>) => {
    const model = this.model;
    const session = this.#session;
    if (typeof data !== 'string') {
      // Read in another tab: what was answered here until then goes with that copy (an answer
      // given here since, even one still waiting to be written, is later than the copy). Any
      // script of the origin can post on the channel: a message of another shape is ignored.
      if (session && data?.[0] === session.responseId && session.draft.updatedAt <= data[1]) this.#edited = false;
      return;
    }
    // The draft "Zacznij od nowa" cleared here was sent there: bringing it back would send it twice.
    if (data === this.cleared?.draft?.responseId) {
      this.cleared = undefined;
      this.completedBefore = true;
      this.#host.requestUpdate();
    }
    if (!model || !session || data !== session.responseId || this.submitted) return;
    // Answers given here go as a response of their own: under a new id from now on, so the
    // ankieta-submit they get carries that id, not the one just sent.
    if (this.#edited) return void session.keepDraft();
    session.forgetDraft();
    model.clear();
    this.restored = false;
    this.cleared = undefined;
    this.completedBefore = true;
    this.onFresh?.();
    this.#host.requestUpdate();
  };

  /** Sends waiting responses now (after the server refused access, or on request). */
  retry(): void {
    void this.#session?.retry();
  }

  /** The responses the server refused and those still waiting, as JSON to hand over. */
  exportUndelivered(): string {
    return this.#session?.exportUndelivered() ?? '{}';
  }
}

/** What `<ankieta-survey>` draws from the answers besides the elements' own values. */
function layout(model: SurveyModel): string {
  const { answered, total } = model.progress;
  return `${answered}/${total}/${model.shownPages.join()}/${model
    .questionsOn()
    .map((question) => question.id)
    .join()}`;
}
