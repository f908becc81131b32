import { noChange, type PropertyPart } from 'lit';
import { Directive, directive } from 'lit/directive.js';

/**
 * Lit's `live` for the property bindings it is used on (`.checked`, `.value`, `.selected`): the
 * property is set whenever the element's own value differs from the bound one, so a control the
 * user changed is put back to the state the element holds. Lit's own also handles attributes
 * and checks where it is used, which costs the script-tag bundle about 0.1 kB gzip. So: property
 * bindings only, and never `nothing` or `noChange` as the value (they would be assigned as they are).
 */
class Live extends Directive {
  render(value: unknown) {
    return value;
  }

  override update(part: PropertyPart, [value]: [unknown]) {
    const element = part.element as unknown as Record<string, unknown>;
    if (element[part.name] !== value) element[part.name] = value;
    return noChange;
  }
}

export const live = directive(Live);
