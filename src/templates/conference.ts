/**
 * The post-conference evaluation (domain brief, section 1, "Template A"): Kirkpatrick level 1
 * (satisfaction, engagement, relevance) plus the intention to apply, a recommendation score,
 * and "why" follow-ups that appear only after a low score.
 */
import type { Condition, Locale, LocalizedText, Page, Question, SurveyDefinition } from '../schema/definition.js';
import { DefinitionError, parseDefinition } from '../schema/parse.js';
import { localize } from '../engine/text.js';
import { anonymityNote, each, formatDate, noPersonalDataHint, quote, t } from './text.js';

export interface Session {
  /** The matrix row id (letters, digits, "_" or "-"); default `s1`, `s2`, … by position. */
  id?: string;
  /** Default `talk`. */
  type?: 'talk' | 'workshop';
  title: LocalizedText;
  /** Names, or `{pl, en}` where a name has an English form (an institution). */
  speakers?: LocalizedText[];
}

export interface ConferenceOptions {
  /** The survey id (storage and response key); default `conference-evaluation`. */
  id?: string;
  version?: number;
  /** Language of plain-string texts (session titles, the event name); default `pl`. */
  locale?: Locale;
  /** The event's name, shown in the survey title. */
  event?: LocalizedText;
  /** The day of the event, `YYYY-MM-DD`. */
  date?: string;
  place?: LocalizedText;
  /**
   * One matrix row per session and one follow-up question per talk (and per workshop when
   * `workshops` is false). No sessions: no per-talk matrix.
   */
  sessions?: Session[];
  /** Ask about the workshop discussions; default true. */
  workshops?: boolean;
}

/** "Why" prompts appear at ≤ 2 on a five-point item and ≤ 6 on the recommendation score (brief §1). */
export const LOW_SCORE = 2;
export const LOW_NPS = 6;

const option = (value: string, pl: string, en: string) => ({ value, label: t(pl, en) });

export const ROLE_OPTIONS = [
  option(
    'executive',
    'Wójt, burmistrz, prezydent miasta, starosta, członkini lub członek zarządu',
    'Mayor, county head or executive board member',
  ),
  option('councillor', 'Radna lub radny', 'Councillor'),
  option('staff', 'Osoba zatrudniona w JST lub jej jednostce organizacyjnej', 'Local government staff'),
  option('ngo', 'Organizacja pozarządowa', 'Non-governmental organisation'),
  option('business', 'Przedsiębiorstwo', 'Business'),
  // Not "other": that value is reserved for the "Other – please specify" answer.
  option('other_role', 'Inne', 'Other'),
];

export const UNIT_OPTIONS = [
  option('rural', 'Gmina wiejska', 'Rural municipality'),
  option('urban_rural', 'Gmina miejsko-wiejska', 'Urban-rural municipality'),
  option('urban', 'Gmina miejska', 'Urban municipality'),
  option('city_county', 'Miasto na prawach powiatu', 'City with county status'),
  option('county', 'Powiat', 'County (powiat)'),
  option('region', 'Województwo', 'Region (województwo)'),
  option('union', 'Związek lub stowarzyszenie JST', 'Union or association of local governments'),
  option('none', 'Nie dotyczy', 'Not applicable'),
];

export const ORGANISATION_ROWS = [
  { id: 'info', label: t('Informacja i rejestracja', 'Information and registration') },
  { id: 'venue', label: t('Sala', 'Venue') },
  { id: 'timing', label: t('Czas i punktualność', 'Timing and punctuality') },
  { id: 'materials', label: t('Materiały', 'Materials') },
  { id: 'catering', label: t('Catering', 'Catering') },
];

/** The row id of each session, in order. */
export const sessionIds = (sessions: readonly { id?: string | undefined }[]) => sessions.map((session, i) => session.id ?? `s${i + 1}`);

/** The workshop follow-up opens at a low score of the workshop question or of any workshop's row. */
function workshopLow(sessions: readonly Session[]): Condition {
  const low: Condition = { question: 'workshop', lte: LOW_SCORE };
  const rows = workshopIds(sessions).map((row): Condition => ({ question: 'talks', row, lte: LOW_SCORE }));
  return rows.length ? { any: [low, ...rows] } : low;
}

/** The matrix ids of the sessions that are workshops. */
const workshopIds = (sessions: readonly Session[]) => sessionIds(sessions).filter((_, i) => sessions[i]!.type === 'workshop');

/**
 * One matrix row per session, and a "what could have been better" follow-up per talk. A
 * workshop row gets no follow-up of its own when the workshop question is asked: its "what
 * should change in the workshops" box opens after a low row score too, so a respondent is not
 * asked the same thing twice.
 */
