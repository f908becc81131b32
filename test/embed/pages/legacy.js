// What Prototype.js 1.6 (still loaded by some old municipal CMS pages) does to the built-ins the
// widget meets, written out here rather than vendored:
// - `Array.from` becomes its `$A`: an array-like is copied by its `length` and a mapping function
//   is ignored, an iterable without `length` (a Set, a Map's keys) gives [] (MooTools 1.5 differs
//   in detail, with the same effect on a mapping function);
// - arrays get an enumerable `toJSON`, so JSON.stringify writes an array as a string.
// The page is served over http://localhost, a secure context; a municipal page on plain http
// has no crypto.randomUUID, so it is taken away too (the widget then makes ids from random bytes).
Array.from = function (iterable) {
  if (!iterable) return [];
  if (iterable.toArray) return iterable.toArray();
  let length = iterable.length || 0;
  const results = new Array(length);
  while (length--) results[length] = iterable[length];
  return results;
};
Array.prototype.toJSON = function () {
  return '[' + this.map((value) => JSON.stringify(value)).join(', ') + ']';
};
delete Crypto.prototype.randomUUID;
