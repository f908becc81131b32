import type { Locale, LocalizedText } from '../schema/definition.js';
import { noBreakSpaces } from '../i18n/index.js';

/** The text in `locale`, falling back to the other language; a plain string is used as is. */
export function localize(text: LocalizedText | undefined, locale: Locale): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[locale] ?? text.pl ?? text.en ?? '';
}

/** The language a localized text is shown in, so `lang` can be set when it falls back. */
export function languageOf(text: LocalizedText | undefined, locale: Locale, sourceLocale: Locale): Locale {
  if (text === undefined || typeof text === 'string') return sourceLocale;
  if (text[locale] !== undefined) return locale;
  return text.pl !== undefined ? 'pl' : 'en';
}

/** A definition's text as shown: in `locale`, with Polish typography applied. */
export const display = (text: LocalizedText | undefined, locale: Locale): string => noBreakSpaces(localize(text, locale), locale);
