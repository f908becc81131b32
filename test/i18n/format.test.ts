import { expect } from '@open-wc/testing';
import { formatNumber, translate } from '../../src/i18n/index.js';

describe('formatNumber', () => {
  it('writes every whole number from 0 to 20 000, and large ones, exactly as Intl.NumberFormat does, in Polish and English', () => {
    for (const locale of ['pl', 'en'] as const) {
      const intl = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
      const differ: string[] = [];
      for (let n = 0; n <= 20_000; n++) if (formatNumber(locale, n) !== intl.format(n)) differ.push(`${locale} ${n}`);
      for (const n of [99_999, 100_000, 123_456, 1_000_000, 987_654_321, Number.MAX_SAFE_INTEGER])
        if (formatNumber(locale, n) !== intl.format(n)) differ.push(`${locale} ${n}`);
      expect(differ).to.deep.equal([]);
    }
  });

  it('writes fractions, large and negative numbers for the locale', () => {
    expect(formatNumber('pl', 1.5)).to.equal('1,5');
    expect(formatNumber('en', 1.5)).to.equal('1.5');
    expect(formatNumber('pl', 2.345)).to.equal('2,35');
    expect(formatNumber('en', 12345)).to.equal('12,345');
    expect(formatNumber('pl', 12345)).to.equal(new Intl.NumberFormat('pl').format(12345));
    expect(formatNumber('pl', 2000)).to.equal('2000');
    expect(formatNumber('en', 1000)).to.equal('1,000');
    expect(formatNumber('en', -3)).to.equal(new Intl.NumberFormat('en').format(-3));
  });

  it('fills counts into plural phrases', () => {
    expect(translate('pl', 'remaining', { count: 5 })).to.equal('Zostało 5 pytań');
    expect(translate('en', 'remaining', { count: 1 })).to.equal('1 question left');
  });
});
