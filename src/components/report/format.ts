/** Number and date formats of the organiser report, per locale (cached: the report formats thousands). */
import type { Locale } from '../../schema/definition.js';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(locale: Locale, name: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}:${name}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.NumberFormat(locale === 'pl' ? 'pl-PL' : 'en-GB', options)));
  return format;
}

/** Means and standard deviations: two decimals ("3,84"). */
export const decimal = (locale: Locale, value: number) =>
  numberFormat(locale, 'decimal', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);

/** Shares as whole percentages ("45%"). */
export const percent = (locale: Locale, share: number) =>
  numberFormat(locale, 'percent', { style: 'percent', maximumFractionDigits: 0 }).format(share);

/** The recommendation score, with its sign ("+23", "−15", "0"). */
export const signed = (locale: Locale, value: number) =>
  // Intl writes a hyphen-minus; the minus sign is what screen readers read as "minus".
  numberFormat(locale, 'signed', { signDisplay: 'exceptZero', maximumFractionDigits: 0 }).format(Math.round(value)).replace('-', '\u2212');

export const integer = (locale: Locale, value: number) =>
  numberFormat(locale, 'integer', { maximumFractionDigits: 0 }).format(Math.round(value));

/** "18.04.2016" / "18 Apr 2016" (not 18/04/2016, which a reader outside the UK takes for a US date). */
export function date(locale: Locale, iso: string): string {
  const key = `${locale}:date`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format)
    cache.set(
      key,
      (format = new Intl.DateTimeFormat(locale === 'pl' ? 'pl-PL' : 'en-GB', { dateStyle: locale === 'pl' ? 'short' : 'medium' })),
    );
  return format.format(new Date(iso));
}
