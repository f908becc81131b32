import type { LocalizedText, SurveyDefinition } from '../schema/definition.js';

/**
 * A title that asks for a person's identity or contact details: it starts with what it asks
 * ("Imię i nazwisko", "Twój adres e-mail", "Nr telefonu", "First name", "Date of birth"), or
 * holds "imię i nazwisko" / "full name". Not a title that mentions e-mail or a speaker's name
 * ("Jak oceniasz newsletter e-mail?", "Podaj nazwisko prelegenta").
 */
const PERSONAL = new RegExp(
  [
    '^(twoje |twój |pana |pani |pana/pani )?(imię|nazwisko|adres e-?mail|e-?mail|adres( zamieszkania| do korespondencji)?|(nr\\.?|numer) (telefonu|komórki|tel\\.)|telefon( kontaktowy| komórkowy)?|((nr|numer) )?pesel|data urodzenia)(?![\\p{L}])',
    'imi[eę] i nazwisko|full name|jak się nazywasz|what is your name',
    '^(your |first |last |full )?(name|surname|(tele)?phone( number)?|mobile( phone)?)(?=\\s*([:*?(]|$))',
    '^(your )?(e-?mail( address)?|date of birth|(home |current |postal )?address)(?![\\p{L}])',
    // Asked in a sentence: "Proszę podać adres e-mail, na który wyślemy materiały", "Please enter your e-mail".
    '(podaj|podać|wpisz|wpisać|zostaw|zostawić)( swój| swoj| twój| nam| tu| tutaj)?( adres)? (e-?mail|mail|(nr\\.?|numer) (telefonu|komórki)|telefon)(?![\\p{L}])',
    '(enter|give|provide|leave)( us)? your (e-?mail|name|phone)',
    '^(twoje |pana/pani )?dane kontaktowe(?![\\p{L}])|^contact (details|information|e-?mail|phone)(?![\\p{L}])|^kontakt \\((e-?mail|telefon)',
  ].join('|'),
  'iu',
);
/** An information clause names the controller (RODO art. 13(1)(a)): "Administratorem danych jest…". */
const CLAUSE = /administratorem (\S+ ){0,3}danych|administrator (\S+ ){0,2}danych|controller/i;

/** A survey that calls itself anonymous (the templates' note, an author's description), not one that says it is not. */
const ANONYMOUS = /(?<!nie (jest )?)anonim|(?<!not )anonymous/i;

const texts = (text: LocalizedText | undefined): string[] =>
  text === undefined ? [] : typeof text === 'string' ? [text] : Object.values(text);

/**
 * What `ankieta check` warns of for RODO: the questions that ask for personal data (an e-mail
 * field, or a title asking for a name, e-mail, phone number, PESEL or home address), and whether
 * the survey says it is anonymous all the same, or asks them without a consent question whose
 * text is an information clause (art. 13: it names the controller). A heuristic for the author's and the DPO's eyes, not a
 * check the widget or the collector makes.
 */
export function personalData(definition: SurveyDefinition): { questions: string[]; saysAnonymous: boolean; hasConsent: boolean } {
  const all = definition.pages.flatMap((page) => page.questions);
  const questions = all
    .filter(
      (question) =>
        // Entered as text: a rating of "Dane kontaktowe organizatora były czytelne" asks for none,
        // nor does a consent's title ("Zgoda na kontakt e-mail").
        question.type === 'text' && (question.format === 'email' || texts(question.title).some((text) => PERSONAL.test(text.trim()))),
    )
    .map((question) => question.id);
  const saysAnonymous = [
    definition.title,
    definition.description,
    ...all.map((question) => (question.type === 'info' ? question.text : undefined)),
  ]
    .flatMap(texts)
    .some((text) => ANONYMOUS.test(text));
  // A consent reading only "Zgadzam się." is no information clause.
  const hasConsent = all.some((question) => question.type === 'consent' && texts(question.text).some((text) => CLAUSE.test(text)));
  return { questions, saysAnonymous, hasConsent };
}
