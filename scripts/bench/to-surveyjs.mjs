// A survey definition as SurveyJS JSON (survey-core 2.x): the same pages, questions, labels,
// required flags, hints and visibility conditions, with SurveyJS's own question types.
//   rating → rating (stars)   scale → radiogroup with the scale's labels (+ "na")
//   nps → rating 0–10         choice → radiogroup / checkbox / dropdown (+ showOtherItem)
//   text → text / comment     matrix → matrix (columns = scale points + "na")
//   consent → boolean shown as a checkbox (the clause as its description)   info → html

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escape = (text) => String(text).replace(/[&<>"]/g, (c) => ESCAPES[c]);

const OPERATORS = { eq: '=', neq: '<>', lt: '<', lte: '<=', gt: '>', gte: '>=' };
const literal = (value) => (typeof value === 'string' ? `'${value.replace(/'/g, "\\'")}'` : String(value));

/** A condition of ours as a SurveyJS expression. */
export function expression(condition) {
  if ('all' in condition) return condition.all.map((c) => `(${expression(c)})`).join(' and ');
  if ('any' in condition) return condition.any.map((c) => `(${expression(c)})`).join(' or ');
  if ('not' in condition) return `!(${expression(condition.not)})`;
  const name = `{${condition.question}${condition.row ? `.${condition.row}` : ''}}`;
  if (condition.answered !== undefined) return `${name} ${condition.answered ? 'notempty' : 'empty'}`;
  if (condition.in) return `${name} anyof [${condition.in.map(literal).join(', ')}]`;
  const op = Object.keys(OPERATORS).find((key) => condition[key] !== undefined);
  return `${name} ${OPERATORS[op]} ${literal(condition[op])}`;
}

/** @param lib the project's own module (src/index.ts), for the exact labels Ankieta shows. */
export function surveyJsJson(definition, lib) {
  const locale = definition.locale ?? 'pl';
  const text = (value) => lib.localize(value, locale);
  const points = (q) => {
    const list = lib.scalePoints(q).map((p) => ({ value: p.value, text: text(p.label) }));
    const na = lib.notApplicableLabel(q);
    return na ? [...list, { value: 'na', text: text(na) }] : list;
  };

  function convert(q) {
    const common = {
      name: q.id,
      ...(q.type === 'info' ? {} : { title: text(q.title) }),
      ...(q.hint ? { description: text(q.hint) } : {}),
      ...(q.required ? { isRequired: true } : {}),
      ...(q.visibleIf ? { visibleIf: expression(q.visibleIf) } : {}),
    };
    switch (q.type) {
      case 'info':
        return {
          ...common,
          type: 'html',
          html: `${q.title ? `<p><strong>${escape(text(q.title))}</strong></p>` : ''}<p>${escape(text(q.text))}</p>`,
        };
      case 'rating':
        return {
          ...common,
          type: 'rating',
          rateType: 'stars',
          rateMin: 1,
          rateMax: q.max ?? 5,
          displayMode: 'buttons',
          ...(q.minLabel ? { minRateDescription: text(q.minLabel) } : {}),
          ...(q.maxLabel ? { maxRateDescription: text(q.maxLabel) } : {}),
        };
      case 'nps':
        return {
          ...common,
          type: 'rating',
          rateMin: 0,
          rateMax: 10,
          displayMode: 'buttons',
          ...(q.minLabel ? { minRateDescription: text(q.minLabel) } : {}),
          ...(q.maxLabel ? { maxRateDescription: text(q.maxLabel) } : {}),
        };
      case 'scale':
        return { ...common, type: 'radiogroup', choices: points(q) };
      case 'choice': {
        const type = q.multiple ? 'checkbox' : q.display === 'dropdown' ? 'dropdown' : 'radiogroup';
        return {
          ...common,
          type,
          choices: q.options.map((o) => ({ value: o.value, text: text(o.label) })),
          ...(q.other ? { showOtherItem: true, ...(typeof q.other === 'boolean' ? {} : { otherText: text(q.other) }) } : {}),
          ...(q.minChoices ? { minSelectedChoices: q.minChoices } : {}),
          ...(q.maxChoices ? { maxSelectedChoices: q.maxChoices } : {}),
        };
      }
      case 'text':
        return {
          ...common,
          type: q.multiline ? 'comment' : 'text',
          maxLength: q.maxLength ?? lib.DEFAULT_MAX_LENGTH,
          ...(q.format === 'email' ? { inputType: 'email' } : {}),
          ...(q.placeholder ? { placeholder: text(q.placeholder) } : {}),
        };
      case 'matrix':
        return {
          ...common,
          type: 'matrix',
          columns: points(q),
          rows: q.rows.map((row) => ({ value: row.id, text: text(row.label) })),
          ...(q.required ? { isAllRowRequired: true } : {}),
        };
      case 'consent':
        return {
          ...common,
          type: 'boolean',
          renderAs: 'checkbox',
          description: text(q.text),
          label: q.label ? text(q.label) : lib.translate(locale, 'consentAgree'),
        };
    }
    throw new Error(`unknown question type ${q.type}`);
  }

  return {
    title: text(definition.title),
    ...(definition.description ? { description: text(definition.description) } : {}),
    locale,
    showQuestionNumbers: 'off',
    showProgressBar: true,
    progressBarType: 'pages',
    pages: definition.pages.map((page) => ({
      name: page.id,
      ...(page.title ? { title: text(page.title) } : {}),
      elements: page.questions.map(convert),
    })),
    ...(definition.thankYou ? { completedHtml: `<p>${escape(text(definition.thankYou))}</p>` } : {}),
  };
}
