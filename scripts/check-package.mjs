#!/usr/bin/env node
// What an application that installs the package can import, checked after `npm run build`:
// every specifier the `exports` map offers, and every `ankieta/…` specifier README.md shows,
// must resolve (as Node and TypeScript resolve it) to a file that `npm pack` puts in the
// tarball. A missing entry point is otherwise found only by the first user whose bundler
// fails on `import 'ankieta/elements.js'`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const packed = new Set(
  JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' }))[0].files.map(
    (f) => f.path,
  ),
);

/** Specifiers to try: the exports map's keys (a pattern once per matching file) and README's. */
const specifiers = new Set();
for (const key of Object.keys(pkg.exports)) {
  const name = key === '.' ? pkg.name : `${pkg.name}/${key.slice(2)}`;
  if (!key.includes('*')) {
    specifiers.add(name);
    continue;
  }
  // Expand a pattern over the files its target points at: "./components/*.js" with target
  // "./dist/esm/components/*.js" gives one specifier per built element module.
  const entry = pkg.exports[key];
  const target = typeof entry === 'string' ? entry : entry.default;
  const [before, after] = target.slice(2).split('*');
  const base = before.slice(0, before.lastIndexOf('/') + 1);
  const files = existsSync(join(root, base)) ? readdirSync(join(root, base), { recursive: true }).map((f) => join(base, f)) : [];
  for (const file of files) {
    if (!file.startsWith(before) || !file.endsWith(after)) continue;
    // Only the element entry points, not every module they import.
    if (key.startsWith('./components/') && !/components\/([^/]+)\/\1\.js$/.test(file)) continue;
    specifiers.add(name.replace('*', file.slice(before.length, file.length - after.length)));
  }
}
const readme = readFileSync(join(root, 'README.md'), 'utf8');
for (const [, specifier] of readme.matchAll(/['"](ankieta\/[^'"*…]+)['"]/g)) specifiers.add(specifier);

// Element entries whose events an application listens to, with the element each defines.
const eventsOf = {
  'ankieta/survey.js': 'ankieta-survey',
  'ankieta/report.js': 'ankieta-report',
  'ankieta/components/results/results.js': 'ankieta-results',
};

/** Whether package.json `sideEffects` covers a file (its globs: `**` any path, `*` one segment). */
const sideEffectGlobs = pkg.sideEffects.map(
  (glob) =>
    new RegExp(
      `^${glob
        .replace(/^\.\//, '')
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\*\*/g, '\0')
        .replace(/\*/g, '[^/]*')
        .replace(/\0/g, '.*')}$`,
    ),
);
const hasSideEffects = (path) => sideEffectGlobs.some((glob) => glob.test(path));

