/**
 * The CSV export: the responses file the report's "responses" button writes too
 * (src/report/responses-csv.ts), from the stored bodies.
 */
import type { SurveyDefinition } from '../src/schema/index.js';
import { responsesCsvLines, type ExportedResponse, type Separator } from '../src/report/responses-csv.js';

export type { Separator };

/** The file a line at a time (the first with the byte order mark), for writing as it is made. */
export function csvLines(bodies: string[], definitions: SurveyDefinition[], separator: Separator): Generator<string> {
  return responsesCsvLines(
    definitions,
    bodies.map((body) => JSON.parse(body) as ExportedResponse),
    separator,
  );
}
