/**
 * Answer values with a meaning of their own. Kept apart from the zod schemas so the engine and
 * the question elements can use them without loading zod.
 */

/** The answer meaning "not applicable / don't know" on scales and matrix rows. */
export const NOT_APPLICABLE = 'na';
/** The option value meaning "Other"; its text is stored under `<questionId>.other`. */
export const OTHER = 'other';
export const OTHER_SUFFIX = '.other';
