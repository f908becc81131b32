/**
 * The JSON Schema of a survey definition (draft 2020-12), shipped so that editors such as
 * VS Code complete and check a definition while a site owner types it (a definition names it
 * with `"$schema"`). It is derived from the zod schema, so the two cannot drift apart; the
 * cross-checks (unique ids, conditions that look back, bands covering 0–100) stay in code.
 */
import { COMPARISONS, Comparison, Condition, LocalizedText, SurveyDefinition } from './definition.js';
import { z } from './zod.js';

export function definitionJsonSchema(): Record<string, unknown> {
  const metadata = z.registry<{ id?: string; title?: string; description?: string }>();
  metadata.add(SurveyDefinition, {
    title: 'Ankieta survey definition',
    description: 'A survey for <ankieta-survey>: pages of questions, optional scoring and a thank-you text.',
  });
  metadata.add(LocalizedText, {
    id: 'LocalizedText',
    description: 'A text in the definition\'s locale, or one per language: {"pl": "…", "en": "…"}.',
  });
  metadata.add(Condition, {
    id: 'Condition',
    description:
      'Shows a question only when an earlier answer matches: {"question": id, <one operator>: value}, or {"all": […]}, {"any": […]}, {"not": …}.',
  });
  const [, textObject] = LocalizedText.def.options;
  return z.toJSONSchema(SurveyDefinition, {
    metadata,
    target: 'draft-2020-12',
    io: 'input',
    // Two refinements that JSON Schema can say too, so an editor flags them as well.
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema === textObject) jsonSchema.minProperties = 1;
      if (zodSchema === Comparison) jsonSchema.oneOf = COMPARISONS.map((op) => ({ required: [op] }));
    },
  }) as Record<string, unknown>;
}
