// What old CMS libraries did (Prototype.js-era helpers): enumerable members on every object.
Object.prototype.extend = function (source) {
  for (const key in source) this[key] = source[key];
  return this;
};
Object.prototype.type = 'legacy';
