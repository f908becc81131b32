import type { SurveyDefinition } from '../../src/schema/index.js';

const TEXT_KEYS = new Set([
  'title',
  'description',
  'hint',
  'label',
  'text',
  'minLabel',
  'maxLabel',
  'placeholder',
  'advice',
  'thankYou',
  'other',
  'notApplicable',
]);

/** Every respondent-facing text of a definition, with its JSON path. */
export function texts(definition: SurveyDefinition): { path: string; value: unknown }[] {
  const found: { path: string; value: unknown }[] = [];
  const walk = (node: unknown, path: string) => {
    if (Array.isArray(node)) return node.forEach((item, i) => walk(item, `${path}[${i}]`));
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      // `other: true` and `notApplicable: true` use the catalogs' bilingual labels.
      if (TEXT_KEYS.has(key) && typeof value !== 'boolean') found.push({ path: `${path}.${key}`, value });
      else walk(value, `${path}.${key}`);
    }
  };
  walk(definition, '$');
  return found;
}

/** The paths of texts that are not a non-empty {pl, en} pair. */
export function untranslated(definition: SurveyDefinition): string[] {
  return texts(definition)
    .filter(({ value }) => {
      if (!value || typeof value !== 'object') return true;
      const { pl, en } = value as { pl?: unknown; en?: unknown };
      return typeof pl !== 'string' || typeof en !== 'string' || !pl.trim() || !en.trim();
    })
    .map(({ path }) => path);
}
