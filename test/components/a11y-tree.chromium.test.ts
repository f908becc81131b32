// What Chromium's accessibility tree (the one a screen reader reads) says about the charts and
// table regions: names and descriptions given once, not twice. Chromium only: it reads the tree
// through the DevTools protocol (test/support/a11y-plugin.mjs).
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/components/results/results.js';
import '../../src/components/report/report.js';
import type { AnkietaReport } from '../../src/components/report/report.js';
import { partnershipSelfAssessment } from '../../src/templates/partnership.js';
import { generateResponses } from '../report/generate.js';

interface AxNode {
  role: string;
  name: string;
  description: string;
}
const tree = () => executeServerCommand<AxNode[], undefined>('a11y:tree');

const definition = partnershipSelfAssessment({ crossSector: false });
const answers = { sector: 'jst', a1: 5, a2: 4, a3: 4, a4: 3, a5: 4, a6: 4, b1: 2, b2: 1, b3: 2, b4: 3, b5: 2, b7: 2 };

describe('accessibility tree (Chromium)', () => {
  it('names the results chart by its title and describes it by the scores, each once', async () => {
    await fixture(html`<ankieta-results .definition=${definition} .response=${{ answers }} locale="pl"></ankieta-results>`);
    const images = (await tree()).filter((n) => n.role === 'image');
    expect(
      images.map((n) => n.name),
      'one chart image, named by its title',
    ).to.deep.equal(['Wyniki w obszarach (od 0 do 100)']);
    expect(images[0]!.description).to.equal(
      'Zarządzanie strategiczne: 75 na 100, poziom: Mocna strona; Zarządzanie relacjami: 25 na 100, poziom: Wymaga uwagi',
    );
  });

  it('names each table region of the report once', async function (this: { timeout(ms: number): void }) {
    this.timeout(60_000);
    const partnership = partnershipSelfAssessment();
    const el = document.createElement('ankieta-report') as AnkietaReport;
    el.locale = 'pl';
    el.definition = partnership;
    el.responses = generateResponses(partnership, 30, { seed: 1 });
    const ready = oneEvent(el, 'ankieta-ready');
    await fixture(html`<div style="width: 320px">${el}</div>`);
    await ready;
    await el.updateComplete;
    const regions = (await tree()).filter((n) => n.role === 'region');
    expect(regions.length, 'table regions that scroll at 320 px').to.be.greaterThan(0);
    for (const { name } of regions) {
      const words = name.split(' ');
      const half = words.length / 2;
      const doubled = Number.isInteger(half) && words.slice(0, half).join(' ') === words.slice(half).join(' ');
      expect(doubled, `region name said twice: "${name}"`).to.equal(false);
    }
    expect(regions.map((r) => r.name)).to.include('Wyniki w obszarach Wyniki w tabeli');
  });
});
