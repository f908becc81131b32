import { expect } from '@open-wc/testing';
import { definitionJsonSchema, QUESTION_TYPES, COMPARISONS } from '../../src/schema/index.js';
import { everyType } from './fixtures.js';

type Json = any;

/** Follows a local `$ref` such as `#/$defs/Condition`. */
const deref = (root: Json, node: Json): Json => (node?.$ref ? root.$defs[node.$ref.replace('#/$defs/', '')] : node);

describe('definitionJsonSchema', () => {
  const schema: Json = definitionJsonSchema();

  it('is a draft 2020-12 schema that survives JSON (no cycles, no functions)', () => {
    expect(schema.$schema).to.equal('https://json-schema.org/draft/2020-12/schema');
    expect(JSON.parse(JSON.stringify(schema))).to.deep.equal(schema);
    expect(schema.title).to.equal('Ankieta survey definition');
  });

  it('describes the top level of a definition, allowing "$schema" and nothing unknown', () => {
    expect(schema.type).to.equal('object');
    expect(schema.additionalProperties).to.equal(false);
    expect(schema.required).to.deep.equal(['id', 'title', 'pages']);
    for (const key of Object.keys(everyType())) expect(schema.properties, key).to.have.property(key);
    expect(schema.properties.$schema).to.include({ type: 'string' });
    expect(schema.properties.id.pattern).to.equal('^[a-z0-9_-]{1,64}$');
    expect(schema.properties.locale.enum).to.deep.equal(['pl', 'en']);
  });

  it('says integer, within the safe range, where a definition needs a whole number', () => {
    expect(schema.properties.version).to.include({ type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
  });

  it('offers every question type as a oneOf branch whose properties cover the sample definition', () => {
    const branches: Json[] = schema.properties.pages.items.properties.questions.items.oneOf;
    expect(branches.map((b) => b.properties.type.const)).to.deep.equal([...QUESTION_TYPES]);
    for (const question of everyType().pages.flatMap((p) => p.questions)) {
      const branch = branches.find((b) => b.properties.type.const === question.type)!;
      expect(branch.additionalProperties, question.type).to.equal(false);
      for (const key of Object.keys(question)) expect(branch.properties, `${question.type}.${key}`).to.have.property(key);
    }
  });

  it('shares LocalizedText and the recursive Condition as $defs', () => {
    expect(Object.keys(schema.$defs).sort()).to.deep.equal(['Condition', 'LocalizedText']);
    expect(schema.properties.title).to.include({ $ref: '#/$defs/LocalizedText' });
    const text = schema.$defs.LocalizedText.anyOf;
    expect(text[0]).to.deep.equal({ type: 'string', minLength: 1 });
    expect(text[1].minProperties).to.equal(1);
    expect(text[1].additionalProperties).to.equal(false);

    const condition = schema.$defs.Condition.anyOf;
    expect(condition).to.have.length(4);
    const [comparison, all, any, not] = condition;
    expect(comparison.required).to.deep.equal(['question']);
    expect(comparison.oneOf).to.deep.equal(COMPARISONS.map((op) => ({ required: [op] })));
    expect(all.properties.all.items).to.deep.equal({ $ref: '#/$defs/Condition' });
    expect(any.properties.any.items).to.deep.equal({ $ref: '#/$defs/Condition' });
    expect(not.properties.not).to.include({ $ref: '#/$defs/Condition' });
  });

  it("points every question's visibleIf at the Condition definition", () => {
    const branches: Json[] = schema.properties.pages.items.properties.questions.items.oneOf;
    for (const branch of branches) expect(deref(schema, branch.properties.visibleIf)).to.equal(schema.$defs.Condition);
  });

  it('carries the limits editors can check: id pattern, rating max, band range, array sizes', () => {
    const branches: Json[] = schema.properties.pages.items.properties.questions.items.oneOf;
    const rating = branches.find((b) => b.properties.type.const === 'rating');
    expect(rating.properties.id.pattern).to.equal('^[A-Za-z][A-Za-z0-9_-]{0,63}$');
    expect(rating.properties.max).to.include({ type: 'integer', minimum: 3, maximum: 10 });
    const band = schema.properties.scoring.properties.dimensions.items.properties.bands.items;
    expect(band.properties.min).to.include({ type: 'integer', minimum: 0, maximum: 100 });
    expect(schema.properties.pages).to.include({ minItems: 1, maxItems: 100 });
  });

  it('documents every field of every object for hover help in an editor (nothing left bare)', () => {
    const bare: string[] = [];
    const visit = (node: Json, path: string): void => {
      if (!node || typeof node !== 'object') return;
      if (node.type === 'object' && node.properties) {
        if (!node.description) bare.push(path || '(root)');
        for (const [key, value] of Object.entries<Json>(node.properties)) {
          // LocalizedText and Condition are documented once in $defs; a `type` literal names itself.
          if (!value.description && key !== 'type') bare.push(`${path}.${key}`);
          visit(value, `${path}.${key}`);
        }
      }
      for (const key of ['items', 'oneOf', 'anyOf', 'allOf', '$defs'] as const) {
        const child = node[key];
        if (Array.isArray(child)) child.forEach((c, i) => visit(c, `${path}.${key}[${i}]`));
        else if (child && key === '$defs') for (const [name, def] of Object.entries(child)) visit(def, `$defs.${name}`);
        else visit(child, `${path}.${key}`);
      }
    };
    visit(schema, '');
    expect(bare).to.deep.equal([]);
    const rating = schema.properties.pages.items.properties.questions.items.oneOf.find((b: Json) => b.properties.type.const === 'rating');
    expect(rating.properties.max.description).to.equal('Number of stars, 3 to 10 (default 5).');
  });

  it('returns a fresh document each time', () => {
    const first = definitionJsonSchema() as Json;
    first.title = 'changed';
    expect((definitionJsonSchema() as Json).title).to.equal('Ankieta survey definition');
  });
});
