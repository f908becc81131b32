// The three benchmark pages for one survey, each as a script-tag user would write it, plus
// the files they load. The definition travels inside the page for both libraries (an inline
// `<script type="application/json">`), so neither pays for an extra request.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { staticForm } from './to-static.mjs';
import { surveyJsJson } from './to-surveyjs.mjs';

/** Files a script-tag user downloads besides the page itself, per contender. */
export function libraryFiles(root) {
  const modules = join(root, 'node_modules');
  return {
    static: { '/static/form.css': join(root, 'scripts/bench/static.css') },
    ankieta: { '/ankieta/ankieta.js': join(root, 'dist/ankieta.js') },
    surveyjs: {
      // SurveyJS's documented CDN setup for the framework-free UI, plus the Polish strings.
      '/surveyjs/survey-core.min.css': join(modules, 'survey-core/survey-core.min.css'),
      '/surveyjs/survey.core.min.js': join(modules, 'survey-core/survey.core.min.js'),
      '/surveyjs/polish.min.js': join(modules, 'survey-core/i18n/polish.min.js'),
      '/surveyjs/survey-js-ui.min.js': join(modules, 'survey-js-ui/survey-js-ui.min.js'),
    },
  };
}

/** What a site owner writes to start SurveyJS (served as a file: the pages have no inline scripts). */
export const SURVEYJS_INIT = `const survey = new Survey.Model(JSON.parse(document.getElementById('survey-json').textContent));
survey.onAfterRenderSurvey.add(() => window.__surveyRendered?.());
survey.render(document.getElementById('survey'));
`;

const inlineJson = (value) => JSON.stringify(value).replace(/</g, '\\u003c');
const escapeAttribute = (text) => String(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * The probe's targets on the first page: the first answerable question, the last item, and the
 * first single-line text question (the one typed into), if the page has one.
 */
export function targets(definition) {
  const questions = definition.pages[0].questions;
  const first = questions.find((q) => q.type !== 'info');
  const text = questions.find((q) => q.type === 'text' && !q.multiline);
  return { first: first.id, last: questions.at(-1).id, text: text?.id };
}

/** The three pages (HTML text) for one survey. */
export function benchPages(definition, lib) {
  const locale = definition.locale ?? 'pl';
  const { first, last } = targets(definition);
  const html = `<html lang="${locale}" data-first="${first}" data-last="${last}">`;
  const title = escapeAttribute(lib.localize(definition.title, locale));
  const head = `<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<script src="/probe.js"></script>
`;
  const staticPage = staticForm(definition, lib, { head: '<script src="/probe.js"></script>\n' }).replace(`<html lang="${locale}">`, html);

  const ankieta = `<!doctype html>
${html}
<head>
${head}</head>
<body>
<main>
<ankieta-survey><script type="application/json">${inlineJson(definition)}</script></ankieta-survey>
</main>
<script src="/ankieta/ankieta.js"></script>
</body>
</html>
`;

  const surveyjs = `<!doctype html>
${html}
<head>
${head}<link rel="stylesheet" href="/surveyjs/survey-core.min.css">
</head>
<body>
<main>
<div id="survey"></div>
</main>
<script type="application/json" id="survey-json">${inlineJson(surveyJsJson(definition, lib))}</script>
<script src="/surveyjs/survey.core.min.js"></script>
<script src="/surveyjs/polish.min.js"></script>
<script src="/surveyjs/survey-js-ui.min.js"></script>
<script src="/surveyjs/init.js"></script>
</body>
</html>
`;
  return { static: staticPage, ankieta, surveyjs };
}

/** An empty page with the same harness: the heap every page has before any survey. */
export const BLANK_PAGE = `<!doctype html>
<html lang="pl" data-first="none" data-last="none">
<head><meta charset="utf-8"><title>blank</title><script src="/probe.js"></script></head>
<body><p>Pusta strona.</p></body>
</html>
`;

const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html', '.json': 'application/json' };

/** Routes for the local server: path → [content type, bytes]. */
export function routes(root, pagesBySurvey) {
  const table = new Map();
  const add = (path, body) => table.set(path, [`${TYPES[path.slice(path.lastIndexOf('.'))]}; charset=utf-8`, body]);
  for (const files of Object.values(libraryFiles(root))) {
    for (const [path, file] of Object.entries(files)) add(path, readFileSync(file));
  }
  add('/probe.js', readFileSync(join(root, 'scripts/bench/probe.js')));
  add('/surveyjs/init.js', SURVEYJS_INIT);
  add('/blank.html', BLANK_PAGE);
  for (const [survey, pages] of Object.entries(pagesBySurvey)) {
    for (const [variant, page] of Object.entries(pages)) add(`/${survey}/${variant}.html`, page);
  }
  return table;
}
