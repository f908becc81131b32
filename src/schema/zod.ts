/**
 * The one place that imports zod. `zod/mini` keeps the embed small; `jitless` stops zod from
 * probing `new Function`, which a strict Content-Security-Policy reports as a violation even
 * when the probe's exception is caught. It must run before any schema is constructed.
 */
import * as z from 'zod/mini';

z.config({ jitless: true });

export { z };

/**
 * `z.int().check(z.gte(min), z.lte(max))` in a few lines: a number, then the issues those checks
 * raise, in their order. A fraction is `invalid_type` expecting `int`, and nothing after it is
 * checked; beyond ±Number.MAX_SAFE_INTEGER is `too_big` / `too_small` of origin `int` (without
 * zod's `note`, which formatIssues does not read); below `min` or above `max` is `too_small` /
 * `too_big` of origin `number`. zod's number formats and its gte/lte checks cost the script-tag
 * bundle about 0.4 kB gzip. json-schema.ts writes `integer` with the range, as zod does, from the
 * check's params.
 */
export const int = (min = -Infinity, max = Infinity) =>
  z.number().check(
    z.check<number>(
      ({ value: input, issues }) => {
        if (!Number.isInteger(input))
          return void issues.push({ expected: 'int', format: 'safeint', code: 'invalid_type', continue: false, input });
        if (input > Number.MAX_SAFE_INTEGER)
          issues.push({ code: 'too_big', maximum: Number.MAX_SAFE_INTEGER, origin: 'int', inclusive: true, continue: true, input });
        else if (input < Number.MIN_SAFE_INTEGER)
          issues.push({ code: 'too_small', minimum: Number.MIN_SAFE_INTEGER, origin: 'int', inclusive: true, continue: true, input });
        if (input < min) issues.push({ origin: 'number', code: 'too_small', minimum: min, input, inclusive: true, continue: true });
        if (input > max) issues.push({ origin: 'number', code: 'too_big', maximum: max, input, inclusive: true, continue: true });
      },
      { params: { int: [min, max] } },
    ),
  );

/**
 * `z.regex()` and `z.refine()` in a few lines, for the same reason (zod's string-format and custom
 * schemas, about 0.25 kB gzip together): a failed check raises the issue zod's would, with the
 * message given, and the checks after it still run. The patterns here have no g or y flag, so
 * test() starts at 0 as zod makes it. json-schema.ts writes a `matches()` pattern as `pattern`,
 * from the check's params, as for z.regex().
 */
export const matches = (pattern: RegExp, message: string) =>
  z.check<string>(
    (payload) => {
      if (!pattern.test(payload.value))
        payload.issues.push({
          origin: 'string',
          code: 'invalid_format',
          format: 'regex',
          input: payload.value,
          pattern: String(pattern),
          message,
          continue: true,
        });
    },
    { params: { pattern } },
  );

export const refine = <T>(fn: (value: T) => unknown, message: string) =>
  z.check<T>((payload) => {
    if (!fn(payload.value)) payload.issues.push({ code: 'custom', input: payload.value, path: [], message, continue: true });
  });
