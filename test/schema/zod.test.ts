import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import * as zod from 'zod/mini';
import { Question, QUESTION_TYPES } from '../../src/schema/definition.js';
import { int, matches, refine, z } from '../../src/schema/zod.js';

/** The issues as formatIssues sees them; z.int()'s range issues also carry a `note` nobody reads. */
const issues = (schema: z.ZodMiniType, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => ({ ...issue, note: undefined }));
};

describe('int()', () => {
  const bounds: Array<[] | [number] | [number, number]> = [[], [0], [1], [0, 100], [1, 20000], [3, 10], [5, 4]];
  const numbers = [0, 1, -1, 3, 4, 5, 10, 11, 100, 101, 4.5, -0.5, 1e-9, 20000, 20001, NaN, Infinity, -Infinity];
  const unsafe = [2 ** 53 - 1, 2 ** 53, -(2 ** 53 - 1), -(2 ** 53), 1e20, -1e20];
  const samples: unknown[] = [...numbers, ...unsafe, '4', null, undefined, true, [], {}];

  it('accepts and refuses what z.int() with z.gte() and z.lte() does, with the same issues', () => {
    const small = (n: number) => n % 2 === 0 && Math.abs(n) < 1e15;
    for (const range of bounds)
      for (const then of [false, true]) {
        // A check after it runs unless the number is a fraction, as after zod's.
        const ours = then ? int(...range).check(refine(small, 'is odd or large')) : int(...range);
        const zods = zod
          .int()
          .check(
            ...(range.length ? [zod.gte(range[0])] : []),
            ...(range.length === 2 ? [zod.lte(range[1])] : []),
            ...(then ? [zod.refine<number>(small, 'is odd or large')] : []),
          );
        for (const value of samples)
          expect(issues(ours, value), `${String(value)} in ${range.join('–')}`).to.deep.equal(issues(zods, value));
        fc.assert(
          fc.property(fc.oneof(fc.double(), fc.integer(), fc.maxSafeInteger(), fc.integer({ min: -5, max: 25000 })), (value) => {
            expect(issues(ours, value)).to.deep.equal(issues(zods, value));
          }),
        );
      }
  });
});

describe("a question's type", () => {
  it('is checked as z.literal() checks it, with the same issues', () => {
    const types = Question.def.options.map((option) => option.shape.type);
    expect(types.map((type) => type.options)).to.deep.equal(QUESTION_TYPES.map((type) => [type]));
    for (const [i, type] of types.entries())
      for (const value of [...QUESTION_TYPES, 'Rating', '', 1, null, undefined, ['rating']])
        expect(issues(type, value), `${QUESTION_TYPES[i]}: ${String(value)}`).to.deep.equal(issues(zod.literal(QUESTION_TYPES[i]), value));
  });
});

describe('matches() and refine()', () => {
  const id = /^[A-Za-z][A-Za-z0-9_-]{0,3}$/;
  const strings: unknown[] = ['a', 'abcd', 'abcde', '1a', '', 'a b', ' ', 'a\n', 5, null, undefined, {}];

  it('raise what z.regex() and z.refine() raise, and the checks after them still run', () => {
    const pairs = [
      [
        z.string().check(matches(id, 'is not an id'), z.maxLength(4), matches(/b/, 'has no b')),
        zod.string().check(zod.regex(id, 'is not an id'), zod.maxLength(4), zod.regex(/b/, 'has no b')),
      ],
      [
        z.string().check(
          refine((s: string) => !s.includes(' '), 'has a space'),
          z.minLength(2),
          refine((s: string) => s !== ' ', 'is one space'),
        ),
        zod.string().check(
          zod.refine((s: string) => !s.includes(' '), 'has a space'),
          zod.minLength(2),
          zod.refine((s: string) => s !== ' ', 'is one space'),
        ),
      ],
    ] as const;
    for (const [ours, zods] of pairs)
      for (const value of strings) {
        expect(issues(ours, value), String(value)).to.deep.equal(issues(zods, value));
        // Inside an object, a record's keys and a union, where paths and invalid_key come in.
        const wrap = (schema: z.ZodMiniType<string>) => z.strictObject({ a: z.optional(z.record(schema, z.union([schema, z.number()]))) });
        const input = typeof value === 'string' ? { a: { [value]: value } } : { a: { x: value } };
        expect(issues(wrap(ours), input), String(value)).to.deep.equal(issues(wrap(zods), input));
      }
  });
});
