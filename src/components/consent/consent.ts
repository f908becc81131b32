import { html, nothing, type PropertyDeclarations } from 'lit';
import { define } from '../shared/define.js';
import { live } from '../shared/live.js';
import type { ConsentQuestion } from '../../schema/definition.js';
import { FormControl, stop, type FormState } from '../shared/form-control.js';
import { consentStyles } from './consent.styles.js';

/**
 * @summary An information clause (e.g. the RODO art. 13 notice) and a consent checkbox.
 *
 * The answer is `checked`; the form submits `value` (default `on`) while it is ticked.
 * `required` means the box must be ticked to submit.
 *
 * @event input - The user ticked or unticked the box (bubbles, composed).
 * @event change - The user ticked or unticked the box (bubbles, composed); once per change.
 *
 * @csspart base - The `<fieldset>` (a wrapper when there is no `label`).
 * @csspart label - The `<legend>` with the question title.
 * @csspart text - The information clause.
 * @csspart hint - The help text.
 * @csspart error - The error message (a polite live region).
 * @csspart option - The checkbox's `<label>`.
 * @csspart control - The checkbox.
 *
 * @cssproperty --ankieta-consent-color - Colour of the ticked box; defaults to the accent colour.
 */
export class AnkietaConsent extends FormControl {
  static override styles = [...FormControl.styles, consentStyles];
  // Its answer is whether it is ticked: `value` is only what a ticked box submits.
  protected static override answerAttribute = 'checked';
  static override properties: PropertyDeclarations = {
    text: {},
    checkboxLabel: { attribute: 'checkbox-label' },
    checked: { type: Boolean },
    value: {},
  };

  /** The information clause shown above the checkbox; line breaks are kept. */
  text = '';
  /** The checkbox label; defaults to the catalog's "Wyrażam zgodę". */
  checkboxLabel = '';
  /** Whether the box is ticked: the answer. The attribute gives the initial state. */
  checked = false;
  /** What the form submits while the box is ticked. */
  value = 'on';

  protected question(): ConsentQuestion {
    return { id: 'consent', type: 'consent', title: this.label, text: this.text, required: this.required };
  }
  protected override rawAnswer(): unknown {
    // Truthy as the box shows it: a framework may set the text "false", which a native checkbox ticks too.
    return !!this.checked;
  }
  protected override formValue(): string | null {
    return this.checked ? this.value : null;
  }
  protected override captureState(): unknown {
    return this.checked;
  }
  protected override applyState(state: unknown): void {
    this.checked = state as boolean;
  }
  protected override restoreState(state: FormState): void {
    this.checked = typeof state === 'string' && state !== '';
  }

  protected override render() {
    const box = html`
      <label part="option" class="option">
        <input
          part="control"
          type="checkbox"
          .checked=${live(this.checked)}
          ?required=${this.required}
          ?disabled=${this.isDisabled}
          aria-invalid=${this.invalidAttr}
          aria-describedby=${
            // The error before the clause, which can run to hundreds of words: heard last, it was missed.
            this.describedBy() + (this.text ? ' text' : '')
          }
          @change=${this.#onChange}
          @input=${this.swallowInput}
        />
        <span>${this.checkboxLabel ? this.own(this.checkboxLabel) : this.t('consentAgree')}${this.questionName ? nothing : this.#asterisk()}${this.renderRequiredText()}</span>
      </label>
    `;
    const body = html`
      ${this.text ? html`<div part="text" id="text" class="text" lang=${this.textLang ?? nothing}>${this.text}${stop(this.text)}</div>` : nothing} ${this.renderHint()} ${box}
      ${this.renderError()}
    `;
    return this.questionName
      ? html`<fieldset part="base" class="base">
          <legend part="label" class="label">${this.renderLabelText()}</legend>
          ${body}
        </fieldset>`
      : html`<div part="base" class="base">${body}</div>`;
  }

  #asterisk() {
    return this.required ? html`<span class="required" aria-hidden="true">\u00a0*</span>` : nothing;
  }

  #onChange(event: Event): void {
    this.checked = (event.target as HTMLInputElement).checked;
    this.userChanged('both');
  }
}

define('ankieta-consent', AnkietaConsent);

declare global {
  interface HTMLElementTagNameMap {
    'ankieta-consent': AnkietaConsent;
  }
}
