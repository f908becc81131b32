// The large benchmark survey: 200 items on ONE page (the worst case a page can hold), so that
// all 200 are rendered at once by every contender. No visibility conditions, so the static
// form (which has no logic) shows exactly what the others show. Deterministic.

const TOPICS = [
  'dostępność informacji o konferencji',
  'przebieg rejestracji',
  'jakość nagłośnienia',
  'przydatność materiałów',
  'punktualność programu',
  'przygotowanie prowadzących',
  'możliwość zadawania pytań',
  'dobór tematów',
  'organizację przerw',
  'wymianę doświadczeń między JST',
  'praktyczność przykładów',
  'dostosowanie sali do potrzeb osób z niepełnosprawnościami',
  'komunikację przed wydarzeniem',
  'czas trwania sesji',
  'jakość cateringu',
];
const topic = (n) => TOPICS[n % TOPICS.length];

const ROWS = [
  { id: 'info', label: 'Informacja i rejestracja' },
  { id: 'venue', label: 'Sala' },
  { id: 'timing', label: 'Czas i punktualność' },
  { id: 'materials', label: 'Materiały' },
];
const OPTIONS = [
  ['gmina_wiejska', 'Gmina wiejska'],
  ['gmina_miejsko_wiejska', 'Gmina miejsko-wiejska'],
  ['gmina_miejska', 'Gmina miejska'],
  ['miasto_npp', 'Miasto na prawach powiatu'],
  ['powiat', 'Powiat'],
  ['wojewodztwo', 'Województwo'],
  ['zwiazek', 'Związek lub stowarzyszenie JST'],
  ['ngo', 'Organizacja pozarządowa'],
].map(([value, label]) => ({ value, label }));

/** 20 slots repeated ten times: the mix is stated in BENCHMARKS.md from `mix()` below. */
const PATTERN = [
  'scale',
  'rating',
  'radio',
  'text',
  'matrix',
  'scale',
  'nps',
  'checkbox',
  'textarea',
  'scale',
  'matrix',
  'rating',
  'radio',
  'text',
  'scale',
  'dropdown',
  'matrix',
  'text',
  'rating',
  'infoOrConsent',
];

function question(kind, n, round) {
  const id = `q${String(n + 1).padStart(3, '0')}`;
  const required = n % 4 === 0 ? { required: true } : {};
  const hint = n % 5 === 0 ? { hint: 'Proszę zaznaczyć jedną odpowiedź, najbliższą Pani/Pana opinii.' } : {};
  switch (kind) {
    case 'scale':
      return {
        id,
        type: 'scale',
        title: `Jak ocenia Pan/Pani ${topic(n)}?`,
        scale: n % 2 ? 'agree5' : 'quality5',
        ...(n % 3 === 0 ? { notApplicable: true } : {}),
        ...required,
        ...hint,
      };
    case 'rating':
      return { id, type: 'rating', title: `Ocena: ${topic(n)}`, max: 5, minLabel: 'Bardzo słabo', maxLabel: 'Znakomicie', ...required };
    case 'nps':
      return {
        id,
        type: 'nps',
        title: `Na ile prawdopodobne jest, że poleci Pan/Pani spotkanie ze względu na ${topic(n)}?`,
        minLabel: 'Zdecydowanie nie',
        maxLabel: 'Na pewno',
        ...required,
      };
    case 'radio':
      return {
        id,
        type: 'choice',
        title: `Którą jednostkę Pan/Pani reprezentuje? (${round + 1})`,
        options: OPTIONS.slice(0, 5),
        ...(round % 2 ? { other: true } : {}),
        ...required,
        ...hint,
      };
    case 'checkbox':
      return {
        id,
        type: 'choice',
        multiple: true,
        title: `Które formy współpracy stosuje Pana/Pani jednostka? (${round + 1})`,
        options: OPTIONS.slice(0, 6),
        ...required,
      };
    case 'dropdown':
      return { id, type: 'choice', display: 'dropdown', title: `Typ jednostki (${round + 1})`, options: OPTIONS };
    case 'text':
      return { id, type: 'text', title: `Jedno słowo o: ${topic(n)}`, maxLength: 200, ...required };
    case 'textarea':
      return {
        id,
        type: 'text',
        multiline: true,
        title: `Co można poprawić – ${topic(n)}?`,
        hint: 'Prosimy nie wpisywać danych osobowych.',
      };
    case 'matrix':
      return {
        id,
        type: 'matrix',
        title: `Jak ocenia Pan/Pani organizację? (${round + 1})`,
        scale: 'quality5',
        notApplicable: true,
        rows: ROWS,
        ...required,
      };
    case 'infoOrConsent':
      return round % 2
        ? {
            id,
            type: 'consent',
            title: 'Zgoda na kontakt',
            text: 'Administratorem danych jest organizator konferencji. Dane będą przetwarzane wyłącznie w celu kontaktu w sprawie kolejnych spotkań.',
            label: 'Wyrażam zgodę na kontakt',
          }
        : { id, type: 'info', text: `Część ${round + 2}: kolejne pytania dotyczą organizacji i programu.` };
  }
  throw new Error(`unknown kind ${kind}`);
}

/** The 200-item definition (one page). */
export function survey200() {
  const questions = [];
  for (let round = 0; round < 10; round++) {
    PATTERN.forEach((kind, slot) => questions.push(question(kind, round * PATTERN.length + slot, round)));
  }
  return {
    id: 'bench-200',
    version: 1,
    locale: 'pl',
    title: 'Ankieta o 200 pytaniach',
    description: 'Wszystkie pytania na jednej stronie.',
    pages: [{ id: 'all', title: 'Pytania', questions }],
  };
}

/** How many items of each kind the survey holds, for the report. */
export function mix(definition) {
  const counts = {};
  for (const q of definition.pages.flatMap((p) => p.questions)) {
    const kind =
      q.type === 'choice'
        ? `choice (${q.multiple ? 'checkbox' : q.display === 'dropdown' ? 'dropdown' : 'radio'})`
        : q.type === 'text'
          ? `text (${q.multiline ? 'multiline' : 'single line'})`
          : q.type;
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return Object.entries(counts)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
}
