import { expect } from '@open-wc/testing';
import { noBreakSpaces, formatNumber, translate } from '../../src/i18n/index.js';

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

describe('noBreakSpaces', () => {
  it('binds every one-letter Polish word to the next with a no-break space, runs of them too, and leaves English alone', () => {
    expect(noBreakSpaces('W domu i w pracy, a o tym (z nami) u was', 'pl')).to.equal(
      'W\u00a0domu i\u00a0w\u00a0pracy, a\u00a0o\u00a0tym (z\u00a0nami) u\u00a0was',
    );
    expect(noBreakSpaces('„W zgodzie” – a i o w z u', 'pl')).to.equal('„W\u00a0zgodzie”\u00a0– a\u00a0i\u00a0o\u00a0w\u00a0z\u00a0u');
    expect(noBreakSpaces('nazwa@domena.pl, gmina a/b, kwota 5 zł, Pytanie A1 i', 'pl')).to.equal(
      'nazwa@domena.pl, gmina a/b, kwota 5 zł, Pytanie A1 i',
    );
    expect(noBreakSpaces('I have a plan', 'en')).to.equal('I have a plan');
  });

  it('keeps a dash and the "r." after a year off the start of a line, and street and time abbreviations off its end', () => {
    expect(noBreakSpaces('Nie dotyczy – nie było mnie', 'pl')).to.equal('Nie dotyczy\u00a0– nie było mnie');
    expect(noBreakSpaces('18 kwietnia 2016 r., Sala Herbowa, ul. Piastowska 14, godz. 10:00, al. Róż nr 5', 'pl')).to.equal(
      '18 kwietnia 2016\u00a0r., Sala Herbowa, ul.\u00a0Piastowska 14, godz.\u00a010:00, al.\u00a0Róż nr\u00a05',
    );
    expect(noBreakSpaces('Gmina – ul. 5 (r. 2016)', 'en')).to.equal('Gmina – ul. 5 (r. 2016)');
    expect(translate('pl', 'quality5_na')).to.equal('Nie dotyczy\u00a0– nie było mnie');
    expect(translate('pl', 'otherSpecify')).to.equal('Inne\u00a0– jakie?');
    expect(translate('pl', 'ratingValue', { value: 4, max: 5 })).to.equal('4 z\u00a05');
    expect(translate('en', 'ratingValue', { value: 4, max: 5 })).to.equal('4 of 5');
  });
});
