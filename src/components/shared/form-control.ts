import {
  LitElement,
  html,
  nothing,
  type PropertyValues,
  type TemplateResult,
  type PropertyDeclarations,
  type PropertyDeclaration,
} from 'lit';
import { normalizeAnswer } from '../../engine/answers.js';
import { errorMessage, validateAnswer, type ValidationError } from '../../engine/validate.js';
import { resolveLocale, translate, type MessageKey, type Vars } from '../../i18n/index.js';
import type { AnswerableQuestion, Locale } from '../../schema/definition.js';
import type { AnswerValue } from '../../schema/response.js';
import { FollowLang } from './follow-lang.js';
import { formControlStyles } from './form-control.styles.js';
import { base, theme } from './theme.js';

/** What a restored or autofilled form state can be (the submission value the element set). */
export type FormState = string | File | FormData | null;

/** A control that keeps its answer in `value`, as the defaults of FormControl's state methods read it. */
type Valued = { value: unknown };

/** The validity flag each engine error maps to, so `:invalid`/`validity` read like native controls. */
const FLAGS: Partial<Record<MessageKey, keyof ValidityStateFlags>> = {
  errorRequired: 'valueMissing',
  errorConsent: 'valueMissing',
  errorMatrixRows: 'valueMissing',
  errorOtherText: 'valueMissing',
  errorMaxLength: 'tooLong',
  errorEmail: 'typeMismatch',
  errorMinChoices: 'rangeUnderflow',
  errorMaxChoices: 'rangeOverflow',
  choicesExactly: 'rangeUnderflow', // too few; too many is rangeOverflow (syncForm)
};

/**
 * A full stop that is heard, not seen, after a text that ends without one: the parts of an
 * `aria-describedby` are read as one run ("Zdecydowanie nie Proszę odpowiedzieć…") otherwise.
 */
