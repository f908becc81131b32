export * from './definition.js';
export * from './response.js';
export { crossCheck, SCORED_TYPES } from './cross-check.js';
export { formatPath, type DefinitionIssue } from './issues.js';
export { parseDefinition, parseResponse, DefinitionError, type ParseResult } from './parse.js';
export { definitionJsonSchema } from './json-schema.js';