// Resolve from an application that has the package installed, as Node does.
const app = mkdtempSync(join(tmpdir(), 'ankieta-package-'));
const problems = [];
const typed = [];
try {
  mkdirSync(join(app, 'node_modules'));
  symlinkSync(root, join(app, 'node_modules', pkg.name), 'dir');
  const require = createRequire(join(app, 'app.js'));
  for (const specifier of [...specifiers].sort()) {
    let file;
    try {
      file = require.resolve(specifier);
    } catch (error) {
      problems.push(`${specifier}: does not resolve (${error.code ?? error.message})`);
      continue;
    }
    const path = relative(root, file);
    if (!existsSync(file)) problems.push(`${specifier} → ${path}: no such file`);
    else if (!packed.has(path)) problems.push(`${specifier} → ${path}: not in the npm pack file list`);
    else {
      if (/\.js$/.test(path) && path.startsWith('dist/esm/')) typed.push(specifier);
      // An entry that registers elements when imported must be listed in `sideEffects`, or a
      // bundler drops a bare `import 'ankieta/…'` of it without a word.
      const text = readFileSync(file, 'utf8');
      if (/\.js$/.test(path) && (/customElements\.define/.test(text) || /^(define\(|import "\.)/m.test(text)) && !hasSideEffects(path))
        problems.push(`${specifier} → ${path}: registers elements but is not in package.json "sideEffects"`);
    }
  }

  // TypeScript, in both resolution modes an application may use: every ES module specifier
  // must find its declarations, and an element's entry alone must type its events, on the
  // element and on document and window (they bubble and are composed, so pages listen there).
  const tsc = join(root, 'node_modules/.bin/tsc');
  writeFileSync(join(app, 'package.json'), '{"type":"module"}\n');
  // A namespace import, so a module found without declarations is an error (TS7016), not `any`.
  const programs = {
    'all.ts': `${typed.map((s, i) => `import * as m${i} from '${s}';`).join('\n')}\nexport const all = [${typed.map((_, i) => `m${i}`).join(', ')}];\n`,
  };
  // The types README's API tables name for the elements' properties, from the package root.
  programs['types.ts'] = [
    `import type { AnkietaResponse, PointSpec, ScaleAnswer, ChoiceOptionSpec, MatrixRowSpec, MatrixValue, LauncherMode, LauncherPosition, ResultsResponse, SurveyDefinitionInput } from 'ankieta';`,
    `const points: PointSpec[] = [{ value: 1, label: 'Źle' }];`,
    `const answer: ScaleAnswer = 'na';`,
    `const options: ChoiceOptionSpec[] = [{ value: 'a', label: 'A' }];`,
    `const rows: MatrixRowSpec[] = [{ id: 'r', label: 'R' }];`,
    `const matrix: MatrixValue = { r: 3 };`,
    `const mode: LauncherMode = 'popup';`,
    `const position: LauncherPosition = 'top-left';`,
    `const id = (r: AnkietaResponse | ResultsResponse) => r.answers;`,
    `const title = (d: SurveyDefinitionInput) => d.title;`,
    `export { points, answer, options, rows, matrix, mode, position, id, title };`,
  ].join('\n');
  // `definition` is typed: a definition written in TypeScript is checked and completed, a parsed
  // JSON file (`any`) goes in as before and is validated by the element, and a typo does not compile.
  const question = (extra) => `{ id: 'p', questions: [{ id: 'q', title: 'Q', ${extra} }] }`;
  programs['definition.ts'] = [
    `import 'ankieta/survey.js';`,
    `import 'ankieta/report.js';`,
    `import 'ankieta/components/results/results.js';`,
    `import 'ankieta/components/launcher/launcher.js';`,
    `import 'ankieta/components/text/text.js';`,
    `import type { SurveyDefinition } from 'ankieta';`,
    `const survey = document.createElement('ankieta-survey');`,
    `survey.definition = { id: 'x', version: 1, title: 'T', pages: [${question(`type: 'rating', max: 5, visibleIf: { not: { question: 'a', lte: 2 } }`)}] };`,
    `survey.definition = JSON.parse('{"id": "x"}');`,
    `survey.definition = null;`,
    `const written = { id: 'x', title: { pl: 'T' }, pages: [${question(`type: 'scale', scale: 'agree5'`)}] } as const;`,
    `document.querySelector('ankieta-survey')!.definition = written;`,
    `const typed: SurveyDefinition = { id: 'x', title: 'T', pages: [${question(`type: 'nps'`)}] };`,
    `document.querySelector('ankieta-results')!.definition = typed;`,
    `document.querySelector('ankieta-report')!.definition = typed;`,
    // With exactOptionalPropertyTypes too (see below): "no definition" is a value one may set.
    `survey.definition = undefined;`,
    `document.querySelector('ankieta-results')!.definition = undefined;`,
    `document.querySelector('ankieta-report')!.definition = undefined;`,
    // … and any optional property, passed on from another element's as it is.
    `const results = document.querySelector('ankieta-results')!;`,
    `results.response = undefined;`,
    `results.locale = survey.locale;`,
    `survey.src = survey.endpoint = undefined;`,
    `const report = document.querySelector('ankieta-report')!;`,
    `report.src = report.token = report.responses = undefined;`,
    `const launcher = document.querySelector('ankieta-launcher')!;`,
    `launcher.label = launcher.storageKey = undefined;`,
    `document.querySelector('ankieta-text')!.maxLength = undefined;`,
    `// @ts-expect-error: no such question type`,
    `survey.definition = { id: 'x', title: 'T', pages: [${question(`type: 'ratting'`)}] };`,
    `// @ts-expect-error: no such property of a rating question`,
    `survey.definition = { id: 'x', title: 'T', pages: [${question(`type: 'rating', maks: 5`)}] };`,
    `// @ts-expect-error: a URL belongs in \`src\``,
    `survey.definition = '/ankiety/ocena.json';`,
  ].join('\n');
  // A JSON file imported (resolveJsonModule) has its strings widened, so `type` is a `string` and
  // fits no question type: README says to write `as SurveyDefinition`, which this checks compiles,
  // for an own file and for the package's templates. (The editor checks the JSON by its $schema.)
  writeFileSync(
    join(app, 'own.json'),
    JSON.stringify({ id: 'own', title: 'T', pages: [{ id: 'p', questions: [{ id: 'q', type: 'rating', title: 'Q' }] }] }),
  );
  programs['json.ts'] = [
    `import 'ankieta/survey.js';`,
    `import type { SurveyDefinition } from 'ankieta';`,
    `import own from './own.json';`,
    `import conference from 'ankieta/templates/conference-evaluation.json';`,
    `const survey = document.createElement('ankieta-survey');`,
    `survey.definition = own as SurveyDefinition;`,
    `survey.definition = conference as SurveyDefinition;`,
  ].join('\n');
  for (const [specifier, tag] of Object.entries(eventsOf)) {
    programs[`${tag}.ts`] = [
      `import '${specifier}';`,
      `const kinds: string[] = [];`,
      `document.querySelector('${tag}')!.addEventListener('ankieta-error', (e) => kinds.push(e.detail.kind));`,
      `document.addEventListener('ankieta-error', (e) => kinds.push(e.detail.kind));`,
      `window.addEventListener('ankieta-error', (e) => kinds.push(e.detail.kind));`,
      tag === 'ankieta-survey' ? `document.addEventListener('ankieta-submit', (e) => kinds.push(e.detail.response.id));` : '',
      `export { kinds };`,
    ].join('\n');
  }
  for (const [file, text] of Object.entries(programs)) {
    writeFileSync(join(app, file), text);
    // A JSON import in a Node ES module needs an import attribute, which node16 does not take.
    for (const moduleResolution of file === 'json.ts' ? ['bundler'] : ['bundler', 'node16']) {
      const options = {
        compilerOptions: {
          strict: true,
          exactOptionalPropertyTypes: true,
          resolveJsonModule: true,
          noEmit: true,
          skipLibCheck: true,
          module: moduleResolution === 'bundler' ? 'esnext' : 'node16',
          moduleResolution,
          target: 'es2022',
          lib: ['es2022', 'dom', 'dom.iterable'],
          types: [],
        },
        files: [file],
      };
      writeFileSync(join(app, 'tsconfig.json'), JSON.stringify(options));
      try {
        execFileSync(tsc, ['-p', app], { encoding: 'utf8', stdio: 'pipe' });
      } catch (error) {
        problems.push(`TypeScript, ${file} (moduleResolution ${moduleResolution}):\n${error.stdout}${error.stderr}`.trimEnd());
      }
    }
  }
} finally {
  rmSync(app, { recursive: true, force: true });
}

// The manifest's module paths, which tools turn into imports: modules of the installed package
// that the exports map opens (`ankieta/components/*`), not the sources under src/.
const manifestPaths = new Set(
  [...readFileSync(join(root, 'custom-elements.json'), 'utf8').matchAll(/"(?:path|module)": "([^"]+)"/g)].map(([, path]) => path),
);
for (const path of manifestPaths)
  if (!path.startsWith('dist/esm/') || !packed.has(path))
    problems.push(`custom-elements.json names ${path}: not a packed module that the exports map lets an application import`);

if (problems.length) {
  console.log(`FAIL package entry points (${problems.length}):`);
  for (const problem of problems) console.log(`  ${problem}`);
  process.exit(1);
}
console.log(
  `ok   package entry points: ${specifiers.size} specifiers resolve to packed files; ${typed.length} typed, events typed from ${Object.keys(eventsOf).length} element entries, definitions typed (a typo does not compile), in bundler and node16; the manifest's ${manifestPaths.size} module paths are packed files`,
);
