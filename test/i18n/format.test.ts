import { expect } from '@open-wc/testing';
import { bindOneLetterWords, formatNumber, translate } from '../../src/i18n/index.js';

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

describe('bindOneLetterWords', () => {
  it('binds every one-letter Polish word to the next with a no-break space, runs of them too, and leaves English alone', () => {
    expect(bindOneLetterWords('W domu i w pracy, a o tym (z nami) u was', 'pl')).to.equal(
      'W\u00a0domu i\u00a0w\u00a0pracy, a\u00a0o\u00a0tym (z\u00a0nami) u\u00a0was',
    );
    expect(bindOneLetterWords('„W zgodzie” – a i o w z u', 'pl')).to.equal('„W\u00a0zgodzie” – a\u00a0i\u00a0o\u00a0w\u00a0z\u00a0u');
    expect(bindOneLetterWords('nazwa@domena.pl, gmina a/b, kwota 5 zł, Pytanie A1 i', 'pl')).to.equal(
      'nazwa@domena.pl, gmina a/b, kwota 5 zł, Pytanie A1 i',
    );
    expect(bindOneLetterWords('I have a plan', 'en')).to.equal('I have a plan');
    expect(translate('pl', 'ratingValue', { value: 4, max: 5 })).to.equal('4 z\u00a05');
    expect(translate('en', 'ratingValue', { value: 4, max: 5 })).to.equal('4 of 5');
  });
});
