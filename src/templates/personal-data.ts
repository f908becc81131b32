import type { LocalizedText, SurveyDefinition } from '../schema/definition.js';

/** Words in a question's title that ask for a person's identity or contact details. */
const PERSONAL =
  /imi[eę] i nazwisko|nazwisk|e-?mail|numer telefonu|telefon kontaktowy|pesel|adres zamieszkania|full name|your name|phone number|home address/i;
/** A survey that calls itself anonymous (the templates' note, an author's description). */
const ANONYMOUS = /anonim|anonymous/i;

const texts = (text: LocalizedText | undefined): string[] =>
  text === undefined ? [] : typeof text === 'string' ? [text] : Object.values(text);

/**
 * What `ankieta check` warns of for RODO: the questions that ask for personal data (an e-mail
 * field, or a title asking for a name, e-mail, phone number, PESEL or home address), and whether
 * the survey says it is anonymous all the same, or asks them without a consent question (where
 * its information clause goes, art. 13). A heuristic for the author's and the DPO's eyes, not a
 * check the widget or the collector makes.
 */
export function personalData(definition: SurveyDefinition): { questions: string[]; saysAnonymous: boolean; hasConsent: boolean } {
  const all = definition.pages.flatMap((page) => page.questions);
  const questions = all
    .filter(
      (question) =>
        question.type !== 'info' &&
        ((question.type === 'text' && question.format === 'email') || texts(question.title).some((text) => PERSONAL.test(text))),
    )
    .map((question) => question.id);
  const saysAnonymous = [
    definition.title,
    definition.description,
    ...all.map((question) => (question.type === 'info' ? question.text : undefined)),
  ]
    .flatMap(texts)
    .some((text) => ANONYMOUS.test(text));
  return { questions, saysAnonymous, hasConsent: all.some((question) => question.type === 'consent') };
}
