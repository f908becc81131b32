import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { define } from '../shared/define.js';
import { live } from '../shared/live.js';
import type { MatrixQuestion } from '../../schema/definition.js';
import { NOT_APPLICABLE } from '../../schema/constants.js';
import { FormControl, type FormState } from '../shared/form-control.js';
import { asPoint, engineScaleFields, parseScaleAnswer, resolveScale, type PointSpec, type ScaleAnswer } from '../shared/scale-points.js';
import { matrixStyles } from './matrix.styles.js';

/** A row as a developer passes it in the `rows` property. */
export interface MatrixRowSpec {
  id: string;
  label: string;
}

export type MatrixValue = Record<string, ScaleAnswer>;

/**
 * Columns only while every heading's longest word fits its column; else the rows stay stacked.
 * One observer for every matrix: all headers are read first, then every class is set, so the
 * page is laid out once however many matrices it has. Made when the first matrix renders, not
 * on import: a server render or a jsdom test has no ResizeObserver.
 */
let headers: ResizeObserver | undefined;
/**
 * @summary Several items rated on one scale: one radio group per row.
 *
 * Each row is a nested `<fieldset>` whose `<legend>` is the row label, and each radio is named
 * by its point label, so every answer reads fully ("Catering, group: Dobrze"). When the control
 * is wide enough for the longest word of every point label, the points line up as columns under
 * a visible header (hidden from assistive tech, which gets the radios' own names), no word cut;
 * otherwise each row stacks with visible labels.
 * The form gets `<name>.<rowId>` entries; `required` means every row needs an answer.
 *
 * @event input - The user answered a row (bubbles, composed).
 * @event change - The user answered a row (bubbles, composed); once per change.
 *
 * @csspart base - The outer `<fieldset>`.
 * @csspart label - The outer `<legend>` with the question.
 * @csspart hint - The help text.
 * @csspart error - The error message (a polite live region).
 * @csspart row - Each row's `<fieldset>`.
 * @csspart option - Each answer's `<label>`.
 * @csspart control - Each radio.
 *
 * @cssproperty --ankieta-matrix-color - Colour of chosen radios; defaults to the accent colour.
 * @cssproperty --ankieta-matrix-stripe - Background of every other row; defaults to the alternative surface.
 */
export class AnkietaMatrix extends FormControl {
  static override styles = [...FormControl.styles, matrixStyles];
  static override properties: PropertyDeclarations = {
    rows: { attribute: false },
    scale: {},
    points: { attribute: false },
    notApplicable: { type: Boolean, attribute: 'not-applicable' },
    naLabel: { attribute: 'na-label' },
    value: { attribute: false },
  };

  /** The items rated, `{id, label}`, each on the same scale; null or undefined is none. */
  rows: MatrixRowSpec[] | null | undefined = [];

