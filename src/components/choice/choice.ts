import { html, nothing, type PropertyDeclarations } from 'lit';
import { define } from '../shared/define.js';
import { live } from '../shared/live.js';
import type { ChoiceQuestion } from '../../schema/definition.js';
import { OTHER, OTHER_SUFFIX } from '../../schema/constants.js';
import { FormControl, type FormState } from '../shared/form-control.js';
import { choiceStyles } from './choice.styles.js';

/** An option as a developer passes it in the `options` property. */
export interface ChoiceOptionSpec {
  value: string;
  label: string;
}

/**
 * @summary One answer (radios or a native `<select>`) or several (`multiple`: checkboxes), with
 * an optional "Other" answer that asks for its text.
 *
 * The form gets one entry per chosen value under `name`, and the "Other" text under
 * `<name>.other` while "Other" is chosen. `display="dropdown"` applies to single choice only.
 *
 * @event input - The user changed the choice or typed in the "Other" field (bubbles, composed).
 * @event change - The user changed the choice, or committed the "Other" text (bubbles, composed).
 *
 * @csspart base - The `<fieldset>` (radios, checkboxes) or wrapper (dropdown).
 * @csspart label - The `<legend>` or `<label>` with the question.
 * @csspart hint - The help text.
 * @csspart error - The error message (a polite live region).
 * @csspart option - Each option's `<label>` (radios, checkboxes).
 * @csspart control - Each radio or checkbox, the `<select>`, and the "Other" text field.
 *
 * @cssproperty --ankieta-choice-color - Colour of chosen radios and checkboxes; defaults to the accent colour.
 */
export class AnkietaChoice extends FormControl {
  static override styles = [...FormControl.styles, choiceStyles];
  static override properties: PropertyDeclarations = {
    options: { attribute: false },
    multiple: { type: Boolean, reflect: true },
    other: { type: Boolean },
    otherLabel: { attribute: 'other-label' },
    otherText: { attribute: 'other-text' },
    display: {},
    minChoices: { type: Number, attribute: 'min-choices' },
    maxChoices: { type: Number, attribute: 'max-choices' },
    value: { attribute: false },
  };

  /** The answers `{value, label}`, in the order shown; null or undefined is none. */
  options: ChoiceOptionSpec[] | null | undefined = [];
  /** Checkboxes; the value becomes an array. */
  multiple = false;
  /** Adds the option `'other'` with a text field. */
  other = false;
  /** Replaces the built-in label of the "Other" option. */
  otherLabel = '';
  /** The text typed for "Other"; submitted as `<name>.other` while "Other" is chosen. */
  otherText = '';
  /** `radio` (default) or `dropdown` (a native `<select>`, single choice only). */
  display: 'radio' | 'dropdown' = 'radio';
  /** With `multiple`: the fewest answers accepted. */
  minChoices?: number | undefined;
  /** With `multiple`: the most answers accepted. */
  maxChoices?: number | undefined;
  /** The chosen value (single; null when none) or values in option order (multiple; [] when none). */
  get value(): string | string[] | null {
    return this.#value ?? (this.multiple ? [] : null);
  }
  set value(value: string | string[] | null) {
    this.#value = value;
  }
  #value: string | string[] | null = null;

