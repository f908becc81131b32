import { html, nothing, type PropertyDeclarations } from 'lit';
import { define } from '../shared/define.js';
import { live } from '../shared/live.js';
import { maxLengthOf } from '../../engine/validate.js';
import type { TextQuestion } from '../../schema/definition.js';
import { FormControl, stop, type FormState } from '../shared/form-control.js';
import { textStyles } from './text.styles.js';

/**
 * @summary A single-line or multi-line text answer, with an optional length limit and e-mail
 * format.
 *
 * The limit is not enforced by the native `maxlength` attribute: typing or pasting past it is
 * possible, the counter says by how much, and the control becomes invalid with a translated
 * message. Enter in a single-line field submits the surrounding form, like a native input.
 *
 * @event input - The user typed (bubbles, composed); once per edit.
 * @event change - The user committed the text by leaving the field (bubbles, composed).
 *
 * @csspart base - The wrapper.
 * @csspart label - The `<label>` with the question.
 * @csspart hint - The help text.
 * @csspart error - The error message (a polite live region).
 * @csspart control - The `<input>` or `<textarea>`.
 * @csspart counter - The "characters left" counter.
 */
export class AnkietaText extends FormControl {
  static override styles = [...FormControl.styles, textStyles];
  static override properties: PropertyDeclarations = {
    multiline: { type: Boolean, reflect: true },
    maxLength: { type: Number, attribute: 'maxlength' },
    format: {},
    placeholder: {},
    autocomplete: {},
    value: {},
  };

  /** A `<textarea>` instead of a single-line input. */
  multiline = false;
  /** The length limit; shows a counter. Without it the engine's default limit still applies. */
  maxLength?: number | undefined;
  /** `email`: an e-mail field (keyboard, autofill and format check). */
  format?: 'email' | undefined;
  /** An example shown in the empty field; the question itself belongs in `label`. */
  placeholder = '';
  /** The `autocomplete` token of the inner field; `email` by default for the e-mail format. */
  autocomplete?: string | undefined;
  /** The text given. */
  value = '';

  /** The text when the last `change` fired (or the field was focused). */
  #committed = '';

  get #limit(): number {
    return maxLengthOf(this.question());
  }

  protected question(): TextQuestion {
    const max = Math.round(Number(this.maxLength));
    return {
      id: 'text',
      type: 'text',
      title: this.label,
      required: this.required,
      multiline: this.multiline,
      maxLength: max >= 1 ? max : undefined,
      format: this.format === 'email' ? 'email' : undefined,
    };
  }
  protected override restoreState(state: FormState): void {
    this.value = typeof state === 'string' ? state : '';
  }
  protected override eagerError(): boolean {
    return (this.value ?? '').length > this.#limit;
  }

  protected override render() {
    const email = this.format === 'email';
    const hint = this.hint || (email ? this.t('emailHint') : '');
    const counted = this.maxLength !== undefined && this.maxLength >= 1;
    const describedBy = [hint ? 'hint' : '', counted ? 'counter' : '', 'error'].filter(Boolean).join(' ');
    const autocomplete = this.autocomplete || (email ? 'email' : nothing);
    return html`
      <div part="base" class="base">
        <label part="label" class="label" for="control">${this.renderLabelText()}</label>
        ${
          // The e-mail example is the element's own words; a hint given to it is the question's.
          hint
            ? html`<div part="hint" id="hint" class="hint" lang=${(this.hint && this.textLang) || nothing}>${hint}${stop(hint)}</div>`
            : nothing
        }
        ${
          this.multiline
            ? html`<textarea
              id="control"
              part="control"
              class="field"
              rows="4"
              .value=${live(this.value ?? '')}
              placeholder=${this.placeholder || nothing}
              autocomplete=${autocomplete}
              ?required=${this.required}
              ?disabled=${this.isDisabled}
              aria-invalid=${this.invalidAttr}
              aria-describedby=${describedBy}
              @input=${this.#onInput}
              @focus=${this.#onFocus}
              @change=${this.#commit}
            ></textarea>`
            : html`<input
              id="control"
              part="control"
              class="field"
              type=${email ? 'email' : 'text'}
              inputmode=${email ? 'email' : nothing}
              spellcheck=${email ? 'false' : nothing}
              .value=${live(this.value ?? '')}
              placeholder=${this.placeholder || nothing}
              autocomplete=${autocomplete}
              ?required=${this.required}
              ?disabled=${this.isDisabled}
              aria-invalid=${this.invalidAttr}
              aria-describedby=${describedBy}
              @input=${this.#onInput}
              @focus=${this.#onFocus}
              @change=${this.#commit}
              @keydown=${this.#onKeydown}
            />`
        }
        ${counted ? this.#renderCounter() : nothing} ${this.renderError()}
      </div>
    `;
  }

  #renderCounter() {
    const left = this.#limit - (this.value ?? '').length;
    return html`<div part="counter" id="counter" class="counter ${left < 0 ? 'over' : ''}">
      ${left >= 0 ? this.t('charactersLeft', { count: left }) : this.t('charactersTooMany', { count: -left })}<span class="stop">.</span>
    </div>`;
  }

  #onInput(event: Event): void {
    event.stopPropagation();
    this.value = (event.target as HTMLInputElement | HTMLTextAreaElement).value;
    this.userChanged('input');
  }

  #onFocus(): void {
    this.#committed = this.value ?? '';
  }

  /** Fires `change` when the text differs from what was last committed, as a native field does. */
  #commit(): void {
    if (this.value === this.#committed) return;
    this.#committed = this.value;
    this.userChanged('change');
  }

  /**
   * Enter commits and submits the form, like implicit submission of a native field. The native
   * default is prevented because it would fire a second `change` after the submit.
   */
  #onKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Enter' || event.isComposing || !this.form) return;
    event.preventDefault();
    this.#commit();
    this.form.requestSubmit();
  }
}

define('ankieta-text', AnkietaText);

declare global {
  interface HTMLElementTagNameMap {
    'ankieta-text': AnkietaText;
  }
}
