// The element modules load where there is no browser (a framework's server render, a jsdom test
// environment): nothing may use a browser-only API such as ResizeObserver when a module is
// imported, only once an element is created. Run with: node --test test/components/import.node.test.mjs
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { it } from 'node:test';
import { importTs } from '../../scripts/lib.mjs';

const root = resolve(import.meta.dirname, '../..');

for (const entry of ['src/elements.ts', 'src/components/report/report.ts']) {
  it(`${entry} imports without a DOM`, async () => {
    await assert.doesNotReject(importTs(join(root, entry)));
  });
}
