import { expect, fixture, html } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import '../../src/elements.js';
import type { AnkietaMatrix } from '../../src/components/matrix/matrix.js';
import type { AnkietaNps } from '../../src/components/nps/nps.js';
import type { AnkietaSurvey } from '../../src/components/survey/survey.js';
import { clearDevice, settled } from './survey-helpers.js';

/**
 * A question taller than the screen (a phone, or text at 200 %), scrolled so that its first
 * answer is out of view: a click or tap on an answer's label picks that answer, and nothing
 * moves. Focus used to be handed to the question's first radio on mousedown, which scrolled it
 * into view before the click, so the click landed elsewhere and picked nothing (or another answer).
 */
describe('a click on an answer of a question taller than its scroll area', () => {
  const rows = Array.from({ length: 12 }, (_, i) => ({ id: `r${i}`, label: `Wystąpienie ${i + 1}` }));

  async function scroller(content: unknown, height = 320) {
    const box = await fixture<HTMLDivElement>(html`<div style="height: ${height}px; width: 360px; overflow: auto">${content}</div>`);
    await new Promise((r) => requestAnimationFrame(r));
    box.scrollTop = box.scrollHeight;
    await new Promise((r) => requestAnimationFrame(r));
    return box;
  }

  async function clickOn(element: Element) {
    const rect = element.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)] });
    await new Promise((r) => setTimeout(r, 50));
  }

  it('picks the answer under the pointer in the last row of a matrix, without scrolling', async () => {
    const box = await scroller(html`<ankieta-matrix name="talks" label="Ocena wystąpień" scale="quality5" .rows=${rows}></ankieta-matrix>`);
    const el = box.querySelector<AnkietaMatrix>('ankieta-matrix')!;
    await el.updateComplete;
    const top = box.scrollTop;
    expect(top, 'scrolled down').to.be.greaterThan(200);
    const lastRow = [...el.shadowRoot!.querySelectorAll('[part~="row"]')].at(-1)!;
    const label = [...lastRow.querySelectorAll('label')][3]!;
    await clickOn(label);
    expect(el.value).to.deep.equal({ r11: 4 });
    expect(box.scrollTop, 'nothing moved').to.equal(top);
  });

  it('picks the number under the pointer on a 0–10 scale whose 0 is out of view, with text at 200 %', async () => {
    document.documentElement.style.fontSize = '32px';
    try {
      const box = await scroller(
        html`<div><ankieta-nps name="nps" label="Na ile prawdopodobne jest polecenie takiej konferencji?"></ankieta-nps></div>`,
        160,
      );
      const el = box.querySelector<AnkietaNps>('ankieta-nps')!;
      await el.updateComplete;
      const ten = [...el.shadowRoot!.querySelectorAll('label')].at(-1)!;
      box.scrollTop += ten.getBoundingClientRect().top - box.getBoundingClientRect().top - 4;
      await new Promise((r) => requestAnimationFrame(r));
      const top = box.scrollTop;
      const view = box.getBoundingClientRect();
      const shown = [...el.shadowRoot!.querySelectorAll('label')].filter((l) => {
        const r = l.getBoundingClientRect();
        return r.top >= view.top && r.bottom <= view.bottom;
      });
      expect(shown.length, 'some numbers in view').to.be.greaterThan(0);
      const target = shown.at(-1)!;
      const zero = el.shadowRoot!.querySelector('label')!.getBoundingClientRect();
      expect(zero.bottom < box.getBoundingClientRect().top || zero.top > box.getBoundingClientRect().bottom, '0 out of view').to.equal(
        true,
      );
      await clickOn(target);
      expect(el.value).to.equal(Number(target.textContent!.trim()));
      expect(box.scrollTop, 'nothing moved').to.equal(top);
    } finally {
      document.documentElement.style.removeProperty('font-size');
    }
  });

  it('Next, pressed right after choosing "Other" (its text still empty), answers the first press: the summary, not a missed click', async () => {
    await clearDevice();
    const el = await fixture<AnkietaSurvey>(
      html`<ankieta-survey locale="pl" .definition=${{
        id: 'press-next',
        title: 'Ankieta',
        pages: [
          {
            id: 'p1',
            questions: [
              { id: 'role', type: 'choice', title: 'Rola', other: true, options: [{ value: 'staff', label: 'Pracownik' }] },
              { id: 'overall', type: 'rating', required: true, title: 'Ocena ogólna' },
            ],
          },
          { id: 'p2', questions: [{ id: 'nps', type: 'nps', title: 'Polecenie' }] },
        ],
      }}></ankieta-survey>`,
    );
    await settled(el);
    const role = el.shadowRoot!.querySelector('#q-role')!;
    const other = [...role.shadowRoot!.querySelectorAll('label')].find((l) => l.textContent!.includes('Inne'))!;
    await clickOn(other);
    await settled(el);
    expect((role as unknown as { value: unknown }).value).to.equal('other');
    const next = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button-primary"]')!;
    const before = next.getBoundingClientRect().top;
    await clickOn(next);
    await settled(el);
    const summary = el.shadowRoot!.querySelector('[part~="error-summary"]');
    expect(
      summary,
      `one press gives the error summary (the button was at ${Math.round(before)} px, is at ${Math.round(next.getBoundingClientRect().top)} px)`,
    ).to.exist;
    expect(el.shadowRoot!.activeElement).to.equal(summary);
  });
});
