import { html, nothing, type PropertyDeclarations } from 'lit';
import { define } from '../shared/define.js';
import { live } from '../shared/live.js';
import type { NpsQuestion } from '../../schema/definition.js';
import { asPoint } from '../shared/scale-points.js';
import { FormControl, stop } from '../shared/form-control.js';
import { npsStyles } from './nps.styles.js';
import { range } from '../../schema/builtins.js';

const POINTS = range(11);

/**
 * @summary "How likely are you to recommend…": eleven radios 0–10 with visible numbers and
 * the two anchor labels.
 *
 * The anchor labels describe the 0 and 10 radios (`aria-describedby`), so a screen reader
 * hears "0, Zdecydowanie nie". On narrow screens the numbers wrap onto two rows.
 *
 * @event input - The user picked a number (bubbles, composed).
 * @event change - The user picked a number (bubbles, composed); once per change.
 *
 * @csspart base - The `<fieldset>`.
 * @csspart label - The `<legend>` with the question.
 * @csspart hint - The help text.
 * @csspart error - The error message (a polite live region).
 * @csspart option - Each number's box (`<label>`).
 * @csspart control - Each (visually hidden) radio.
 *
 * @cssproperty --ankieta-nps-color - Background of the chosen number; defaults to the accent colour.
 */
export class AnkietaNps extends FormControl {
  static override styles = [...FormControl.styles, npsStyles];
  static override properties: PropertyDeclarations = {
    minLabel: { attribute: 'min-label' },
    maxLabel: { attribute: 'max-label' },
    value: { type: Number },
  };

  /** Text under 0; defaults to the catalog's "Zdecydowanie nie". */
  minLabel = '';
  /** Text under 10; defaults to the catalog's "Na pewno". */
  maxLabel = '';
  /** The chosen number 0–10, or null. */
  value: number | null = null;

  protected question(): NpsQuestion {
    return { id: 'nps', type: 'nps', title: this.label, required: this.required };
  }
  protected override rawAnswer(): unknown {
    return asPoint(this.value);
  }

  protected override render() {
    const chosen = this.answer as number | undefined;
    return html`
      <fieldset part="base" class="base" role="radiogroup" aria-required=${this.required ? 'true' : nothing} ?disabled=${this.isDisabled}>
        <legend part="label" class="label">${this.renderLabelText()}</legend>
        ${this.renderHint()}
        <div class="track">
          <div class="numbers">
            ${POINTS.map(
              (n) => html`
                <label part="option" class="number">
                  <input
                    part="control"
                    class="visually-hidden"
                    type="radio"
                    name="nps"
                    .value=${String(n)}
                    .checked=${live(chosen === n)}
                    ?required=${this.required}
                    aria-invalid=${this.invalidAttr}
                    aria-describedby=${this.describedBy(n === 0 ? 'min-label' : n === 10 ? 'max-label' : '')}
                    @change=${this.#onChange}
                    @input=${this.swallowInput}
                  />
                  <span class="box">${n}</span>
                </label>
              `,
            )}
          </div>
          <div class="anchors">
            ${this.#anchor('min-label', this.minLabel, 'npsMinLabel')}${this.#anchor('max-label', this.maxLabel, 'npsMaxLabel')}
          </div>
        </div>
        ${this.renderError()}
      </fieldset>
    `;
  }

  #anchor(id: string, own: string, key: 'npsMinLabel' | 'npsMaxLabel') {
    const text = own || this.t(key);
    return html`<span id=${id}>${own ? this.own(own) : text}${stop(text)}</span>`;
  }

  #onChange(event: Event): void {
    this.value = Number((event.target as HTMLInputElement).value);
    this.userChanged('both');
  }
}

define('ankieta-nps', AnkietaNps);

declare global {
  interface HTMLElementTagNameMap {
    'ankieta-nps': AnkietaNps;
  }
}
