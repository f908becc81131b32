import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Locale, LocalizedText, MatrixQuestion, Question, ScaleQuestion } from '../../schema/definition.js';
import type { AnswerValue } from '../../schema/response.js';
import { display, languageOf } from '../../engine/text.js';
import { maxLengthOf } from '../../engine/validate.js';
import { otherKey } from '../../engine/answers.js';

/** The element id of a question's control, the target of the error summary's links. */
export const controlId = (questionId: string) => `q-${questionId}`;

const text = (value: LocalizedText | undefined, locale: Locale) => (value === undefined ? undefined : display(value, locale));

/** The language `value` is shown in when it is not `locale` (it fell back to the other one). */
export const otherLang = (value: LocalizedText | undefined, locale: Locale, source: Locale): Locale | undefined => {
  const lang = languageOf(value, locale, source);
  return lang === locale ? undefined : lang;
};

/** A definition text as shown, inside `<span lang>` when it is not in `locale` (WCAG 3.1.2). */
export function shown(value: LocalizedText, locale: Locale, source: Locale, shape = (text: string) => text): unknown {
  const lang = otherLang(value, locale, source);
  const shaped = shape(display(value, locale));
  return lang ? html`<span lang=${lang}>${shaped}</span>` : shaped;
}

/**
 * Localised lists (options, rows, points) made once per question and locale: a new array on
 * every render would make each control update on every keystroke anywhere on the page.
 */
const lists = new WeakMap<object, Map<string, unknown>>();
function once<T>(owner: object, key: string, make: () => T): T {
  let forOwner = lists.get(owner);
  if (!forOwner) lists.set(owner, (forOwner = new Map()));
  if (!forOwner.has(key)) forOwner.set(key, make());
  return forOwner.get(key) as T;
}
/** Shared "no answer yet" values, for the same reason (frozen: controls never change them in place). */
const NO_ROWS = Object.freeze({}) as Record<string, number | string>;
const NO_CHOICES = Object.freeze([]) as unknown as string[];

/** Custom points are labelled here; named scales are labelled by the control in its locale. */
function scaleAttributes(question: ScaleQuestion | MatrixQuestion, locale: Locale) {
  return {
    scale: question.scale,
    points:
      question.points &&
      once(question, `points:${locale}`, () => question.points!.map((p) => ({ value: p.value, label: display(p.label, locale) }))),
    notApplicable: !!question.notApplicable,
    naLabel: typeof question.notApplicable === 'boolean' ? undefined : text(question.notApplicable, locale),
  };
}

/**
 * The question element for one question of a definition, bound to its answer (and its "Other"
 * text) and to its translated error message, if it shows one. `source` is the language of the
 * definition's plain-string texts. Every text is passed as a property or attribute, so
 * definition content is rendered as inert text.
 */
