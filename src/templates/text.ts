import type { Locale, LocalizedText } from '../schema/definition.js';
import { localize } from '../engine/text.js';

/** A text in both languages: built-in templates keep every respondent-facing text bilingual. */
export const t = (pl: string, en: string) => ({ pl, en });

/** One bilingual text from a function of each language's version of `text`. */
export const each = (text: LocalizedText, build: (value: string, locale: Locale) => string) =>
  t(build(localize(text, 'pl'), 'pl'), build(localize(text, 'en'), 'en'));

/** Lower-case ASCII words joined by "-", at most `max` characters: "Ziemia Łódzka" → "ziemia-lodzka". */
export function slug(text: string, max: number): string {
  return text
    .toLowerCase()
    .replace(/ł/g, 'l')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}

/** "18 kwietnia 2016" / "18 April 2016" for a calendar date (YYYY-MM-DD), in any time zone. */
export function formatDate(date: string, locale: Locale): string {
  const format = new Intl.DateTimeFormat(locale === 'pl' ? 'pl-PL' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return format.format(new Date(`${date}T00:00:00Z`));
}

/**
 * Polish „…” and English “…” quotation marks. Quotation marks already in the text become the
 * inner kind («…» in Polish, ‘…’ in English), so a quoted title that quotes a name does not end
 * in two closing marks.
 */
export const quote = (text: string, locale: Locale) =>
  locale === 'pl' ? `„${text.replace(/„([^„”]*)”/g, '«$1»')}”` : `“${text.replace(/[“„]([^“”„]*)”/g, '‘$1’')}”`;

/** The note every built-in template opens with (domain brief, section 3: anonymous mode). */
export const anonymityNote = t(
  'Ankieta jest anonimowa: nie pytamy o imię, nazwisko ani adres e-mail i nie zapisujemy adresu IP.',
  'This survey is anonymous: we do not ask for your name or email address, and we do not record your IP address.',
);

/** Free text is where personal data slips into an anonymous survey, so every comment box asks not to. */
export const noPersonalDataHint = t(
  'Prosimy nie wpisywać danych osobowych (imion, nazwisk, adresów e-mail, numerów telefonów).',
  'Please do not enter personal data (names, email addresses, phone numbers).',
);
