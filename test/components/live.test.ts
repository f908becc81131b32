import { expect, fixture } from '@open-wc/testing';
import { html, render } from 'lit';
import { live as litLive } from 'lit/directives/live.js';
import { live } from '../../src/components/shared/live.js';

class LiveTestCounter extends HTMLElement {
  sets = 0;
  #text = '';
  get text() {
    return this.#text;
  }
  set text(value: string) {
    this.sets++;
    this.#text = value;
  }
}
customElements.define('live-test-counter', LiveTestCounter);

for (const [name, directive] of [
  ['shared/live', live],
  ["Lit's live", litLive],
] as const) {
  describe(name, () => {
    it('puts back a value the user changed, when the bound value has not changed', async () => {
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      const draw = (value: string, checked: boolean) =>
        render(html`<input .value=${directive(value)} /><input type="checkbox" .checked=${directive(checked)} />`, host);
      draw('abc', true);
      const [text, box] = host.querySelectorAll('input');
      expect([text.value, box.checked]).to.deep.equal(['abc', true]);
      text.value = 'typed';
      box.checked = false;
      draw('abc', true);
      expect([text.value, box.checked]).to.deep.equal(['abc', true]);
      draw('new', false);
      expect([text.value, box.checked]).to.deep.equal(['new', false]);
    });

    it('sets a property only when the element holds another value', async () => {
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      const draw = (value: string) => render(html`<live-test-counter .text=${directive(value)}></live-test-counter>`, host);
      draw('a');
      const counter = host.firstElementChild as LiveTestCounter;
      expect([counter.text, counter.sets]).to.deep.equal(['a', 1]);
      draw('a');
      expect(counter.sets).to.equal(1);
      counter.text = 'b';
      draw('a');
      expect([counter.text, counter.sets]).to.deep.equal(['a', 3]);
      draw('c');
      expect([counter.text, counter.sets]).to.deep.equal(['c', 4]);
    });
  });
}
