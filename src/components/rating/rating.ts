import { html, nothing, svg, type PropertyDeclarations } from 'lit';
import { define } from '../shared/define.js';
import { live } from '../shared/live.js';
import type { RatingQuestion } from '../../schema/definition.js';
import { asPoint } from '../shared/scale-points.js';
import { FormControl, stop } from '../shared/form-control.js';
import { ratingStyles } from './rating.styles.js';
import { range } from '../../schema/builtins.js';

const STAR = svg`<path d="M12 2.6l2.9 6 6.6.8-4.9 4.5 1.3 6.5L12 17.2l-5.9 3.2 1.3-6.5-4.9-4.5 6.6-.8z" />`;

/**
 * @summary A star rating from 1 to `max`: a native radio group, one star per answer.
 *
 * Each star is a radio whose accessible name is "4 z 5" ("4 of 5"); arrow keys move the choice
 * inside the group, Space picks the focused star. Nothing advances on its own.
 *
 * @event input - The user picked a star (bubbles, composed).
 * @event change - The user picked a star (bubbles, composed); once per change.
 *
 * @csspart base - The `<fieldset>`.
 * @csspart label - The `<legend>` with the question.
 * @csspart hint - The help text.
 * @csspart error - The error message (a polite live region).
 * @csspart option - Each star's `<label>`.
 * @csspart control - Each (visually hidden) radio.
 *
 * @cssproperty --ankieta-rating-color - Fill of chosen stars; defaults to the accent colour.
 * @cssproperty --ankieta-rating-size - Star size (default 2rem, at least 32 px; the target is at least 44 px).
 */
export class AnkietaRating extends FormControl {
  static override styles = [...FormControl.styles, ratingStyles];
  static override properties: PropertyDeclarations = {
    max: { type: Number },
    minLabel: { attribute: 'min-label' },
    maxLabel: { attribute: 'max-label' },
    value: { type: Number },
  };

  /** Number of stars, 3 to 10. */
  max = 5;
  /** Text under the first star, e.g. "Bardzo źle". */
  minLabel = '';
  /** Text under the last star. */
  maxLabel = '';
  /** The chosen number of stars, or null. */
  value: number | null = null;

  get #max(): number {
    const max = Math.round(Number(this.max));
    return Number.isFinite(max) ? Math.min(10, Math.max(3, max)) : 5;
  }

  protected question(): RatingQuestion {
    return { id: 'rating', type: 'rating', title: this.label, required: this.required, max: this.#max };
  }
  protected override rawAnswer(): unknown {
    return asPoint(this.value);
  }

  protected override render() {
    const max = this.#max;
    const chosen = this.answer as number | undefined;
    const stars = range(max, 1);
    return html`
      <fieldset part="base" class="base" role="radiogroup" aria-required=${this.required ? 'true' : nothing} ?disabled=${this.isDisabled}>
        <legend part="label" class="label">${this.renderLabelText()}</legend>
        ${this.renderHint()}
        <div class="track">
          <div class="stars">
          ${stars.map(
            (n) => html`
              <label part="option" class="star ${chosen !== undefined && n <= chosen ? 'filled' : ''}">
                <input
                  part="control"
                  class="visually-hidden"
                  type="radio"
                  name="rating"
                  .value=${String(n)}
                  .checked=${live(chosen === n)}
                  ?required=${this.required}
                  aria-invalid=${this.invalidAttr}
                  aria-describedby=${this.describedBy(this.#anchorFor(n, max))}
                  @change=${this.#onChange}
                  @input=${this.swallowInput}
                />
                <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">${STAR}</svg>
                <span class="visually-hidden">${this.t('ratingValue', { value: n, max })}</span>
              </label>
            `,
          )}
          </div>
          ${
            this.minLabel || this.maxLabel
              ? html`<div class="anchors">
                <span id="min-label">${this.own(this.minLabel)}${stop(this.minLabel)}</span><span id="max-label">${this.own(this.maxLabel)}${stop(this.maxLabel)}</span>
              </div>`
              : nothing
          }
        </div>
        ${this.renderError()}
      </fieldset>
    `;
  }

  #anchorFor(n: number, max: number): string {
    if (n === 1 && this.minLabel) return 'min-label';
    if (n === max && this.maxLabel) return 'max-label';
    return '';
  }

  #onChange(event: Event): void {
    this.value = Number((event.target as HTMLInputElement).value);
    this.userChanged('both');
  }
}

define('ankieta-rating', AnkietaRating);

declare global {
  interface HTMLElementTagNameMap {
    'ankieta-rating': AnkietaRating;
  }
}
