// One page of a survey definition as the HTML a careful person would write by hand: real
// <fieldset>/<legend>, radios, checkboxes, <select>, <input>, <textarea>, labels, hints wired
// with aria-describedby, `required`, a small hand-written stylesheet and no JavaScript. This
// is the floor: nothing can show the same page with less work in the browser.

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escape = (text) => String(text).replace(/[&<>"]/g, (c) => ESCAPES[c]);

/**
 * @param lib the project's own module (src/index.ts): `localize`, `scalePoints`,
 *   `notApplicableLabel`, `translate`, so labels are exactly the ones Ankieta shows.
 */
export function staticForm(definition, lib, { pageIndex = 0, head = '' } = {}) {
  const locale = definition.locale ?? 'pl';
  const text = (value) => escape(lib.localize(value, locale));
  const t = (key, vars) => escape(lib.translate(locale, key, vars));
  const page = definition.pages[pageIndex];
  const star = (q) => (q.required ? ' <span class="req" aria-hidden="true">*</span>' : '');
  const req = (q) => (q.required ? ' required' : '');
  const hintId = (q) => `${q.id}-hint`;
  const described = (q) => (q.hint ? ` aria-describedby="${hintId(q)}"` : '');
  const hint = (q) => (q.hint ? `\n    <p class="hint" id="${hintId(q)}">${text(q.hint)}</p>` : '');

  const choice = (type, name, value, label, q, first) =>
    `\n    <label class="option"><input type="${type}" name="${name}" value="${escape(value)}"${first ? req(q) : ''}> ${label}</label>`;

  const radios = (q, points) =>
    `<fieldset${described(q)}>
    <legend>${text(q.title)}${star(q)}</legend>${hint(q)}${points.map((p, i) => choice('radio', q.id, p.value, p.label, q, i === 0)).join('')}
  </fieldset>`;

  const scalePoints = (q) => {
    const points = lib.scalePoints(q).map((p) => ({ value: p.value, label: text(p.label) }));
    const na = lib.notApplicableLabel(q);
    return na ? [...points, { value: 'na', label: text(na) }] : points;
  };

  const numbers = (q, from, to) => {
    const points = [];
    for (let n = from; n <= to; n++) points.push({ value: n, label: String(n) });
    const ends =
      q.minLabel || q.maxLabel
        ? `\n    <p class="ends"><span>${q.minLabel ? text(q.minLabel) : ''}</span> <span>${q.maxLabel ? text(q.maxLabel) : ''}</span></p>`
        : '';
    return radios(q, points).replace('\n  </fieldset>', `${ends}\n  </fieldset>`);
  };

  function render(q) {
    switch (q.type) {
      case 'info':
        return `<div class="info">${q.title ? `<p><strong>${text(q.title)}</strong></p>` : ''}<p>${text(q.text)}</p></div>`;
      case 'rating':
        return numbers(q, 1, q.max ?? 5);
      case 'nps':
        return numbers(q, 0, 10);
      case 'scale':
        return radios(q, scalePoints(q));
      case 'choice': {
        const options = q.options.map((o) => ({ value: o.value, label: text(o.label) }));
        if (q.display === 'dropdown' && !q.multiple) {
          return `<label for="${q.id}">${text(q.title)}${star(q)}</label>${hint(q)}
  <select id="${q.id}" name="${q.id}"${req(q)}${described(q)}>
    <option value="">—</option>${options.map((o) => `\n    <option value="${escape(o.value)}">${o.label}</option>`).join('')}
  </select>`;
        }
        const type = q.multiple ? 'checkbox' : 'radio';
        const other = q.other
          ? `\n    <label class="option"><input type="${type}" name="${q.id}" value="other"> ${t('other')}</label>
    <label class="other">${t('otherSpecify')} <input type="text" name="${q.id}.other" maxlength="500"></label>`
          : '';
        return `<fieldset${described(q)}>
    <legend>${text(q.title)}${star(q)}</legend>${hint(q)}${options.map((o, i) => choice(type, q.id, o.value, o.label, q, i === 0 && !q.multiple)).join('')}${other}
  </fieldset>`;
      }
      case 'text': {
        const max = q.maxLength ?? lib.DEFAULT_MAX_LENGTH;
        const control = q.multiline
          ? `<textarea id="${q.id}" name="${q.id}" rows="4" maxlength="${max}"${req(q)}${described(q)}></textarea>`
          : `<input id="${q.id}" name="${q.id}" type="${q.format === 'email' ? 'email' : 'text'}" maxlength="${max}"${req(q)}${described(q)}>`;
        return `<label for="${q.id}">${text(q.title)}${star(q)}</label>${hint(q)}
  ${control}`;
      }
      case 'matrix': {
        const points = scalePoints(q);
        const head = points.map((p) => `<th scope="col">${p.label}</th>`).join('');
        const rows = q.rows
          .map((row) => {
            const cells = points
              .map(
                (p) =>
                  `<td><input type="radio" name="${q.id}.${row.id}" value="${p.value}" aria-label="${escape(lib.localize(row.label, locale))}: ${p.label}"${req(q)}></td>`,
              )
              .join('');
            return `\n      <tr><th scope="row">${text(row.label)}</th>${cells}</tr>`;
          })
          .join('');
        return `<fieldset${described(q)}>
    <legend>${text(q.title)}${star(q)}</legend>${hint(q)}
    <table>
      <tr><td></td>${head}</tr>${rows}
    </table>
  </fieldset>`;
      }
      case 'consent':
        return `<fieldset${described(q)}>
    <legend>${text(q.title)}${star(q)}</legend>${hint(q)}
    <p>${text(q.text)}</p>
    <label class="option"><input type="checkbox" name="${q.id}" value="yes"${req(q)}> ${q.label ? text(q.label) : t('consentAgree')}</label>
  </fieldset>`;
    }
    throw new Error(`unknown question type ${q.type}`);
  }

  const hasRequired = definition.pages.some((p) => p.questions.some((q) => q.required));
  const questions = page.questions.map((q) => `<div class="question" data-question="${q.id}">\n  ${render(q)}\n</div>`).join('\n');
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text(definition.title)}</title>
${head}<link rel="stylesheet" href="/static/form.css">
</head>
<body>
<main>
<form class="survey" method="post" action="/api/responses">
<h2>${text(definition.title)}</h2>
${definition.description ? `<p>${text(definition.description)}</p>\n` : ''}${hasRequired ? `<p class="legend">${t('requiredLegend')}</p>\n` : ''}<p class="progress">${t('pageOf', { page: pageIndex + 1, total: definition.pages.length })}</p>
<h3>${page.title ? text(page.title) : ''}</h3>
${questions}
<p class="actions"><button type="submit">${pageIndex === definition.pages.length - 1 ? t('submit') : t('next')}</button></p>
</form>
</main>
</body>
</html>
`;
}
