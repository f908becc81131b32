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
    if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
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
      return `the number ${value}`;
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

const EXPECTED: Record<string, string> = {
  string: 'a text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
};

const quoteList = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

/** Among the failed branches of a union, the one that got furthest explains the problem best. */
function bestBranch(branches: core.$ZodIssue[][]): core.$ZodIssue[] | undefined {
  let best: core.$ZodIssue[] | undefined;
  let bestScore = -Infinity;
  for (const issues of branches) {
    const rootTypeMismatch = issues.some(
      (i) => (i.code === 'invalid_type' || i.code === 'unrecognized_keys') && i.path.length === 0,
    );
    const score = rootTypeMismatch ? -1 : Math.max(0, ...issues.map((i) => i.path.length)) + 1;
    if (score > bestScore) {
      bestScore = score;
      best = issues;
    }
  }
  return bestScore >= 0 ? best : undefined;
}

function issueMessage(issue: core.$ZodIssue, actual: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (actual === undefined) return 'is required';
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
    case 'invalid_key':
      return 'has an invalid key';
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
        const expected = [
          ...new Set(issue.errors.flatMap((b) => b.filter((i) => i.code === 'invalid_type').map((i) => (i as { expected: string }).expected))),
        ];
        out.push({
          path: formatPath(path),
          message: expected.length
            ? `expected ${expected.map((e) => EXPECTED[e] ?? e).join(' or ')}, got ${describe(actual)}`
            : 'does not match any allowed form',
        });
      }
      continue;
    }
    out.push({ path: formatPath(path), message: issueMessage(issue, actual) });
  }
  return out;
}
