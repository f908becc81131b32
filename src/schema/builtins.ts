/**
 * Built-ins that a host page cannot bend. Old libraries still loaded by municipal CMS pages
 * replace some of them: Prototype.js 1.6 makes `Array.from` ignore its mapping function (and
 * turn a Set into []), MooTools 1.5 does much the same, and Prototype gives arrays a `toJSON`
 * that makes `JSON.stringify` write an array as a string. The widget's code uses these instead
 * (ESLint refuses `Array.from` under src/, and the script-tag bundles rewrite zod's).
 */

/** `count` whole numbers from `from` up. */
export const range = (count: number, from = 0): number[] => [...Array(count).keys()].map((i) => i + from);

/** `JSON.stringify` as the platform defines it, whatever `toJSON` the page gave arrays. */
export const toJson = (value: unknown, space?: number): string =>
  JSON.stringify(
    value,
    // The replacer sees the value `toJSON` made and, as `this[key]`, the one it was made from.
    function (this: Record<string, unknown>, key: string, shown: unknown) {
      const raw = this[key];
      return Array.isArray(raw) ? raw : shown;
    },
    space,
  );
