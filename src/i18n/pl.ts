/**
 * Polish, the source catalog: every UI string of Ankieta. Formal register, gender-neutral
 * (impersonal and passive forms, never "wypełniłeś"), whole phrases per plural category.
 * `{name}` placeholders are filled by `translate()`; numbers are formatted for the locale.
 */
import type { Message } from './types.js';

export const pl = {
  // Navigation and form
  next: 'Dalej',
  back: 'Wstecz',
  submit: 'Wyślij odpowiedzi',
  startOver: 'Zacznij od nowa',
  undoStartOver: 'Przywróć usunięte odpowiedzi',
  requiredLegend: 'Pola oznaczone gwiazdką (*) są wymagane.',
  required: 'wymagane',
  pageOf: 'Strona {page} z {total}',
  pageFallbackTitle: 'Strona {page}',
  progress: 'Postęp wypełniania ankiety',
  remaining: {
    one: 'Zostało {count} pytanie',
    few: 'Zostały {count} pytania',
    many: 'Zostało {count} pytań',
    other: 'Zostało {count} pytania',
  },
  remainingNone: 'Odpowiedziano na wszystkie pytania',
  errorSummary: {
    one: '{count} pytanie wymaga uwagi',
    few: '{count} pytania wymagają uwagi',
    many: '{count} pytań wymaga uwagi',
    other: '{count} pytania wymaga uwagi',
  },
  loading: 'Wczytywanie ankiety…',
  loadFailed: 'Nie udało się wczytać ankiety. Prosimy odświeżyć stronę lub spróbować później.',
  definitionInvalid:
    'Nie można wyświetlić ankiety, ponieważ jej definicja zawiera błędy. Informacja dla administratora strony (po angielsku):',
  thankYou: 'Dziękujemy! Odpowiedzi zostały zapisane.',

  // Validation
  errorRequired: 'Proszę odpowiedzieć na to pytanie.',
  errorConsent: 'Aby wysłać odpowiedzi, proszę zaznaczyć zgodę.',
  errorMaxLength: {
    one: 'Odpowiedź może mieć najwyżej {count} znak.',
    few: 'Odpowiedź może mieć najwyżej {count} znaki.',
    many: 'Odpowiedź może mieć najwyżej {count} znaków.',
    other: 'Odpowiedź może mieć najwyżej {count} znaku.',
  },
  errorEmail: 'Proszę podać adres e-mail w formacie nazwa@domena.pl.',
  errorMinChoices: {
    one: 'Proszę wybrać co najmniej {count} odpowiedź.',
    other: 'Proszę wybrać co najmniej {count} odpowiedzi.',
  },
  errorMaxChoices: {
    one: 'Można wybrać najwyżej {count} odpowiedź.',
    other: 'Można wybrać najwyżej {count} odpowiedzi.',
  },
  errorOtherText: 'Proszę wpisać odpowiedź w polu „Inne – jakie?”.',
  choicesExactly: { one: 'Proszę wybrać {count} odpowiedź.', other: 'Proszę wybrać {count} odpowiedzi.' },
  choicesRange: 'Można wybrać od {min} do {count} odpowiedzi.',
  errorMatrixRows: 'Proszę odpowiedzieć w każdym wierszu (brakuje {count} odpowiedzi).',
  rowMissing: 'brak odpowiedzi',

  // Question controls
  other: 'Inne',
  otherSpecify: 'Inne – jakie?',
  choose: 'Wybierz…',
  consentAgree: 'Wyrażam zgodę',
  notApplicable: 'Nie wiem / nie dotyczy',
  ratingValue: '{value} z {max}',
  npsMinLabel: 'Zdecydowanie nie',
  npsMaxLabel: 'Na pewno',
  charactersLeft: {
    one: 'Pozostał {count} znak',
    few: 'Pozostały {count} znaki',
    many: 'Pozostało {count} znaków',
    other: 'Pozostało {count} znaku',
  },
  /** Under a field whose label already says what it is ("Adres e-mail"). */
  emailHint: 'Na przykład nazwa@domena.pl',

  // Named scales
  agree5_1: 'Zdecydowanie się nie zgadzam',
  agree5_2: 'Raczej się nie zgadzam',
  agree5_3: 'Ani się zgadzam, ani nie zgadzam',
  agree5_4: 'Raczej się zgadzam',
  agree5_5: 'Zdecydowanie się zgadzam',
  quality5_1: 'Bardzo źle',
  quality5_2: 'Źle',
  quality5_3: 'Przeciętnie',
  quality5_4: 'Dobrze',
  quality5_5: 'Bardzo dobrze',
  quality5_na: 'Nie dotyczy – nie było mnie',

  // Saving and delivery status
  statusSaved: 'Odpowiedzi są zapisane na tym urządzeniu.',
  statusRestored: 'Przywrócono zapisane wcześniej odpowiedzi.',
  statusCompletedBefore: 'Ankieta została już wypełniona na tym urządzeniu.',
  statusOffline:
    'Brak połączenia. Odpowiedzi wyślemy automatycznie po jego przywróceniu. Prosimy zostawić tę stronę otwartą albo wrócić na nią później.',
  statusSending: 'Wysyłanie…',
  statusSent: 'Odpowiedzi zostały wysłane.',
  /** Sent only while a page with the survey is open: there is no background sync. */
  statusWaiting: {
    one: '{count} wypełniona ankieta czeka na wysłanie. Wyślemy ją automatycznie; prosimy zostawić tę stronę otwartą albo wrócić na nią później.',
    few: '{count} wypełnione ankiety czekają na wysłanie. Wyślemy je automatycznie; prosimy zostawić tę stronę otwartą albo wrócić na nią później.',
    many: '{count} wypełnionych ankiet czeka na wysłanie. Wyślemy je automatycznie; prosimy zostawić tę stronę otwartą albo wrócić na nią później.',
    other:
      '{count} wypełnionej ankiety czeka na wysłanie. Wyślemy je automatycznie; prosimy zostawić tę stronę otwartą albo wrócić na nią później.',
  },
  statusNotDelivered: 'Serwer nie przyjął odpowiedzi. Są zapisane na tym urządzeniu; prosimy powiadomić administratora strony.',
  statusNotDeliveredMemory:
    'Nie udało się wysłać odpowiedzi, a przeglądarka nie pozwala zapisać ich na tym urządzeniu. Prosimy pobrać plik z odpowiedziami przed zamknięciem strony.',
  statusCleared: 'Odpowiedzi zostały usunięte.',
  statusForbidden:
    'Serwer nie przyjmuje odpowiedzi z tej strony. Odpowiedzi są zapisane na tym urządzeniu; prosimy powiadomić administratora strony.',
  statusForbiddenMemory:
    'Serwer nie przyjmuje odpowiedzi z tej strony. Prosimy pobrać plik z odpowiedziami przed zamknięciem strony i powiadomić administratora strony.',
  statusStorageUnavailable:
    'Przeglądarka nie pozwala zapisać odpowiedzi na tym urządzeniu. Ankieta działa, ale prosimy nie zamykać strony przed wysłaniem odpowiedzi.',
  exportAnswers: 'Pobierz plik z odpowiedziami',
  retry: 'Spróbuj ponownie',

  // Launcher and kiosk
  launcherLabel: 'Podziel się opinią',
  close: 'Zamknij',
  kioskIdle: {
    one: 'Brak aktywności. Za {count} sekundę ekran zostanie wyczyszczony dla kolejnej osoby. Aby tego uniknąć, prosimy wybrać „Kontynuuj”.',
    many: 'Brak aktywności. Za {count} sekund ekran zostanie wyczyszczony dla kolejnej osoby. Aby tego uniknąć, prosimy wybrać „Kontynuuj”.',
    other:
      'Brak aktywności. Za {count} sekundy ekran zostanie wyczyszczony dla kolejnej osoby. Aby tego uniknąć, prosimy wybrać „Kontynuuj”.',
  },
  /** The warning's button: on a form being filled in, and on the thank-you screen with results. */
  kioskContinue: 'Kontynuuj',
  /** The warning in a short view (400 % zoom): one line beside the button. */
  kioskClearing: 'Ekran zostanie wyczyszczony za {count}\u00a0s',
  kioskNext: 'Ankieta jest gotowa dla kolejnej osoby.',
  kioskFinish: 'Zakończ i wyczyść ekran',

  // Question controls: the text counter once the limit is passed
  charactersTooMany: {
    one: 'Przekroczono limit o {count} znak',
    few: 'Przekroczono limit o {count} znaki',
    many: 'Przekroczono limit o {count} znaków',
    other: 'Przekroczono limit o {count} znaku',
  },

  // Results (<ankieta-results>) and the CSV export of one response
  resultsTitle: 'Wyniki',
  resultsIntro:
    'Każdy obszar ma wynik od 0 do 100, obliczony ze średniej odpowiedzi na skali. Odpowiedzi „Nie wiem / nie dotyczy” nie są liczone.',
  resultsBands: 'Poziomy: {bands}.',
  /** One level in that list, named in quotes: it starts with a capital in mid-sentence. */
  resultsBandRange: '„{band}” ({min}–{max})',
  resultsKeep: 'Aby zachować wyniki, prosimy je pobrać lub wydrukować: po zamknięciu strony nie będzie ich tutaj.',
  resultsNone: 'Ta ankieta nie ma wyników do pokazania.',
  resultsScore: '{score} na 100',
  resultsBand: 'Poziom: {band}',
  resultsAdvice: 'Zalecenie',
  resultsNoScore: {
    one: 'Brak wyniku: na skali oceniono {answered} z {count} pytania, a potrzeba co najmniej dwóch trzecich.',
    few: 'Brak wyniku: na skali oceniono {answered} z {count} pytań, a potrzeba co najmniej dwóch trzecich.',
    many: 'Brak wyniku: na skali oceniono {answered} z {count} pytań, a potrzeba co najmniej dwóch trzecich.',
    other: 'Brak wyniku: na skali oceniono {answered} z {count} pytania, a potrzeba co najmniej dwóch trzecich.',
  },
  resultsNoScoreShort: 'brak wyniku',
  resultsChartTitle: 'Wyniki w obszarach (od 0 do 100)',
  resultsChartItem: '{title}: {score} na 100, poziom: {band}',
  resultsChartItemNoScore: '{title}: brak wyniku',
  resultsTableCaption: 'Wyniki w tabeli',
  resultsColArea: 'Obszar',
  resultsColScore: 'Wynik (0–100)',
  resultsColBand: 'Poziom',
  resultsColAnswered: 'Odpowiedzi na skali',
  resultsAnsweredOf: '{answered} z {items}',
  resultsExportJson: 'Pobierz wyniki (JSON)',
  resultsExportCsv: 'Pobierz wyniki (CSV)',
  resultsPrint: 'Drukuj wyniki',
  resultsActions: 'Zapis i wydruk wyników',
  answerYes: 'Tak',
  answerNo: 'Nie',
  csvId: 'Identyfikator',
  csvTitle: 'Pytanie lub obszar',
  csvValue: 'Wartość',
  csvLabel: 'Opis',
} satisfies Record<string, Message>;

export type MessageKey = keyof typeof pl;
export type Catalog = Record<MessageKey, Message>;