function sessionQuestions(sessions: readonly Session[], workshops: boolean): Question[] {
  if (!sessions.length) return [];
  const ids = sessionIds(sessions);
  const hasWorkshops = sessions.some((s) => s.type === 'workshop');
  const label = (session: Session) =>
    each(session.title, (title, locale) =>
      session.speakers?.length ? `${title} (${session.speakers.map((name) => localize(name, locale)).join(', ')})` : title,
    );
  return [
    {
      id: 'talks',
      type: 'matrix',
      title: hasWorkshops ? t('Ocena wystąpień i warsztatów', 'Rate each talk and workshop') : t('Ocena wystąpień', 'Rate each talk'),
      hint: t(
        'W przypadku nieobecności na którejś części prosimy wybrać „Nie dotyczy – nie było mnie”.',
        'If you missed a session, please choose “N/A – not present”.',
      ),
      scale: 'quality5',
      notApplicable: true,
      rows: sessions.map((session, i) => ({ id: ids[i]!, label: label(session) })),
    },
    ...sessions.flatMap((session, i): Question[] =>
      workshops && session.type === 'workshop'
        ? []
        : [
            {
              id: `talk_${ids[i]}_why`,
              type: 'text',
              multiline: true,
              title: each(session.title, (title, locale) =>
                locale === 'pl'
                  ? `Co można było zrobić lepiej ${session.type === 'workshop' ? 'podczas warsztatów' : 'w wystąpieniu'} ${quote(title, locale)}?`
                  : `What could have been better in ${quote(title, locale)}?`,
              ),
              visibleIf: { question: 'talks', row: ids[i]!, lte: LOW_SCORE },
              hint: noPersonalDataHint,
            },
          ],
    ),
  ];
}

function title(options: ConferenceOptions): LocalizedText {
  if (!options.event) return t('Ocena konferencji', 'Conference evaluation');
  return each(options.event, (name, locale) =>
    locale === 'pl' ? `Ocena konferencji ${quote(name, locale)}` : `Evaluation: ${quote(name, locale)}`,
  );
}

function description(options: ConferenceOptions): LocalizedText {
  const intro = t(
    'Dziękujemy za udział. Prosimy o kilka minut na ocenę – odpowiedzi pomogą przygotować kolejne spotkania.',
    'Thank you for taking part. Please take a few minutes to rate the event: your answers help us prepare the next ones.',
  );
  if (!options.place && !options.date) return intro;
  const where = (locale: Locale) =>
    // The date first, as office letters write it ("18 kwietnia 2016 r., Sala …, ul. Piastowska 14"):
    // after the street number it read as one list of numbers.
    [
      options.date ? `${formatDate(options.date, locale)}${locale === 'pl' ? '\u00a0r.' : ''}` : undefined,
      options.place ? localize(options.place, locale) : undefined,
    ]
      .filter(Boolean)
      .join(', ');
  return t(`${where('pl')}. ${intro.pl}`, `${where('en')}. ${intro.en}`);
}

/**
 * Builds the conference evaluation. Throws `DefinitionError` (with JSON paths) when the
 * options produce an invalid definition, e.g. a session id that is not a valid row id.
 */
