import { SurveyDefinition } from './definition.js';
import { crossCheck } from './cross-check.js';
import { formatIssues, formatPath, type DefinitionIssue, type PathSegment } from './issues.js';
import { Response } from './response.js';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: DefinitionIssue[] };

/** Deeper than any real definition; protects the recursive validator from hostile input. */
const MAX_DEPTH = 40;
const MAX_NODES = 200_000;
/** Answer keys in one response: questions, matrix answers and "other" texts together. */
const MAX_ANSWERS = 2000;
/** What a definition can score (`scoring.dimensions`, at most 20). */
const MAX_DIMENSIONS = 20;
/** The problems named for one response: a collector's reply stays smaller than the request. */
const MAX_ISSUES = 100;

/** Walks the input without recursion, so a hostile document cannot overflow the stack. */
function checkShape(input: unknown): DefinitionIssue | undefined {
  // Each entry knows its parent, not its whole path: copying paths made a wide array cost
  // O(values × depth) allocations. The path is rebuilt only for the one error reported.
  interface Entry {
    value: unknown;
    key?: PathSegment;
    parent?: Entry;
    depth: number;
  }
  const pathOf = (entry: Entry, last?: PathSegment) => {
    const path: PathSegment[] = last === undefined ? [] : [last];
    for (let e: Entry | undefined = entry; e?.parent; e = e.parent) path.unshift(e.key!);
    return formatPath(path);
  };
  const stack: Entry[] = [{ value: input, depth: 0 }];
  let nodes = 0;
  while (stack.length) {
    const entry = stack.pop()!;
    const value = entry.value;
    if (++nodes > MAX_NODES) return { path: '(root)', message: `is too large (more than ${MAX_NODES} values)` };
    if (value === null || typeof value !== 'object') continue;
    if (entry.depth >= MAX_DEPTH) return { path: pathOf(entry), message: `is nested too deeply (more than ${MAX_DEPTH} levels)` };
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) stack.push({ value: value[i], key: i, parent: entry, depth: entry.depth + 1 });
      continue;
    }
    // zod drops a "__proto__" key from records without a word; refuse it outright instead.
    if (Object.hasOwn(value, '__proto__')) return { path: pathOf(entry, '__proto__'), message: 'is a reserved name' };
    for (const key of Object.keys(value))
      stack.push({ value: (value as Record<string, unknown>)[key], key, parent: entry, depth: entry.depth + 1 });
  }
  return undefined;
}

function parseJsonText(input: unknown): ParseResult<unknown> {
  if (typeof input !== 'string') return { ok: true, value: input };
  try {
    return { ok: true, value: JSON.parse(input) };
  } catch (error) {
    return { ok: false, issues: [{ path: '(root)', message: `is not valid JSON (${(error as Error).message})` }] };
  }
}

/**
 * Validates a survey definition (an object, or JSON text). Never throws: every problem comes
 * back as `{ path, message }`, structural problems first, then cross-references.
 */
export function parseDefinition(input: unknown): ParseResult<SurveyDefinition> {
  return unreadable(() => parseDefinitionUnguarded(input));
}

/**
 * A developer may hand over an object whose getters throw (or a revoked proxy); that is one more
 * invalid definition, not a reason to break the host page.
 */
function unreadable<T>(parse: () => ParseResult<T>): ParseResult<T> {
  try {
    return parse();
  } catch (error) {
    return {
      ok: false,
      issues: [{ path: '(root)', message: `could not be read (${error instanceof Error ? error.message : String(error)})` }],
    };
  }
}

function parseDefinitionUnguarded(input: unknown): ParseResult<SurveyDefinition> {
  const json = parseJsonText(input);
  if (!json.ok) return json;
  const shape = checkShape(json.value);
  if (shape) return { ok: false, issues: [shape] };
  const result = SurveyDefinition.safeParse(json.value);
  if (!result.success) return { ok: false, issues: formatIssues(result.error.issues, json.value) };
  const issues = crossCheck(result.data);
  return issues.length ? { ok: false, issues } : { ok: true, value: result.data };
}

/** Validates a response (the structure only; `checkResponse` in the engine checks it against its definition). */
export function parseResponse(input: unknown): ParseResult<Response> {
  return unreadable(() => parseResponseUnguarded(input));
}

function parseResponseUnguarded(input: unknown): ParseResult<Response> {
  const json = parseJsonText(input);
  if (!json.ok) return json;
  const shape = checkShape(json.value);
  if (shape) return { ok: false, issues: [shape] };
  // Far more than any survey asks; validating tens of thousands of keys costs a server a second.
  // A matrix's rows count one by one: 60 responses of 20 000 row keys each, to a collector without
  // definitions, made a CSV export of 1.2 million columns. So do an array's items: zod names each
  // wrong one, and 630 arrays of 200 numbers (256 kB) cost a collector 100 ms of CPU.
  const { answers, scores } = (json.value ?? {}) as { answers?: unknown; scores?: unknown };
  let count = 0;
  if (answers && typeof answers === 'object')
    for (const value of Object.values(answers))
      count += value && typeof value === 'object' ? (Array.isArray(value) ? value.length || 1 : Object.keys(value).length) : 1;
  if (count > MAX_ANSWERS) return { ok: false, issues: [{ path: 'answers', message: `has more than ${MAX_ANSWERS} answers` }] };
  if (scores && typeof scores === 'object' && Object.keys(scores).length > MAX_DIMENSIONS)
    return { ok: false, issues: [{ path: 'scores', message: `has more than ${MAX_DIMENSIONS} dimensions` }] };
  const result = Response.safeParse(json.value);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, issues: formatIssues(result.error.issues.slice(0, MAX_ISSUES), json.value).slice(0, MAX_ISSUES) };
}

/** Thrown by APIs that cannot return a result object, e.g. a template builder. */
export class DefinitionError extends Error {
  constructor(readonly issues: DefinitionIssue[]) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
    this.name = 'DefinitionError';
  }
}