  /**
   * The header is measured when the observer reports (after layout, before paint), never in the
   * update itself: reading its width there made the browser lay out the whole page once per
   * matrix, about 60 ms of main-thread time for a page of 30. Observing again makes it report
   * once more, for new words at the same size; a change of answer alone changes no word.
   */
  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.size === 1 && changed.has('value')) return;
    const header = this.renderRoot.querySelector('.header')!;
    (headers ??= new ResizeObserver((entries) => {
      const fits = entries.map(({ target }) => target.firstElementChild!.scrollWidth <= target.firstElementChild!.clientWidth + 1);
      entries.forEach(({ target }, i) => target.parentElement!.classList.toggle('fits', fits[i]!));
    })).unobserve(header);
    headers.observe(header);
  }

  /** The rows, none while a framework passes null or undefined (its data still loading). */
  get #rows(): MatrixRowSpec[] {
    return this.rows ?? [];
  }
  /** A named scale: `agree5` (default) or `quality5`. Ignored when `points` is set. */
  scale = 'agree5';
  /** Custom points `{value, label}`, shown lowest first. */
  points?: PointSpec[] | undefined;
  /** Adds a "not applicable" column, value `'na'`. */
  notApplicable = false;
  /** Replaces the built-in label of the "not applicable" answer. */
  naLabel = '';
  /** The answer of each answered row, by row id. */
  value: MatrixValue = {};

  protected question(): MatrixQuestion {
    return { id: 'matrix', type: 'matrix', title: this.label, required: this.required, rows: this.#rows, ...engineScaleFields(this) };
  }
  /** Answers for rows that no longer exist are dropped, so they do not void the rest. */
  protected override rawAnswer(): unknown {
    const value = this.value ?? {};
    const answers: MatrixValue = {};
    for (const row of this.#rows) if (Object.hasOwn(value, row.id)) answers[row.id] = asPoint(value[row.id]) as ScaleAnswer;
    return answers;
  }
  protected override formValue(answer: MatrixValue): FormData {
    const data = new FormData();
    if (!this.name) return data;
    for (const row of this.#rows) if (row.id in answer) data.append(`${this.name}.${row.id}`, String(answer[row.id]));
    return data;
  }
  protected override applyState(state: unknown): void {
    this.value = (state as MatrixValue | null) ?? {};
  }
  protected override restoreState(state: FormState): void {
    const answers: MatrixValue = {};
    const prefix = `${this.name}.`;
    if (state instanceof FormData) {
      for (const [key, text] of state.entries()) {
        const answer = typeof text === 'string' && key.startsWith(prefix) ? parseScaleAnswer(text) : null;
        if (answer !== null) answers[key.slice(prefix.length)] = answer;
      }
    }
    this.value = answers;
  }

  /** A required matrix's rows still without an answer. */
  #unanswered(): string[] {
    const answers = (this.answer ?? {}) as MatrixValue;
    return this.required ? this.#rows.filter((row) => !Object.hasOwn(answers, row.id)).map((row) => row.id) : [];
  }

  /** The first row still to answer (the error summary's link and the form's validation land there). */
  protected override focusTarget(): HTMLElement | undefined {
    const [first] = this.#unanswered();
    return (first && this.controls.find((c) => c.dataset.row === first && !(c as HTMLInputElement).disabled)) || super.focusTarget();
  }

  protected override render() {
    const { points, na } = resolveScale(this, this.resolvedLocale, (text) => this.own(text));
    const answers = (this.answer ?? {}) as MatrixValue;
    // While an error shows, a required matrix marks the rows still to answer.
    const missing = new Set(this.invalidAttr === 'true' ? this.#unanswered() : []);
    // Any other error (a non-required matrix's, set by the page) marks every row.
    const invalid = (rowId: string) => (missing.size ? missing.has(rowId) : this.invalidAttr === 'true');
    const cell = (rowId: string, index: number, value: ScaleAnswer, label: unknown, extra = '') => html`
      <label part="option" class="cell option ${extra}">
        <input
          part="control"
          type="radio"
          name="row-${index}"
          data-row=${rowId}
          .value=${String(value)}
          .checked=${live(answers[rowId] === value)}
          ?required=${this.required}
          aria-invalid=${invalid(rowId)}
          @change=${this.#onChange}
          @input=${this.swallowInput}
        />
        <span class="point-label">${label}</span>
      </label>
    `;
    return html`
      <fieldset part="base" class="base" ?disabled=${this.isDisabled} aria-describedby=${this.hint ? 'hint' : nothing}>
        <legend part="label" class="label">${this.renderLabelText()}</legend>
        ${this.renderHint()}
        <div class="header" aria-hidden="true">
          <div class="cells">
            ${points.map((p) => html`<span class="cell">${p.label}</span>`)}
            ${na === undefined ? nothing : html`<span class="cell na">${na}</span>`}
          </div>
        </div>
        ${this.#rows.map(
          (row, index) => html`
            <fieldset part="row" class=${missing.has(row.id) ? 'row missing' : 'row'} role="radiogroup" aria-required=${this.required ? 'true' : nothing}
              aria-describedby=${
                // The error describes each row once, as focus enters it: on all of a 4 × 6 matrix's
                // radios it was read again on every arrow press, and a 5 × 5 matrix held it 25
                // times. The hint describes the question's group once, not every row.
                invalid(row.id) ? 'error' : nothing
              }>
              <legend class="row-label">${this.own(row.label)}${missing.has(row.id) ? html`<span class="row-missing"> – ${this.t('rowMissing')}</span>` : nothing}</legend>
              <div class="cells">
                ${points.map((p) => cell(row.id, index, p.value, p.label))}
                ${na === undefined ? nothing : cell(row.id, index, NOT_APPLICABLE, na, 'na')}
              </div>
            </fieldset>
          `,
        )}
        ${this.renderError()}
      </fieldset>
    `;
  }

  #onChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    // Every radio holds a point or "na", so the answer is never null.
    this.value = { ...this.value, [input.dataset.row!]: parseScaleAnswer(input.value)! };
    this.userChanged('both');
  }
}

define('ankieta-matrix', AnkietaMatrix);

declare global {
  interface HTMLElementTagNameMap {
    'ankieta-matrix': AnkietaMatrix;
  }
}