export function conferenceEvaluation(options: ConferenceOptions = {}): SurveyDefinition {
  const workshops = options.workshops ?? true;
  const pages: Page[] = [
    {
      id: 'about',
      title: t('Informacje wstępne', 'About you'),
      questions: [
        { id: 'anonymity', type: 'info', text: anonymityNote },
        {
          id: 'role',
          type: 'choice',
          required: true,
          title: t('Funkcja lub reprezentowana instytucja', 'Your role or the organisation you represent'),
          options: ROLE_OPTIONS,
        },
        { id: 'jst_type', type: 'choice', title: t('Typ jednostki', 'Type of local government unit'), options: UNIT_OPTIONS },
        {
          id: 'partner_status',
          type: 'choice',
          title: t(
            'Czy reprezentowana jednostka lub organizacja działa w partnerstwie?',
            'Is your organisation in a local government partnership?',
          ),
          options: [
            option('yes', 'Tak', 'Yes'),
            option('considering', 'Rozważamy przystąpienie', 'We are considering joining one'),
            option('no', 'Nie', 'No'),
          ],
        },
      ],
    },
    {
      id: 'programme',
      title: t('Program', 'Programme'),
      questions: [
        {
          id: 'overall',
          type: 'scale',
          required: true,
          scale: 'quality5',
          title: t('Ogólna ocena konferencji', 'Overall rating of the conference'),
        },
        {
          id: 'overall_why',
          type: 'text',
          multiline: true,
          title: t('Co zdecydowało o tej ocenie?', 'What made you give this rating?'),
          visibleIf: { question: 'overall', lte: LOW_SCORE },
          hint: noPersonalDataHint,
        },
        ...sessionQuestions(options.sessions ?? [], workshops),
        ...(workshops
          ? ([
              {
                id: 'workshop',
                type: 'scale',
                required: true,
                scale: 'agree5',
                notApplicable: true,
                title: t('Dyskusje warsztatowe były przydatne w mojej pracy.', 'The workshop discussions were useful for my work.'),
              },
              {
                id: 'workshop_why',
                type: 'text',
                multiline: true,
                title: t('Co zmienić w warsztatach?', 'What should change in the workshops?'),
                visibleIf: workshopLow(options.sessions ?? []),
                hint: noPersonalDataHint,
              },
            ] satisfies Question[])
          : []),
        {
          id: 'relevance',
          type: 'scale',
          required: true,
          scale: 'agree5',
          title: t('Tematyka odpowiadała potrzebom mojej jednostki.', 'The topics matched my organisation’s needs.'),
        },
        {
          id: 'engage',
          type: 'scale',
          scale: 'agree5',
          title: t('Była okazja do pytań i wymiany doświadczeń.', 'There was enough chance to ask questions and share experiences.'),
        },
      ],
    },
    {
      id: 'organisation',
      title: t('Organizacja', 'Event organisation'),
      questions: [
        {
          id: 'org',
          type: 'matrix',
          scale: 'quality5',
          // The scale's own "not present" fits a talk, not the catering or the materials.
          notApplicable: t('Nie dotyczy / trudno ocenić', 'N/A / cannot judge'),
          title: t('Ocena organizacji konferencji', 'How would you rate the way the event was organised?'),
          rows: ORGANISATION_ROWS,
        },
        // Without `row`, a matrix condition holds when any answered row satisfies it.
        {
          id: 'org_why',
          type: 'text',
          multiline: true,
          title: t('Co poprawić w organizacji?', 'What should we improve in how the event is organised?'),
          visibleIf: { question: 'org', lte: LOW_SCORE },
          hint: noPersonalDataHint,
        },
      ],
    },
    {
      id: 'outcomes',
      title: t('Wnioski', 'Takeaways'),
      questions: [
        {
          id: 'apply',
          type: 'scale',
          required: true,
          scale: 'agree5',
          title: t(
            'Zamierzam wykorzystać w pracy co najmniej jedno przedstawione rozwiązanie.',
            'I intend to use at least one of the solutions presented.',
          ),
        },
        {
          id: 'apply_what',
          type: 'text',
          multiline: true,
          title: t(
            'Które rozwiązanie i w jaki sposób zostanie wykorzystane w pracy?',
            'Which solution will you use in your work, and how?',
          ),
          visibleIf: { question: 'apply', gte: 4 },
          hint: noPersonalDataHint,
        },
        {
          id: 'nps',
          type: 'nps',
          required: true,
          title: t(
            'Na ile prawdopodobne jest polecenie takiej konferencji koleżance lub koledze z innej JST?',
            'How likely are you to recommend a conference like this to a colleague from another local government?',
          ),
          minLabel: t('Zdecydowanie nie', 'Not at all likely'),
          maxLabel: t('Na pewno', 'Extremely likely'),
        },
        {
          id: 'nps_why',
          type: 'text',
          multiline: true,
          title: t('Co musiałoby się zmienić, by ocena była wyższa?', 'What would make your score higher?'),
          visibleIf: { question: 'nps', lte: LOW_NPS },
          hint: noPersonalDataHint,
        },
        {
          id: 'topics',
          type: 'text',
          multiline: true,
          title: t('Jakie tematy podjąć na kolejnych spotkaniach?', 'Which topics should future events cover?'),
          hint: noPersonalDataHint,
        },
        { id: 'comments', type: 'text', multiline: true, title: t('Inne uwagi', 'Other comments'), hint: noPersonalDataHint },
      ],
    },
  ];

  const definition = {
    id: options.id ?? 'conference-evaluation',
    version: options.version ?? 1,
    locale: options.locale ?? 'pl',
    title: title(options),
    description: description(options),
    pages,
    thankYou: t(
      'Dziękujemy! Odpowiedzi pomogą przygotować kolejne spotkania.',
      'Thank you! Your answers will help us prepare future events.',
    ),
  };
  const parsed = parseDefinition(definition);
  if (!parsed.ok) throw new DefinitionError(parsed.issues);
  return parsed.value;
}