export const stop = (text: string) =>
  // Not after nothing (a lone "."), nor after trailing spaces ("Koniec ." reads the dot), nor after
  // a closing quote or bracket that follows a stop („Nie wiem.”).
  !text || text !== text.trimEnd() || /[.!?:;…]['")\]»”’]*$/.test(text) ? nothing : html`<span class="stop">.</span>`;

/**
 * Told of each setCustomValidity() on a question element, by the element's root node:
 * `<ankieta-survey>` keys its shadow root, which holds its question elements, and holds its pages
 * back on the messages, as a native form does.
 */
export const customValidityWatchers = new WeakMap<Node, (control: HTMLElement, message: string) => void>();

/** Whether a mouse button (or a tap's mousedown) is down, until just after its click. */
let pressing = false;
globalThis.addEventListener?.('mousedown', () => (pressing = true), true);
globalThis.addEventListener?.('mouseup', () => setTimeout(() => (pressing = false)), true);

/**
 * The form-associated base of every question element. Subclasses describe themselves as an
 * engine question (so a standalone control and `<ankieta-survey>` validate alike), say what
 * they submit, and render their inputs with the helpers below; this class owns ElementInternals,
 * validity, reset/restore/disabled callbacks, focus, error display and the native-like events.
 *
 * Errors follow the `:user-invalid` rule: the control's own message shows once the user has
 * changed something and left the control, or after an `invalid` event (form submit,
 * `reportValidity()`); it disappears as soon as the answer is fixed. An `error` set from outside
 * always shows and makes the control invalid, like `setCustomValidity()`.
 */
export abstract class FormControl extends LitElement {
  static formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [theme, base, formControlStyles];
  static override properties: PropertyDeclarations = {
    name: { reflect: true },
    label: {},
    hint: {},
    required: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    locale: {},
    error: {},
    quietErrors: { type: Boolean, attribute: 'quiet-errors' },
    textLang: { attribute: 'text-lang' },
    formDisabled: { state: true, attribute: false },
    ownErrorVisible: { state: true, attribute: false },
  };

  /** The form field name; reflected because form submission reads the attribute. */
  name = '';
  /** The question, shown in the `<legend>` or `<label>`. */
  label = '';
  /** Help text shown under the label and announced with the inputs. */
  hint = '';
  /** An answer is needed before the form submits (`valueMissing` until there is one). */
  required = false;
  /** Not answerable and not submitted, like a disabled native control. */
  disabled = false;
  /** `pl` or `en`; when absent, the closest `[lang]` decides. */
  locale?: Locale | undefined;
  /** An error message from outside (e.g. the survey); shown instead of the control's own. */
  error = '';
  /**
   * The error is not announced by a live region when it appears; it stays in the control's
   * description. For forms that announce errors themselves: `<ankieta-survey>` moves focus to an
   * error summary that lists every error with its question, and a live region per field would
   * then repeat each message without its question.
   */
  quietErrors = false;
  /**
   * The language of the question's own texts (label, hint, answers) when it is not `locale`: an
   * English survey shows a question given only in Polish. They get `lang`, so a screen reader
   * reads them in a Polish voice (WCAG 3.1.2); the element's own words stay in `locale`.
   */
  textLang?: Locale | undefined;

  /** Disabled by an ancestor `<fieldset disabled>` or the own attribute (`formDisabledCallback`). */
  protected formDisabled = false;
  private ownErrorVisible = false;

  protected readonly internals: ElementInternals = this.attachInternals();
  #interacted = false;
  #defaultState: unknown;
  #defaultCaptured = false;
  /** The error of the render in progress, so a matrix of 600 radios validates once, not 600 times. */
  #rendered = '';
  /** The unfit value last reported on the console. */
  #warned: string | undefined;

  constructor() {
    super();
    new FollowLang(this);
    this.addEventListener('invalid', () => {
      this.ownErrorVisible = true;
    });
    this.addEventListener('focusout', (event) => {
      const to = event.relatedTarget;
      const inside = to instanceof Node && (to === this || this.contains(to) || this.renderRoot.contains(to));
      if (!this.#interacted || inside) return;
      const show = () => (this.ownErrorVisible = true);
      // Focus taken by a press elsewhere (Next, just below): the error waits until the press is
      // over, or the text it adds would move the button from under the pointer and the click
      // would miss it.
      if (pressing) addEventListener('mouseup', () => setTimeout(show), { once: true, capture: true });
      else show();
    });
    // A press on an answer's label (not on a field): with delegatesFocus the browser would hand
    // focus to the first radio on mousedown and scroll it into view, so in a question taller than
    // the screen the click that follows lands elsewhere and picks nothing, or another answer.
    // The label's click still picks its answer and focuses it.
    this.addEventListener('mousedown', (event) => {
      if (!(event.composedPath()[0] as Element).closest?.('input,select,textarea,button')) event.preventDefault();
    });
  }

  /** This control as an engine question, for validation and answer normalisation. */
  protected abstract question(): AnswerableQuestion;
  /**
   * The current answer as the engine stores it (before normalisation). This and the state methods
   * below default to a control whose `value` is its answer, a whole number for `restoreState`.
   */
  protected rawAnswer(): unknown {
    return (this as unknown as Valued).value;
  }
  /** What the form submits for a normalised value; null submits nothing. */
  protected formValue(answer: AnswerValue): string | FormData | null {
    return String(answer);
  }
  /** A copy of what `form.reset()` returns to, taken when first connected. */
  protected captureState(): unknown {
    return (this as unknown as Valued).value;
  }
  protected applyState(state: unknown): void {
    (this as unknown as Valued).value = state;
  }
  /** Applies a state the browser restores (history) or autofills: what `formValue` produced. */
  protected restoreState(state: FormState): void {
    const n = typeof state === 'string' && state !== '' ? Number(state) : NaN;
    (this as unknown as Valued).value = Number.isInteger(n) ? n : null;
  }

  /** The "Other" text of a choice; validated together with the answer. */
  protected otherAnswerText(): string | undefined {
    return undefined;
  }

  /** Whether the own error should show before the user leaves (e.g. text past its limit). */
  protected eagerError(): boolean {
    return false;
  }

  get form(): HTMLFormElement | null {
    return this.internals.form;
  }
  /** The page's `<label for>` elements that point at this control, as on a native one. */
  get labels(): NodeList {
    return this.internals.labels;
  }
  /**
   * As on a native control: a message makes the control invalid (`customError`, the
   * `validationMessage`), shown as its own errors are, once the user has left it or the form is
   * checked (`reportValidity()`, a submit); `''` clears it. Apart from `error`, which the page or
   * the survey sets and which shows at once. Inside `<ankieta-survey>` it holds Next and Submit back
   * as it would a native form's submit, and the survey's error summary lists it.
   */
  setCustomValidity(message: string): void {
    this.#custom = String(message);
    this.syncForm();
    this.requestUpdate();
    customValidityWatchers.get(this.getRootNode())?.(this, this.#custom);
  }
  #custom = '';
  get validity(): ValidityState {
    return this.internals.validity;
  }
  get validationMessage(): string {
    return this.internals.validationMessage;
  }
  get willValidate(): boolean {
    return this.internals.willValidate;
  }
  checkValidity(): boolean {
    this.syncForm();
    return this.internals.checkValidity();
  }
  reportValidity(): boolean {
    this.syncForm();
    return this.internals.reportValidity();
  }

  /** Focuses the checked radio, else the first enabled inner control. */
  override focus(options?: FocusOptions): void {
    const target = this.focusTarget();
    if (target) target.focus(options);
    else super.focus(options);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.#defaultCaptured) {
      this.#defaultState = structuredClone(this.captureState());
      this.#defaultCaptured = true;
    }
    // What was set before the element joined the form counts from now, not from its first render.
    this.#syncNow();
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'aria-label', 'aria-labelledby'];
  }

  /** The attribute that holds the answer (`checked` on a consent), whose latest value `form.reset()` returns to. */
  protected static answerAttribute = 'value';

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    // As a native field's default follows its attribute: a template may write it once the data has come.
    if (name === (this.constructor as typeof FormControl).answerAttribute && this.#defaultCaptured)
      this.#defaultState = structuredClone(this.captureState());
    if (name.startsWith('aria-')) this.requestUpdate();
  }

  formResetCallback(): void {
    this.applyState(structuredClone(this.#defaultState));
    this.#interacted = false;
    this.ownErrorVisible = false;
  }

  formStateRestoreCallback(state: FormState, _mode: 'restore' | 'autocomplete'): void {
    this.restoreState(state);
  }

  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  /**
   * A value, `required` or option set from script (and `form.reset()`, which sets the value)
   * counts at once, as on a native control: a page may set an answer and submit in the same task.
   */
  override requestUpdate(name?: PropertyKey, oldValue?: unknown, options?: PropertyDeclaration): void {
    super.requestUpdate(name, oldValue, options);
    if (name && this.renderRoot && this[name as keyof this] !== oldValue) this.#syncNow();
  }

  /** The form reads `name` and `disabled` as attributes, which Lit reflects only when it renders. */
  #syncNow(): void {
    this.setAttribute('name', this.name);
    this.toggleAttribute('disabled', this.disabled);
    this.syncForm();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.#rendered = this.shownError;
    this.#shownName = this.questionName;
  }

  /** The name this render gives the question. */
  #shownName = '';
  /**
   * While the page names the element (no `label` of its own), its name can change without the
   * element changing: a `<label for>` rendered after it, a label's or heading's text edited. So
   * the page is watched then, and a new name renders at once, as a native field's would.
   */
  #nameWatch: MutationObserver | undefined;

  #watchName(): void {
    const watch = !this.label && (!!this.id || this.hasAttribute('aria-labelledby'));
    if (watch && !this.#nameWatch) {
      this.#nameWatch = new MutationObserver(() => this.questionName !== this.#shownName && this.requestUpdate());
      this.#nameWatch.observe(this.getRootNode(), { subtree: true, childList: true, characterData: true, attributeFilter: ['for', 'id'] });
    } else if (!watch) this.#unwatchName();
  }

  #unwatchName(): void {
    this.#nameWatch?.disconnect();
    this.#nameWatch = undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unwatchName();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.syncForm();
    this.#watchName();
    // A value set from script that fits none of the answers submits nothing, and the form would
    // only call the question unanswered: say so once, naming the element. (Not before there are
    // answers to fit: a framework may set the value before the options it loads.)
    const raw = this.rawAnswer();
    let text: string | undefined;
    try {
      text = JSON.stringify(raw);
    } catch {
      text = typeof raw; // a BigInt or a cycle
    }
    if (
      this.answer === undefined &&
      raw != null &&
      raw !== '' &&
      text !== this.#warned &&
      this.controls.length &&
      // A choice whose options are still on their way ("Other" alone is shown meanwhile).
      (this.question() as { options?: unknown[] }).options?.length !== 0
    ) {
      this.#warned = text;
      console.warn(`<${this.localName} name="${this.name}">: the value ${text} is none of its answers; nothing is submitted`);
    }
  }

  protected get isDisabled(): boolean {
    return this.disabled || this.formDisabled;
  }

  protected get resolvedLocale(): Locale {
    return resolveLocale(this.locale, this);
  }

  protected t(key: MessageKey, vars?: Vars): string {
    return translate(this.resolvedLocale, key, vars);
  }

  /** The answer if it fits the question (a known option, point, row), else undefined. */
  protected get answer(): AnswerValue | undefined {
    return normalizeAnswer(this.question(), this.rawAnswer());
  }

  #validationError(): ValidationError | undefined {
    return validateAnswer(this.question(), this.answer, this.otherAnswerText());
  }

  /** The error on screen right now: the outside one, else the own one once it may show. */
  protected get shownError(): string {
    if (this.error) return this.error;
    if (!this.ownErrorVisible && !this.eagerError()) return '';
    const own = this.#validationError();
    return this.#custom || (own ? errorMessage(this.resolvedLocale, own) : '');
  }

  /** Pushes the value and validity to the form; runs after every render and user change. */
  protected syncForm(): void {
    const answer = this.answer;
    this.internals.setFormValue(answer === undefined ? null : this.formValue(answer));
    const own = this.#validationError();
    const custom = this.error || this.#custom;
    if (!own && !custom) this.internals.setValidity({});
    else {
      const flags: ValidityStateFlags = {};
      if (own)
        flags[
          own.key === 'choicesExactly' && (answer as unknown[]).length > own.count! ? 'rangeOverflow' : (FLAGS[own.key] ?? 'customError')
        ] = true;
      if (custom) flags.customError = true;
      // A custom message comes first, as on a native field.
      this.internals.setValidity(flags, custom || errorMessage(this.resolvedLocale, own!), this.focusTarget());
    }
    this.#setState('user-invalid', this.shownError !== '');
  }

  #setState(name: string, on: boolean): void {
    // CustomStateSet is missing in older browsers and took `--name` before `:state()` shipped.
    const states = (this.internals as ElementInternals & { states?: Set<string> }).states;
    if (!states) return;
    try {
      if (on) states.add(name);
      else states.delete(name);
    } catch {
      if (on) states.add(`--${name}`);
      else states.delete(`--${name}`);
    }
  }

  /**
   * Records a user change and fires the host's own `input`/`change` (composed, so a parent
   * shadow root and the page both hear it). Inner `input` events are stopped by
   * `swallowInput` so that each change is heard once.
   */
  protected userChanged(kind: 'input' | 'change' | 'both'): void {
    this.#interacted = true;
    this.syncForm();
    if (kind !== 'change') this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    if (kind !== 'input') this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  /** Stops an inner `input` event, which is composed and would otherwise reach the page too. */
  protected swallowInput(event: Event): void {
    event.stopPropagation();
  }

  protected get controls(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('[part~="control"]')];
  }

  protected focusTarget(): HTMLElement | undefined {
    const enabled = this.controls.filter((c) => !(c as HTMLInputElement).disabled);
    return enabled.find((c) => c instanceof HTMLInputElement && c.type === 'radio' && c.checked) ?? enabled[0];
  }

  /** `aria-describedby` for an inner control: hint, extra ids (empty ones left out), then the error. */
  protected describedBy(...extra: string[]): string {
    return [this.hint ? 'hint' : '', ...extra, 'error'].filter(Boolean).join(' ');
  }

  /**
   * "false" until an error is shown, not absent: a required radio, checkbox or select that is
   * still empty is natively invalid, and Chromium announces every one of them as invalid from
   * the start unless `aria-invalid` says otherwise.
   */
  protected get invalidAttr(): 'true' | 'false' {
    return this.#rendered ? 'true' : 'false';
  }

  /**
   * The label text; the asterisk is decoration, the requirement is exposed on the inputs. A
   * no-break space keeps it with the last word (alone on a line at 320 px otherwise), inside the
   * hidden span so that the question's accessible name does not end in it.
   */
  protected renderLabelText(): TemplateResult {
    return html`${this.label ? this.own(this.label) : html`<span class="visually-hidden">${this.questionName}</span>`}${
      this.required ? html`<span class="required" aria-hidden="true">\u00a0*</span>` : nothing
    }`;
  }

  /**
   * The question's name: `label`, else what the page names the element with (`aria-label`,
   * `aria-labelledby`, a `<label for>`), which would otherwise name only the host and not the
   * inputs and groups inside it that a screen reader reads (WCAG 4.1.2).
   */
  protected get questionName(): string {
    const root = this.getRootNode() as Document;
    const text = (nodes: Iterable<Node | null | undefined>) =>
      [...nodes]
        .map((n) => n?.textContent?.trim())
        .filter(Boolean)
        .join(' ');
    return (
      this.label ||
      this.getAttribute('aria-label') ||
      text((this.getAttribute('aria-labelledby') ?? '').split(/\s+/).map((id) => root.getElementById?.(id))) ||
      text(this.internals.labels)
    );
  }

  /**
   * " (required)" for screen readers, where the control cannot expose the requirement itself:
   * Chromium exposes neither `required` nor `aria-required` of a checkbox or a select, and a
   * group of checkboxes has no required state at all. Radio groups use `aria-required`.
   */
  protected renderRequiredText(): TemplateResult | typeof nothing {
    return this.required ? html`<span class="visually-hidden"> (${this.t('required')})</span>` : nothing;
  }

  protected renderHint(): TemplateResult | typeof nothing {
    return this.hint
      ? html`<div part="hint" id="hint" class="hint" lang=${this.textLang ?? nothing}>${this.hint}${stop(this.hint)}</div>`
      : nothing;
  }

  /** A text of the question's (not the element's own words), marked with `text-lang`. */
  protected own(text: unknown): unknown {
    return this.textLang ? html`<span lang=${this.textLang}>${text}</span>` : text;
  }

  /**
   * The error as shown, and (unless `quiet-errors`, where a survey's error summary reads each
   * problem with its question) a live region, always rendered so that screen readers announce
   * what is put in it: the error with the question's name ("Ocena ogólna: proszę odpowiedzieć na
   * to pytanie.", as in a survey's error summary), since it is heard once focus has moved on to
   * another question. In Polish the message goes on in lower case after the colon, unless it
   * starts with an acronym ("RODO").
   */
  protected renderError(): TemplateResult {
    return html`<div part="error" id="error" class="error">${this.#rendered}</div>${
      this.quietErrors
        ? nothing
        : html`<div class="visually-hidden" aria-live="polite">${
            this.#rendered &&
            html`${this.own(this.questionName.replace(/[.?]$/, ''))}: ${
              this.resolvedLocale === 'pl' && /^\p{Lu}\p{Ll}/u.test(this.#rendered)
                ? this.#rendered[0]!.toLowerCase() + this.#rendered.slice(1)
                : this.#rendered
            }`
          }</div>`
    }`;
  }
}