  /** The options, none while a framework passes null or undefined (its data still loading). */
  get #options(): ChoiceOptionSpec[] {
    return Array.isArray(this.options) ? this.options : [];
  }

  get #all(): ChoiceOptionSpec[] {
    return this.other ? [...this.#options, { value: OTHER, label: this.otherLabel || this.t('other') }] : this.#options;
  }

  get #chosen(): string[] {
    const answer = this.answer;
    if (answer === undefined) return [];
    return Array.isArray(answer) ? answer : [answer as string];
  }

  protected question(): ChoiceQuestion {
    return {
      id: 'choice',
      type: 'choice',
      title: this.label,
      required: this.required,
      options: this.#options,
      multiple: this.multiple,
      other: this.other,
      minChoices: this.minChoices,
      maxChoices: this.maxChoices,
    };
  }
  protected override otherAnswerText(): string | undefined {
    return this.#chosen.includes(OTHER) ? this.otherText : undefined;
  }
  protected override formValue(): FormData {
    const data = new FormData();
    if (!this.name) return data;
    for (const value of this.#chosen) data.append(this.name, value);
    const other = this.otherAnswerText();
    if (other) data.append(`${this.name}${OTHER_SUFFIX}`, other);
    return data;
  }
  protected override captureState(): unknown {
    return { value: this.value, otherText: this.otherText };
  }
  protected override applyState(state: unknown): void {
    ({ value: this.value, otherText: this.otherText } = state as { value: string | string[] | null; otherText: string });
  }
  protected override restoreState(state: FormState): void {
    if (typeof state === 'string') {
      this.value = this.multiple ? [state] : state;
      return;
    }
    const values = state instanceof FormData ? state.getAll(this.name).filter((v): v is string => typeof v === 'string') : [];
    const other = state instanceof FormData ? state.get(`${this.name}${OTHER_SUFFIX}`) : null;
    this.value = this.multiple ? values : (values[0] ?? null);
    this.otherText = typeof other === 'string' ? other : '';
  }

  /** An "Other" chosen but not yet written lands in its field (the first error the engine names). */
  protected override focusTarget(): HTMLElement | undefined {
    const field = this.renderRoot.querySelector<HTMLInputElement>('#other-text');
    return field && !field.value.trim() ? field : super.focusTarget();
  }

  protected override render() {
    return this.display === 'dropdown' && !this.multiple ? this.#renderDropdown() : this.#renderGroup();
  }

  /** How many boxes to tick, said before the first error does (WCAG 3.3.2). */
  #limits(): string | undefined {
    const { minChoices: min, maxChoices: max } = this;
    if (!this.multiple) return undefined;
    if (min === undefined) return max === undefined ? undefined : this.t('errorMaxChoices', { count: max });
    if (max === undefined) return this.t('errorMinChoices', { count: min });
    return min === max ? this.t('choicesExactly', { count: max }) : this.t('choicesRange', { min, count: max });
  }

  #renderGroup() {
    const chosen = this.#chosen;
    const limits = this.#limits();
    return html`
      <fieldset
        part="base"
        class="base"
        role=${this.multiple ? nothing : 'radiogroup'}
        aria-required=${this.required && !this.multiple ? 'true' : nothing}
        ?disabled=${this.isDisabled}
      >
        <legend part="label" class="label">${this.renderLabelText()}${this.multiple ? this.renderRequiredText() : nothing}</legend>
        ${this.renderHint()}${limits ? html`<div id="limits" class="hint">${limits}</div>` : nothing}
        <div class="options">
          ${this.#all.map(
            (option) => html`
              <label part="option" class="option">
                <input
                  part="control"
                  type=${this.multiple ? 'checkbox' : 'radio'}
                  name="choice"
                  .value=${option.value}
                  .checked=${live(chosen.includes(option.value))}
                  ?required=${this.required && !this.multiple}
                  aria-invalid=${this.invalidAttr}
                  aria-describedby=${
                    // Not twice: an error that repeats the limit ("at most 1") stands for it.
                    this.describedBy(limits && limits !== this.shownError ? 'limits' : '')
                  }
                  @change=${this.#onToggle}
                  @input=${this.swallowInput}
                />
                <span>${option.value === OTHER && !this.otherLabel ? option.label : this.own(option.label)}</span>
              </label>
            `,
          )}
        </div>
        ${this.#renderOtherField(chosen)} ${this.renderError()}
      </fieldset>
    `;
  }

  #renderDropdown() {
    const chosen = this.#chosen;
    return html`
      <div part="base" class="base">
        <label part="label" class="label" for="control">${this.renderLabelText()}${this.renderRequiredText()}</label>
        ${this.renderHint()}
        <select
          id="control"
          part="control"
          class="field"
          ?disabled=${this.isDisabled}
          ?required=${this.required}
          aria-invalid=${this.invalidAttr}
          aria-describedby=${this.describedBy()}
          @change=${this.#onSelect}
          @input=${this.swallowInput}
        >
          <option value="" .selected=${live(chosen.length === 0)}>${this.t('choose')}</option>
          ${this.#all.map(
            (option) => html`<option .value=${option.value} .selected=${live(chosen.includes(option.value))}
              lang=${(option.value !== OTHER || this.otherLabel) && this.textLang ? this.textLang : nothing}>${option.label}</option>`,
          )}
        </select>
        ${this.#renderOtherField(chosen)} ${this.renderError()}
      </div>
    `;
  }

  #renderOtherField(chosen: string[]) {
    if (!chosen.includes(OTHER)) return nothing;
    return html`
      <div class="other">
        <label class="other-label" for="other-text"
          >${this.t('otherSpecify')}${
            // Beside a dropdown the field is in no group that names the question, so its label does.
            this.display === 'dropdown' && !this.multiple && this.questionName
              ? html`<span class="visually-hidden"> (${this.label ? this.own(this.label) : this.questionName})</span>`
              : nothing
          }</label
        >
        <input
          id="other-text"
          part="control"
          class="field"
          type="text"
          required
          ?disabled=${this.isDisabled}
          .value=${live(this.otherText)}
          aria-invalid=${this.invalidAttr}
          aria-describedby=${this.describedBy()}
          @input=${this.#onOtherInput}
          @change=${this.#onOtherChange}
        />
      </div>
    `;
  }

  #onToggle(event: Event): void {
    const input = event.target as HTMLInputElement;
    if (!this.multiple) this.value = input.value;
    else {
      const chosen = new Set(this.#chosen);
      if (input.checked) chosen.add(input.value);
      else chosen.delete(input.value);
      this.value = this.#all.map((o) => o.value).filter((v) => chosen.has(v));
    }
    this.userChanged('both');
  }

  #onSelect(event: Event): void {
    this.value = (event.target as HTMLSelectElement).value || null;
    this.userChanged('both');
  }

  #onOtherInput(event: Event): void {
    event.stopPropagation();
    this.otherText = (event.target as HTMLInputElement).value;
    this.userChanged('input');
  }

  #onOtherChange(): void {
    this.userChanged('change');
  }
}

define('ankieta-choice', AnkietaChoice);

declare global {
  interface HTMLElementTagNameMap {
    'ankieta-choice': AnkietaChoice;
  }
}
