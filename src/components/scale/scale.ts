import { html, nothing, type PropertyDeclarations } from 'lit';
import { define } from '../shared/define.js';
import { live } from '../shared/live.js';
import type { ScaleQuestion } from '../../schema/definition.js';
import { NOT_APPLICABLE } from '../../schema/constants.js';
import { FormControl, type FormState } from '../shared/form-control.js';
import { asPoint, engineScaleFields, parseScaleAnswer, resolveScale, type PointSpec, type ScaleAnswer } from '../shared/scale-points.js';
import { scaleStyles } from './scale.styles.js';

/**
 * @summary A labelled Likert scale: one radio per point with its text, and an optional
 * "not applicable" answer set apart from the scored points.
 *
 * Named scales (`agree5`, `quality5`) bring their Polish and English labels; `points` gives a
 * custom scale. Points sit in a row when the control is wide and stack when it is narrow.
 *
 * @event input - The user picked an answer (bubbles, composed).
 * @event change - The user picked an answer (bubbles, composed); once per change.
 *
 * @csspart base - The `<fieldset>`.
 * @csspart label - The `<legend>` with the question.
 * @csspart hint - The help text.
 * @csspart error - The error message (a polite live region).
 * @csspart option - Each answer's `<label>`.
 * @csspart control - Each radio.
 *
 * @cssproperty --ankieta-scale-color - Colour of the chosen radio; defaults to the accent colour.
 */
export class AnkietaScale extends FormControl {
  static override styles = [...FormControl.styles, scaleStyles];
  static override properties: PropertyDeclarations = {
    scale: {},
    points: { attribute: false },
    notApplicable: { type: Boolean, attribute: 'not-applicable' },
    naLabel: { attribute: 'na-label' },
    value: { converter: { fromAttribute: parseScaleAnswer } },
  };

  /** A named scale: `agree5` (default) or `quality5`. Ignored when `points` is set. */
  scale = 'agree5';
  /** Custom points `{value, label}`, shown lowest first. */
  points?: PointSpec[] | undefined;
  /** Adds the "not applicable / don't know" answer, value `'na'`. */
  notApplicable = false;
  /** Replaces the built-in label of the "not applicable" answer. */
  naLabel = '';
  /** The chosen point, `'na'`, or null. */
  value: ScaleAnswer | null = null;

  protected question(): ScaleQuestion {
    return { id: 'scale', type: 'scale', title: this.label, required: this.required, ...engineScaleFields(this) };
  }
  protected override rawAnswer(): unknown {
    return asPoint(this.value);
  }
  protected override restoreState(state: FormState): void {
    this.value = typeof state === 'string' ? parseScaleAnswer(state) : null;
  }

  protected override render() {
    const { points, na } = resolveScale(this, this.resolvedLocale, (text) => this.own(text));
    const chosen = this.answer;
    const option = (value: ScaleAnswer, label: unknown, extra = '') => html`
      <label part="option" class="option ${extra}">
        <input
          part="control"
          type="radio"
          name="scale"
          .value=${String(value)}
          .checked=${live(chosen === value)}
          ?required=${this.required}
          aria-invalid=${this.invalidAttr}
          aria-describedby=${this.describedBy()}
          @change=${this.#onChange}
          @input=${this.swallowInput}
        />
        <span class="text">${label}</span>
      </label>
    `;
    return html`
      <fieldset part="base" class="base" role="radiogroup" aria-required=${this.required ? 'true' : nothing} ?disabled=${this.isDisabled}>
        <legend part="label" class="label">${this.renderLabelText()}</legend>
        ${this.renderHint()}
        <div class="points">${points.map((p) => option(p.value, p.label))}</div>
        ${na === undefined ? nothing : option(NOT_APPLICABLE, na, 'na')}
        ${this.renderError()}
      </fieldset>
    `;
  }

  #onChange(event: Event): void {
    this.value = parseScaleAnswer((event.target as HTMLInputElement).value);
    this.userChanged('both');
  }
}

define('ankieta-scale', AnkietaScale);

declare global {
  interface HTMLElementTagNameMap {
    'ankieta-scale': AnkietaScale;
  }
}
