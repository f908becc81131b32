/**
 * The CSV export: the responses file the report's "responses" button writes too
 * (src/report/responses-csv.ts, whose columns and cells it uses), written from a snapshot of
 * the stored bodies a batch at a time, so that no export holds every response in memory.
 */
import type { SurveyDefinition } from '../src/schema/index.js';
import { cell, ColumnCounter, type Column, type ExportedResponse, type Separator } from '../src/report/responses-csv.js';
import type { ResponsesSnapshot } from './storage/index.js';

export type { Column, Separator };

/** Lets other requests in between two batches: an export of wide responses is long work. */
const turn = () => new Promise((resolve) => setImmediate(resolve));

/**
 * The columns, from a first reading of the snapshot, which keeps no response: the file's header
 * comes before its rows, and the columns for answers the definitions do not name depend on every
 * response (those in the most responses first, when there are more than 2000).
 */
export async function csvColumns(snapshot: ResponsesSnapshot, definitions: readonly SurveyDefinition[]): Promise<Column[]> {
  const counter = new ColumnCounter(definitions);
  for await (const batch of snapshot.bodies()) {
    for (const body of batch) counter.add(JSON.parse(body) as ExportedResponse);
    await turn();
  }
  return counter.columns();
}

/** The file (the first line with the byte order mark), a batch of rows at a time, from a second reading. */
export async function* csvText(snapshot: ResponsesSnapshot, columns: readonly Column[], separator: Separator): AsyncGenerator<string> {
  const line = (cells: unknown[]) => `${cells.map(cell).join(separator)}\r\n`;
  yield `\uFEFF${line(columns.map((c) => c.header))}`;
  for await (const batch of snapshot.bodies()) {
    let text = '';
    for (const body of batch) {
      const response = JSON.parse(body) as ExportedResponse;
      text += line(columns.map((c) => c.read(response)));
    }
    yield text;
    await turn();
  }
}
