/**
 * The npm entry: schema, engine and i18n, free of side effects (nothing is registered).
 * Register the elements with `import 'ankieta/elements.js'` (all of them) or one at a time,
 * e.g. `import 'ankieta/survey.js'`.
 */
export * from './schema/index.js';
export * from './engine/index.js';
export { translate, resolveLocale, toLocale, catalogs, pl, en, DEFAULT_LOCALE, type MessageKey, type Catalog } from './i18n/index.js';
export type * from './components/survey/events.js';
export { EVENT_NAMES } from './components/survey/events.js';
export * from './templates/index.js';
export * from './report/index.js';
/** The response under a name that does not hide the DOM's fetch `Response`. */
export type { Response as AnkietaResponse } from './schema/index.js';
// The types the elements' properties take (README's API tables name them), without registering the elements.
export type { PointSpec, ScaleAnswer } from './components/shared/scale-points.js';
export type { ChoiceOptionSpec } from './components/choice/choice.js';
export type { MatrixRowSpec, MatrixValue } from './components/matrix/matrix.js';
export type { LauncherMode, LauncherPosition } from './components/launcher/launcher.js';
export type { ResultsResponse } from './components/results/results.js';
