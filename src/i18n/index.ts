import type { Locale } from '../schema/definition.js';
import { en } from './en.js';
import { pl, type Catalog, type MessageKey } from './pl.js';
import type { Message, Plural } from './types.js';

export type { Catalog, MessageKey, Message, Plural };
export { pl, en };

export const catalogs: Record<Locale, Catalog> = { pl, en };
export const DEFAULT_LOCALE: Locale = 'pl';

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function cached<T>(cache: Map<string, T>, locale: string, make: () => T): T {
  let value = cache.get(locale);
  if (!value) cache.set(locale, (value = make()));
  return value;
}

/**
 * `value` written for the locale (1,5 in Polish, 1.5 in English). Whole numbers, which most of
 * the UI's numbers are (counts), skip `Intl.NumberFormat` in English (grouped by commas) and
 * below 10 000 in Polish (which groups digits only from five, with a space): the
 * first one a page creates costs Chromium 40–75 ms of main-thread time (loading its number data),
 * which was a third of the survey's start-up CPU.
 */
export function formatNumber(locale: Locale, value: number): string {
  if (Number.isSafeInteger(value) && value >= 0) {
    if (locale === 'en') return String(value).replace(/\B(?=(\d{3})+$)/g, ',');
    if (value < 10_000) return String(value);
  }
  return cached(numberFormats, locale, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })).format(value);
}

export function pluralCategory(locale: Locale, count: number): Intl.LDMLPluralRule {
  return cached(pluralRules, locale, () => new Intl.PluralRules(locale)).select(count);
}

/** A message's variables; one left undefined is not filled in, as if not given. */
export type Vars = Record<string, string | number | undefined>;

const SHORT_WORD = /(^|[\s(„"])([aiouwz]|ul\.|al\.|nr|godz\.) /gi;

/**
 * Polish typography: a one-letter word (a, i, o, u, w, z) or an abbreviation that goes with the
 * next word (ul., al., nr, godz.) never ends a line, and a dash or the "r." after a year never
 * starts one ("Nie dotyczy – nie było mnie" wrapped as "dotyczy / – nie"): those spaces become
 * no-break spaces. Two passes, since a match takes the space the next short word of a run
 * ("a w domu") would start from. Other languages are left as written.
 */
export function noBreakSpaces(text: string, locale: Locale): string {
  return locale === 'pl'
    ? text
        .replace(SHORT_WORD, '$1$2\u00a0')
        .replace(SHORT_WORD, '$1$2\u00a0')
        .replace(/ (–|r\.)/g, '\u00a0$1')
    : text;
}

/** Fills a message: picks the plural phrase by `vars.count`, formats numbers for the locale. */
export function formatMessage(locale: Locale, message: Message, vars: Vars = {}): string {
  let text: string;
  if (typeof message === 'string') text = message;
  else {
    const category = pluralCategory(locale, Number(vars.count ?? 0));
    text = (message as Plural)[category as keyof Plural] ?? message.other;
  }
  return noBreakSpaces(text, locale).replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(locale, value) : value;
  });
}

/**
 * The message `key` in `locale`, with `{name}` placeholders filled. A plural message picks its
 * phrase by `vars.count`; numbers are formatted for the locale (1,5 in Polish).
 */
export function translate(locale: Locale, key: MessageKey, vars: Vars = {}): string {
  return formatMessage(locale, (catalogs[locale] ?? catalogs[DEFAULT_LOCALE])[key], vars);
}

/** `pl` or `en` from a BCP 47 tag such as `pl-PL` or `en-GB`; undefined for anything else. */
export function toLocale(tag: string | null | undefined): Locale | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'pl' || primary === 'en' ? primary : undefined;
}

/** Locales reported on the console already, so a page of 40 questions says it once. */
const unknownLocales = new Set<string>();

/**
 * The locale for an element: its explicit `locale`, else the closest `[lang]` up the tree
 * (crossing shadow roots), else the definition's locale, else Polish.
 */
export function resolveLocale(explicit: string | null | undefined, element: Element | null, fallback?: Locale): Locale {
  const own = toLocale(explicit);
  if (own) return own;
  if (explicit && !unknownLocales.has(explicit)) {
    unknownLocales.add(explicit);
    console.warn(`<${element?.localName}>: locale "${explicit}" is neither pl nor en; the page's lang decides`);
  }
  let node: Node | null = element;
  while (node) {
    // No lang attribute reads as null: no locale.
    const fromLang = node instanceof Element && toLocale(node.getAttribute('lang'));
    if (fromLang) return fromLang;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return fallback ?? DEFAULT_LOCALE;
}
