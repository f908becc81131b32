import type { PropertyDeclaration, ReactiveElement } from 'lit';

/**
 * Lit's `@property()` and `@state()`, for TypeScript's experimental decorators only (the ones
 * Ankieta compiles with). Lit's own also carry the standard-decorator implementation, which
 * no element here uses and every visitor of the embed would download. The declarations and
 * what they make are the same: `createProperty` is what Lit's decorators call too.
 */
export function property(options?: PropertyDeclaration) {
  // `any`: TypeScript accepts one signature for field and accessor decorators only with it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (proto: object, name: PropertyKey): any => {
    const own = Object.prototype.hasOwnProperty.call(proto, name);
    (proto.constructor as typeof ReactiveElement).createProperty(name, options);
    // createProperty wrapped a decorated accessor: hand the wrapper back, or it would be put back as it was.
    return own ? Object.getOwnPropertyDescriptor(proto, name) : undefined;
  };
}

/** Internal reactive state: re-renders on change, no attribute. */
export const state = (options?: PropertyDeclaration) => property({ ...options, state: true, attribute: false });