export function renderQuestion(
  question: Question,
  locale: Locale,
  source: Locale,
  value: AnswerValue | undefined,
  otherText: AnswerValue | undefined,
  error: string | undefined,
): TemplateResult {
  if (question.type === 'info') {
    return html`<div class="info" part="info" id=${controlId(question.id)} data-question=${question.id}>
      ${question.title ? html`<p class="info-title">${shown(question.title, locale, source)}</p>` : nothing}
      <p>${shown(question.text, locale, source)}</p>
    </div>`;
  }
  // One language for all of a question's texts, its title's: the element marks them with it.
  const textLang = otherLang(question.title, locale, source);
  const id = controlId(question.id);
  const label = display(question.title, locale);
  const hint = text(question.hint, locale);
  const required = !!question.required;
  switch (question.type) {
    case 'rating':
      return html`<ankieta-rating id=${id} data-question=${question.id} quiet-errors text-lang=${ifDefined(textLang)} name=${question.id} label=${label} hint=${ifDefined(hint)}
        ?required=${required} locale=${locale} .value=${value ?? null} .error=${error ?? ''} max=${question.max ?? 5}
        min-label=${ifDefined(text(question.minLabel, locale))} max-label=${ifDefined(text(question.maxLabel, locale))}></ankieta-rating>`;
    case 'nps':
      return html`<ankieta-nps id=${id} data-question=${question.id} quiet-errors text-lang=${ifDefined(textLang)} name=${question.id} label=${label} hint=${ifDefined(hint)}
        ?required=${required} locale=${locale} .value=${value ?? null} .error=${error ?? ''}
        min-label=${ifDefined(text(question.minLabel, locale))} max-label=${ifDefined(text(question.maxLabel, locale))}></ankieta-nps>`;
    case 'scale': {
      const s = scaleAttributes(question, locale);
      return html`<ankieta-scale id=${id} data-question=${question.id} quiet-errors text-lang=${ifDefined(textLang)} name=${question.id} label=${label} hint=${ifDefined(hint)}
        ?required=${required} locale=${locale} .value=${value ?? null} .error=${error ?? ''} scale=${ifDefined(s.scale)}
        .points=${s.points} ?not-applicable=${s.notApplicable} na-label=${ifDefined(s.naLabel)}></ankieta-scale>`;
    }
    case 'matrix': {
      const s = scaleAttributes(question, locale);
      const rows = once(question, `rows:${locale}`, () => question.rows.map((row) => ({ id: row.id, label: display(row.label, locale) })));
      return html`<ankieta-matrix id=${id} data-question=${question.id} quiet-errors text-lang=${ifDefined(textLang)} name=${question.id} label=${label} hint=${ifDefined(hint)}
        ?required=${required} locale=${locale} .value=${value ?? NO_ROWS} .error=${error ?? ''} .rows=${rows}
        scale=${ifDefined(s.scale)} .points=${s.points} ?not-applicable=${s.notApplicable} na-label=${ifDefined(s.naLabel)}></ankieta-matrix>`;
    }
    case 'choice': {
      const options = once(question, `options:${locale}`, () =>
        question.options.map((o) => ({ value: o.value, label: display(o.label, locale) })),
      );
      const otherLabel = typeof question.other === 'boolean' ? undefined : text(question.other, locale);
      return html`<ankieta-choice id=${id} data-question=${question.id} quiet-errors text-lang=${ifDefined(textLang)} name=${question.id} label=${label} hint=${ifDefined(hint)}
        ?required=${required} locale=${locale} .value=${value ?? (question.multiple ? NO_CHOICES : null)} .error=${error ?? ''}
        .options=${options} ?multiple=${!!question.multiple} ?other=${!!question.other} other-label=${ifDefined(otherLabel)}
        .otherText=${typeof otherText === 'string' ? otherText : ''} data-other-key=${otherKey(question.id)}
        display=${question.display ?? 'radio'} min-choices=${ifDefined(question.minChoices)}
        max-choices=${ifDefined(question.maxChoices)}></ankieta-choice>`;
    }
    case 'text':
      return html`<ankieta-text id=${id} data-question=${question.id} quiet-errors text-lang=${ifDefined(textLang)} name=${question.id} label=${label} hint=${ifDefined(hint)}
        ?required=${required} locale=${locale} .value=${typeof value === 'string' ? value : ''} .error=${error ?? ''}
        ?multiline=${!!question.multiline} maxlength=${ifDefined(question.multiline ? maxLengthOf(question) : question.maxLength)} format=${ifDefined(question.format)}
        placeholder=${ifDefined(text(question.placeholder, locale))}></ankieta-text>`;
    case 'consent':
      return html`<ankieta-consent id=${id} data-question=${question.id} quiet-errors text-lang=${ifDefined(textLang)} name=${question.id} label=${label} hint=${ifDefined(hint)}
        ?required=${required} locale=${locale} .checked=${value === true} .error=${error ?? ''}
        text=${display(question.text, locale)} checkbox-label=${ifDefined(text(question.label, locale))}></ankieta-consent>`;
  }
}

/** Reads the answer from a question element after the respondent changed it. */
export function readAnswer(element: HTMLElement & { value?: unknown; checked?: boolean }, question: Question): unknown {
  if (question.type === 'consent') return element.checked === true;
  const value = element.value;
  if (value === null || value === '') return undefined;
  return value;
}
