import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements.js';
import type { AnkietaSurvey } from '../../src/components/survey/survey.js';
import { threePages } from './survey-fixtures.js';
import { clearDevice, settled } from './survey-helpers.js';
import { contrast, luminance, rgb } from '../support/contrast.js';

describe('built-in themes', () => {
  beforeEach(clearDevice);

  for (const theme of ['light', 'dark'] as const) {
    it(`${theme}: text 4.5:1 and controls 3:1 against the surface`, async () => {
      const el = await fixture<AnkietaSurvey>(
        html`<ankieta-survey data-theme=${theme} locale="pl" .definition=${threePages}></ankieta-survey>`,
      );
      await settled(el);
      const root = el.shadowRoot!;
      const style = (selector: string, scope: ParentNode = root) => getComputedStyle(scope.querySelector(selector)!);
      const section = style('[part~="base"]');
      const surface = section.backgroundColor;
      expect(section.colorScheme).to.equal(theme);

      const pairs: [string, string, string, number][] = [
        ['body text', section.color, surface, 4.5],
        ['muted text', style('.required-legend').color, surface, 4.5],
        ['primary button text', style('[part~="button-primary"]').color, style('[part~="button-primary"]').backgroundColor, 4.5],
        ['primary button against the surface', style('[part~="button-primary"]').backgroundColor, surface, 3],
      ];
      // The error summary, the secondary button and a control's border.
      root.querySelector<HTMLButtonElement>('[part~="button-primary"]')!.click();
      await el.updateComplete;
      pairs.push(['error text', style('[part~="error-summary"] a').color, surface, 4.5]);
      pairs.push(['error summary border', style('[part~="error-summary"]').borderTopColor, surface, 3]);
      const choice = root.querySelector('#q-role')!.shadowRoot!;
      const radio = choice.querySelector<HTMLElement>('input[type=radio]')!;
      radio.focus();
      pairs.push(['focus ring', getComputedStyle(radio).outlineColor, surface, 3]);

      for (const [name, foreground, background, minimum] of pairs) {
        const ratio = contrast(foreground, background);
        expect(ratio, `${theme} ${name}: ${foreground} on ${background} = ${ratio.toFixed(2)}:1`).to.be.at.least(minimum);
      }
    });
  }

  it('follows the page: a standalone control takes the colour scheme around it', async () => {
    const wrapper = await fixture(html`<div style="color-scheme: dark"><ankieta-rating label="Ocena" locale="pl"></ankieta-rating></div>`);
    const rating = wrapper.querySelector('ankieta-rating')!;
    await (rating as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const legend = rating.shadowRoot!.querySelector('legend, [part~="label"]')!;
    const color = rgb(getComputedStyle(legend).color);
    expect(luminance(color), 'light text on a dark page').to.be.greaterThan(0.5);
  });
});

describe('theme tokens without light-dark()', () => {
  it('give every light-dark() colour a light fallback for browsers without it (Safari before 17.5)', async () => {
    const { theme } = await import('../../src/components/shared/theme.js');
    const text = theme.cssText;
    const [main, fallback] = text.split('@supports not (color: light-dark(#000, #fff))');
    expect(fallback, 'the @supports fallback block').to.be.a('string');
    const tokens = [...main!.matchAll(/(--_[a-z-]+): var\((--ankieta-[a-z-]+), light-dark\((#[0-9a-f]+), #[0-9a-f]+\)\)/g)];
    expect(tokens.length).to.be.greaterThan(5);
    // Without it every colour is invalid: no surface, no accent, and no focus ring (WCAG 2.4.7).
    for (const [, name, publicName, light] of tokens) expect(fallback).to.include(`${name}: var(${publicName}, ${light});`);
  });
});
