/**
 * Turns zod issues into messages a site owner can act on: a JSON path such as
 * `pages[0].questions[2].type` and a sentence such as `unknown type "ratng"`.
 * These are developer-facing (they also go to the console and the `ankieta-error` event),
 * so they are in English; the widget frames them with a translated heading.
 */
import type * as core from 'zod/v4/core';

export interface DefinitionIssue {
  /** JSON path, e.g. `pages[0].questions[2].type`; `(root)` for the whole document. */
  path: string;
  message: string;
}

export type PathSegment = PropertyKey;

export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out || '(root)';
}

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let current = root;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    case 'number':
      return Number.isFinite(value) ? `the number ${value}` : `${value} (not a finite number)`;
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  record: 'an object',
  array: 'an array',
};

const quoteList = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

/** Whether a union branch rejected the value itself (wrong type or literal), not something inside it. */
function rejectsOutright(issues: readonly core.$ZodIssue[]): boolean {
  return issues.some(
    (i) =>
      i.path.length === 0 &&
      (i.code === 'invalid_type' ||
        i.code === 'invalid_value' ||
        (i.code === 'invalid_union' && !('discriminator' in i && i.discriminator) && i.errors.every(rejectsOutright))),
  );
}

/**
 * Among the failed branches of a union, the one that fits best explains the problem best: a
 * branch that rejects the value outright does not fit at all; otherwise the branch with the
 * fewest unknown properties, then the one that got furthest into the value.
 */
function bestBranch(branches: core.$ZodIssue[][]): core.$ZodIssue[] | undefined {
  let best: core.$ZodIssue[] | undefined;
  let bestUnknown = Infinity;
  let bestDepth = -1;
  for (const issues of branches) {
    if (rejectsOutright(issues)) continue;
    const unknown = issues.reduce((n, i) => n + (i.code === 'unrecognized_keys' && i.path.length === 0 ? i.keys.length : 0), 0);
    const depth = Math.max(0, ...issues.map((i) => i.path.length));
    if (unknown < bestUnknown || (unknown === bestUnknown && depth > bestDepth)) {
      best = issues;
      bestUnknown = unknown;
      bestDepth = depth;
    }
  }
  return best;
}

/** What a union accepts, from the branches (and nested unions) that rejected the value outright. */
function unionExpectation(branches: readonly core.$ZodIssue[][], expected = new Set<string>()): Set<string> {
  for (const issue of branches.flat()) {
    if (issue.path.length) continue;
    if (issue.code === 'invalid_type') expected.add(EXPECTED[issue.expected] ?? issue.expected);
    if (issue.code === 'invalid_value') for (const value of issue.values) expected.add(JSON.stringify(value));
    if (issue.code === 'invalid_union') unionExpectation(issue.errors, expected);
  }
  return expected;
}

function issueMessage(issue: core.$ZodIssue, actual: unknown, atRoot: boolean): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (actual === undefined && !atRoot) return 'is required';
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      return `expected ${expected}, got ${describe(actual)}`;
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${quoteList(issue.values)}`
        : `must be one of ${quoteList(issue.values)}, got ${describe(actual)}`;
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'array') return `needs at least ${min} ${min === 1 ? 'item' : 'items'}`;
      if (issue.origin === 'string') return min === 1 ? 'must not be empty' : `needs at least ${min} characters`;
      return `must be at least ${min}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'array') return `allows at most ${max} items`;
      if (issue.origin === 'string') return `allows at most ${max} characters`;
      return `must be at most ${max}`;
    }
    case 'unrecognized_keys':
      return `unknown ${issue.keys.length === 1 ? 'property' : 'properties'} ${quoteList(issue.keys)}`;
    case 'invalid_key': {
      const [inner] = issue.issues;
      return inner ? issueMessage(inner, undefined, false) : 'is not a valid key';
    }
    default:
      return issue.message && issue.message !== 'Invalid input' ? issue.message : 'is not valid';
  }
}

export function formatIssues(issues: readonly core.$ZodIssue[], input: unknown, base: PathSegment[] = []): DefinitionIssue[] {
  const out: DefinitionIssue[] = [];
  for (const issue of issues) {
    const path = [...base, ...issue.path];
    const actual = valueAt(input, path);
    if (issue.code === 'invalid_union') {
      if ('discriminator' in issue && issue.discriminator) {
        const options = (issue as { options?: unknown[] }).options ?? [];
        out.push({
          path: formatPath(path),
          message:
            actual === undefined
              ? `is required (one of ${quoteList(options)})`
              : `unknown ${issue.discriminator} ${JSON.stringify(actual)} (expected one of ${quoteList(options)})`,
        });
        continue;
      }
      const branch = bestBranch(issue.errors);
      if (branch) {
        out.push(...formatIssues(branch, input, path));
      } else {
        const expected = [...unionExpectation(issue.errors)];
        out.push({
          path: formatPath(path),
          message:
            actual === undefined && path.length
              ? 'is required'
              : expected.length
                ? `expected ${expected.join(' or ')}, got ${describe(actual)}`
                : 'does not match any allowed form',
        });
      }
      continue;
    }
    out.push({ path: formatPath(path), message: issueMessage(issue, actual, path.length === 0) });
  }
  return out;
}
