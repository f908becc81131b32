import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDefinition, type SurveyDefinition } from '../src/schema/index.js';

/** Known surveys: id → version → definition. Older versions stay so late responses still validate. */
export type Definitions = Map<string, Map<number, SurveyDefinition>>;

export const versionOf = (definition: SurveyDefinition) => definition.version ?? 1;

/**
 * Reads every `*.json` file of a directory as a survey definition. Any invalid file stops the
 * start with its name and the JSON paths of its problems: a collector that silently ignored
 * a survey would answer its respondents with 404.
 */
export function loadDefinitions(dir: string): Definitions {
  const definitions: Definitions = new Map();
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  const problems: string[] = [];
  const source = new Map<string, string>();
  for (const name of files) {
    const result = parseDefinition(readFileSync(join(dir, name), 'utf8'));
    if (!result.ok) {
      problems.push(...result.issues.map((issue) => `${name}: ${issue.path}: ${issue.message}`));
      continue;
    }
    const definition = result.value;
    const key = `${definition.id}@${versionOf(definition)}`;
    if (source.has(key)) {
      problems.push(`${name}: survey "${definition.id}" version ${versionOf(definition)} is also defined in ${source.get(key)}`);
      continue;
    }
    source.set(key, name);
    const versions = definitions.get(definition.id) ?? new Map<number, SurveyDefinition>();
    versions.set(versionOf(definition), definition);
    definitions.set(definition.id, versions);
  }
  if (problems.length) throw new Error(`invalid survey definitions in ${dir}:\n  ${problems.join('\n  ')}`);
  return definitions;
}

/** The definitions of one survey, newest version first. */
export function versionsNewestFirst(definitions: Definitions | undefined, surveyId: string): SurveyDefinition[] {
  return [...(definitions?.get(surveyId)?.values() ?? [])].sort((a, b) => versionOf(b) - versionOf(a));
}
