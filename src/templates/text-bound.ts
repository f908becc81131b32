import { DEFAULT_MAX_LENGTH, maxLengthOf } from '../engine/validate.js';
import type { SurveyDefinition } from '../schema/definition.js';

/** What a collector accepts by default (`--max-body`, 256 KiB). */
export const COLLECTOR_MAX_BODY = 262144;

/**
 * The most text a response to `definition` can hold: every text answer at its `maxLength` and
 * every "Other" field at the one-line limit. At 2 bytes a character (Polish letters, quotes and
 * line breaks as JSON sends them) it gives the body size an author should compare with the
 * collector's limit; the widget itself does not check it.
 */
export function textBound(definition: SurveyDefinition): { characters: number; bytes: number } {
  let characters = 0;
  for (const page of definition.pages)
    for (const question of page.questions) {
      if (question.type === 'text') characters += maxLengthOf(question);
      else if (question.type === 'choice' && question.other) characters += DEFAULT_MAX_LENGTH.line;
    }
  return { characters, bytes: characters * 2 };
}
