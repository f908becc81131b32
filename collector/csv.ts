/**
 * The CSV export: the responses file the report's "responses" button writes too
 * (src/report/responses-csv.ts, whose columns and cells it uses), written from a snapshot of
 * the stored bodies a batch at a time, so that no export holds every response in memory.
 */
import type { SurveyDefinition } from '../src/schema/index.js';
import { cell, columnsFor, type Column, type ExportedResponse, type Separator } from '../src/report/responses-csv.js';
import type { ResponsesSnapshot } from './storage/index.js';

export type { Column, Separator };

/** A matrix answer (rows and their values), as `columnsFor` tells it from the others. */
const isMatrix = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

/**
 * What `columnsFor` reads of a response: its answer keys (a matrix's with its row keys) and its
 * scored dimensions, in their order, the values left out.
 */
function shapeOf(response: ExportedResponse): ExportedResponse {
  const answers = Object.fromEntries(
    Object.entries(response.answers).map(([key, value]) => [
      key,
      isMatrix(value) ? Object.fromEntries(Object.keys(value).map((row) => [row, 0])) : 0,
    ]),
  );
  const scores = response.scores && Object.fromEntries(Object.keys(response.scores).map((dimension) => [dimension, {}]));
  return { answers, ...(scores ? { scores } : {}) } as ExportedResponse;
}

/** The same text for responses of the same shape (cheaper than making the shape of each). */
const shapeKey = (response: ExportedResponse) =>
  JSON.stringify([
    Object.entries(response.answers).map(([key, value]) => (isMatrix(value) ? [key, Object.keys(value)] : key)),
    response.scores ? Object.keys(response.scores) : 0,
  ]);

/**
 * The columns, from a first reading of the snapshot, which keeps no response: the file's header
 * comes before its rows, and the columns for answers the definitions do not name depend on every
 * response (those in the most responses first, when there are more than 2000). Each response is
 * reduced to its shape (its keys), and identical shapes are counted. `columnsFor` then sees each
 * shape as many times as it came, in the order it first came: every key as often and first seen
 * at the same place as in the responses themselves, so the columns are the same.
 */
export async function csvColumns(snapshot: ResponsesSnapshot, definitions: readonly SurveyDefinition[]): Promise<Column[]> {
  const shapes = new Map<string, { shape: ExportedResponse; count: number }>();
  for await (const batch of snapshot.bodies())
    for (const body of batch) {
      const response = JSON.parse(body) as ExportedResponse;
      const key = shapeKey(response);
      const known = shapes.get(key);
      if (known) known.count++;
      else shapes.set(key, { shape: shapeOf(response), count: 1 });
    }
  return columnsFor(
    definitions,
    (function* () {
      for (const { shape, count } of shapes.values()) for (let i = 0; i < count; i++) yield shape;
    })(),
  );
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
  }
}
