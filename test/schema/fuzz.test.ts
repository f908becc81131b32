import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { parseDefinition, type ParseResult } from '../../src/schema/index.js';
import { SurveyModel } from '../../src/engine/index.js';
import { HOSTILE_STRINGS, hostileValue, PROPERTY_RUNS, validDefinition } from './arbitraries.js';
import { everyType, minimal } from './fixtures.js';

type Json = any;

/** Every plain object and array in a tree (boxed values, Maps and Sets are left alone). */
function containers(root: Json): Json[] {
  const out: Json[] = [];
  const walk = (value: Json) => {
    if (value === null || typeof value !== 'object') return;
    if (!Array.isArray(value) && ![Object.prototype, null].includes(Object.getPrototypeOf(value))) return;
    out.push(value);
    for (const key of Object.keys(value)) walk(value[key]);
  };
  walk(root);
  return out;
}

type Mutation = { kind: number; at: number; key: number; value: unknown; depth: number; name: string };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.nat(),
  at: fc.nat(),
  key: fc.nat(),
  value: hostileValue,
  depth: fc.integer({ min: 1, max: 60 }),
  name: fc.constantFrom(...HOSTILE_STRINGS, 'requried', 'type', 'id', 'question', 'all', 'not'),
});

/** Breaks a definition in one of the ways site owners, editors and attackers do. */
function mutate(root: Json, m: Mutation): void {
  const nodes = containers(root);
  const node = nodes[m.at % nodes.length];
  const keys = Object.keys(node);
  const key = keys.length ? keys[m.key % keys.length]! : '0';
  switch (m.kind % 8) {
    case 0:
      if (Array.isArray(node)) node.splice(Number(key), 1);
      else delete node[key];
      break;
    case 1:
      node[key] = m.value;
      break;
    case 2: {
      // Duplicate an id: copy any "id" or "value" to a sibling of the same kind.
      const withId = nodes.filter((n) => typeof n.id === 'string' || typeof n.value === 'string');
      if (withId.length > 1) {
        const from = withId[m.key % withId.length];
        const to = withId[(m.key + 1) % withId.length];
        if (typeof from.id === 'string') to.id = from.id;
        else to.value = from.value;
      }
      break;
    }
    case 3:
      // An own "__proto__" (as JSON.parse makes), "constructor" or another hostile key.
      Object.defineProperty(node, m.name, { value: m.value, enumerable: true, configurable: true, writable: true });
      break;
    case 4: {
      let deep: Json = node[key];
      for (let i = 0; i < m.depth; i++) deep = m.kind % 2 ? { not: deep } : [deep];
      node[key] = deep;
      break;
    }
    case 5:
      if (typeof node[key] === 'string') node[key] = `${node[key]}${String(m.name)}`;
      else node[key] = String(m.name);
      break;
    case 6:
      if (Array.isArray(node) && node.length) node.push(structuredClone(node[m.key % node.length]));
      else node[key] = Array.isArray(node[key]) ? {} : [];
      break;
    default:
      node[key] = typeof node[key] === 'number' ? String(node[key]) : typeof node[key] === 'string' ? Number(node[key]) : null;
  }
}

/** The contract of parseDefinition, whatever it is given. */
function expectWellFormed(result: ParseResult<unknown>): void {
  expect(result).to.be.an('object');
  if (result.ok) return;
  expect(result.issues).to.be.an('array').that.is.not.empty;
  for (const issue of result.issues) {
    expect(Object.keys(issue).sort()).to.deep.equal(['message', 'path']);
    expect(issue.path).to.be.a('string').that.is.not.empty;
    expect(issue.message).to.be.a('string').that.is.not.empty;
    expect(issue.message).to.not.include('Invalid input');
  }
}

describe('parseDefinition: property tests', () => {
  it('accepts every generated valid definition, and the model works on it', () => {
    fc.assert(
      fc.property(validDefinition, (definition) => {
        const result = parseDefinition(JSON.parse(JSON.stringify(definition)));
        if (!result.ok) expect.fail(JSON.stringify(result.issues));
        expect(result.value).to.deep.equal(definition);
        expect(new SurveyModel(result.value).shownPages).to.include(0);
      }),
      PROPERTY_RUNS,
    );
  });

  it('never throws on mutated definitions; every issue has a path and a message', () => {
    let rejected = 0;
    fc.assert(
      fc.property(
        fc.oneof(validDefinition, fc.constant(everyType()), fc.constant(minimal())),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (definition, mutations) => {
          const copy = structuredClone(definition);
          for (const m of mutations) mutate(copy, m);
          const result = parseDefinition(copy);
          expectWellFormed(result);
          if (!result.ok) rejected++;
          else expect(new SurveyModel(result.value).progress.pages).to.be.at.least(1);
        },
      ),
      { ...PROPERTY_RUNS, numRuns: 1000 },
    );
    // The mutations must mostly break things, or the property proves little.
    expect(rejected).to.be.greaterThan(500);
  });

  it('never throws on arbitrary values, including Maps, boxed values and null prototypes', () => {
    fc.assert(
      fc.property(hostileValue, (value) => {
        expectWellFormed(parseDefinition(value));
      }),
      PROPERTY_RUNS,
    );
  });

  it('never throws on arbitrary JSON text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.json(),
          fc.string(),
          validDefinition.map((d) => JSON.stringify(d).slice(0, -1)),
        ),
        (text) => {
          expectWellFormed(parseDefinition(text));
        },
      ),
      PROPERTY_RUNS,
    );
  });
});
