/** What `bin/ankieta.mjs` runs, bundled for Node as `dist/cli.mjs`. */
export { surveyFromAgenda } from './agenda.js';
export { partnershipSelfAssessment } from './partnership.js';
export { parseDefinition } from '../schema/parse.js';
export { COLLECTOR_MAX_BODY, textBound } from './text-bound.js';
export { personalData } from './personal-data.js';
