/**
 * The partnership self-assessment (domain brief, section 2): strategic management (A1–A6) and
 * relationship management (B1–B7) on the agree5 scale with "don't know / not applicable",
 * scored per dimension by the engine (mean of answered items, at least two thirds answered,
 * 0–100), with three bands and advice for each dimension.
 *
 * B6 (non-government partners treated as equals) applies only to cross-sector partnerships.
 * The respondent's own sector does not tell whether the partnership is cross-sector (a
 * municipality can be in one with NGOs), so unless the site owner says so through the
 * `crossSector` option, the template asks: B6 is shown to respondents from an NGO or a
 * business, and to others who answer that the partnership includes such partners.
 */
import type { Band, Condition, LocalizedText, Question, SurveyDefinition } from '../schema/definition.js';
import { DefinitionError, parseDefinition } from '../schema/parse.js';
import { localize } from '../engine/text.js';
import { anonymityNote, each, noPersonalDataHint, quote, slug, t } from './text.js';

export interface PartnershipOptions {
  /**
   * The survey id (storage and response key); default: from the partnership's name
   * (`partnershipSurveyId`), else `partnership-self-assessment`. Each partnership needs its own,
   * or their responses mix in one collector report.
   */
  id?: string;
  version?: number;
  /** The partnership's name, from the embed configuration (respondents do not type it). */
  partnership?: LocalizedText;
  /** true: the partnership is cross-sector (B6 always asked); false: it is not (B6 left out); default: ask. */
  crossSector?: boolean;
}

const statement = (id: string, pl: string, en: string): Question => ({
  id,
  type: 'scale',
  required: true,
  scale: 'agree5',
  notApplicable: true,
  title: t(pl, en),
});

export const STRATEGIC_ITEMS = [
  statement(
    'a1',
    'Partnerzy mają wspólną, spisaną wizję i cele rozwoju obszaru.',
    'Partners share a written vision and goals for the territory the partnership covers.',
  ),
  statement('a2', 'Cele partnerstwa są realistyczne wobec zasobów i czasu.', 'Goals are realistic given resources and time.'),
  statement(
    'a3',
    'Strategia partnerstwa jest powiązana ze strategiami i budżetami partnerów.',
    'The partnership strategy is linked to partners’ own strategies and budgets.',
  ),
  statement(
    'a4',
    'Role i odpowiedzialność partnerów są jasno określone (np. w porozumieniu).',
    'Roles and responsibilities are clearly set out (e.g. in an agreement).',
  ),
  statement(
    'a5',
    'Mamy plan działań z harmonogramem i przypisanymi zasobami.',
    'We have an action plan with a timetable and assigned resources.',
  ),
  statement('a6', 'Regularnie monitorujemy postępy i korygujemy działania.', 'We regularly monitor progress and adjust what we do.'),
];

export const RELATIONSHIP_ITEMS = [
  statement('b1', 'Ufam, że partnerzy wywiążą się ze zobowiązań.', 'I trust partners to deliver on their commitments.'),
  statement('b2', 'Informacje są przekazywane otwarcie i na czas.', 'Information is shared openly and on time.'),
  statement('b3', 'Każdy partner ma realny wpływ na decyzje.', 'Every partner has real influence on decisions.'),
  statement('b4', 'Spory rozwiązujemy konstruktywnie.', 'We resolve disagreements constructively.'),
  statement('b5', 'Moja organizacja ma korzyści proporcjonalne do wkładu.', 'My organisation’s benefits match its contribution.'),
  statement(
    'b6',
    'Partnerzy spoza samorządu (organizacje pozarządowe, przedsiębiorstwa) są traktowani na równych prawach.',
    'Partners from outside local government (NGOs, businesses) are treated as equals.',
  ),
  statement(
    'b7',
    'Ogólnie współpraca w partnerstwie jest dla mnie satysfakcjonująca.',
    'Overall, working in this partnership is satisfying.',
  ),
];

export const SECTOR_OPTIONS = [
  { value: 'jst', label: t('Jednostka samorządu terytorialnego lub jej jednostka organizacyjna', 'Local government or one of its units') },
  { value: 'ngo', label: t('Organizacja pozarządowa', 'Non-governmental organisation') },
  { value: 'business', label: t('Przedsiębiorstwo', 'Business') },
  // Not "other": that value is reserved for the "Other – please specify" answer.
  { value: 'other_sector', label: t('Inny sektor', 'Other sector') },
];

/** Bands are uncalibrated (brief §2): re-check them after the first cohort. */
const bands = (advice: [LocalizedText, LocalizedText, LocalizedText]): Band[] => [
  { min: 0, max: 39, label: t('Wymaga uwagi', 'Needs attention'), advice: advice[0] },
  { min: 40, max: 69, label: t('W rozwoju', 'Developing'), advice: advice[1] },
  { min: 70, max: 100, label: t('Mocna strona', 'Strong'), advice: advice[2] },
];

const NON_GOVERNMENT: Condition = { question: 'sector', in: ['ngo', 'business'] };

function crossSectorQuestions(crossSector: boolean | undefined): { questions: Question[]; b6?: Condition } {
  if (crossSector !== undefined) return { questions: [] };
  return {
    questions: [
      {
        id: 'cross_sector',
        type: 'choice',
        required: true,
        title: t(
          'Czy w partnerstwie uczestniczą partnerzy spoza samorządu (organizacje pozarządowe, przedsiębiorstwa)?',
          'Does the partnership include partners from outside local government (NGOs, businesses)?',
        ),
        options: [
          { value: 'yes', label: t('Tak', 'Yes') },
          { value: 'no', label: t('Nie', 'No') },
          { value: 'dont_know', label: t('Nie wiem', 'I don’t know') },
        ],
        visibleIf: { question: 'sector', in: ['jst', 'other_sector'] },
      },
    ],
    b6: { any: [NON_GOVERNMENT, { question: 'cross_sector', eq: 'yes' }] },
  };
}

/**
 * A survey id from the partnership's (Polish) name: `Partnerstwo Ziemi Opolskiej` →
 * `partnership-partnerstwo-ziemi-opolskiej`. A name too long for an id, or without Latin
 * letters, ends in a short hash of the whole name, so two such names still get two ids.
 */
export function partnershipSurveyId(name: LocalizedText): string {
  const text = localize(name, 'pl').trim();
  const room = 64 - 'partnership-'.length;
  const whole = slug(text, Infinity);
  if (whole && whole.length <= room) return `partnership-${whole}`;
  // FNV-1a: stable across runs and machines, which a survey id must be.
  let hash = 0x811c9dc5;
  for (const char of text) hash = Math.imul(hash ^ char.codePointAt(0)!, 0x01000193) >>> 0;
  const tag = hash.toString(36).padStart(7, '0');
  const head = slug(text, room - tag.length - 1);
  return `partnership-${head ? `${head}-` : ''}${tag}`;
}

/** Builds the self-assessment. Throws `DefinitionError` (with JSON paths) for invalid options. */
export function partnershipSelfAssessment(options: PartnershipOptions = {}): SurveyDefinition {
  const cross = crossSectorQuestions(options.crossSector);
  const relationship = RELATIONSHIP_ITEMS.filter((item) => item.id !== 'b6' || options.crossSector !== false).map((item) =>
    item.id === 'b6' && cross.b6 ? { ...item, visibleIf: cross.b6 } : item,
  );
  const pageHint = t('Przy każdym stwierdzeniu prosimy zaznaczyć stopień zgody.', 'Please say how far you agree with each statement.');

  const definition = {
    id: options.id ?? (options.partnership ? partnershipSurveyId(options.partnership) : 'partnership-self-assessment'),
    version: options.version ?? 1,
    locale: 'pl' as const,
    title: options.partnership
      ? each(options.partnership, (name, locale) =>
          locale === 'pl' ? `Samoocena partnerstwa ${quote(name, locale)}` : `Partnership self-assessment: ${quote(name, locale)}`,
        )
      : t('Samoocena partnerstwa', 'Partnership self-assessment'),
    description: t(
      'Samoocena pomaga partnerstwu zobaczyć, co działa dobrze, a co wymaga uwagi. Każdy partner wypełnia ją osobno; wyniki w dwóch obszarach pojawią się od razu po wysłaniu odpowiedzi. Wypełnienie zajmie około 5 minut.',
      'The self-assessment helps a partnership see what works well and what needs attention. Each partner fills it in separately; the scores in two areas appear as soon as the answers are sent. It takes about 5 minutes.',
    ),
    pages: [
      {
        id: 'about',
        title: t('Reprezentowana organizacja', 'About your organisation'),
        questions: [
          { id: 'anonymity', type: 'info', text: anonymityNote },
          {
            id: 'sector',
            type: 'choice',
            required: true,
            title: t('Sektor reprezentowanej organizacji', 'Which sector does your organisation represent in the partnership?'),
            options: SECTOR_OPTIONS,
          },
          ...cross.questions,
        ],
      },
      {
        id: 'strategic',
        title: t('A. Zarządzanie strategiczne', 'A. Strategic management'),
        description: pageHint,
        questions: STRATEGIC_ITEMS,
      },
      {
        id: 'relationship',
        title: t('B. Zarządzanie relacjami', 'B. Relationship management'),
        description: pageHint,
        questions: relationship,
      },
      {
        id: 'closing',
        title: t('Uwagi', 'Comments'),
        questions: [
          {
            id: 'comments',
            type: 'text',
            multiline: true,
            title: t(
              'Co jeszcze warto wiedzieć o współpracy w partnerstwie?',
              'Is there anything else worth knowing about working in the partnership?',
            ),
            hint: noPersonalDataHint,
          },
        ],
      },
    ],
    scoring: {
      dimensions: [
        {
          id: 'strategic',
          title: t('Zarządzanie strategiczne', 'Strategic management'),
          questions: STRATEGIC_ITEMS.map((q) => q.id),
          bands: bands([
            t(
              'Warto wrócić do podstaw: uzgodnić na piśmie wizję, cele i podział ról.',
              'Back to basics: agree vision, goals and roles in writing.',
            ),
            t(
              'Warto przełożyć strategię na plan z harmonogramem, budżetem i wskaźnikami oraz ustalić cykl przeglądów.',
              'Turn the strategy into a plan with a timetable, budget and indicators; set a review cycle.',
            ),
            t(
              'Warto utrzymać monitoring i dzielić się praktyką z innymi partnerstwami.',
              'Keep monitoring; share your practice with other partnerships.',
            ),
          ]),
        },
        {
          id: 'relationship',
          title: t('Zarządzanie relacjami', 'Relationship management'),
          questions: relationship.map((q) => q.id),
          bands: bands([
            t(
              'Warto zorganizować moderowane spotkanie o oczekiwaniach, korzyściach i zasadach podejmowania decyzji.',
              'Hold a facilitated meeting on expectations, benefits and decision rules.',
            ),
            t(
              'Warto ustalić standardy komunikacji i tryb rozwiązywania sporów oraz sprawdzić podział korzyści.',
              'Agree communication standards and a dispute-resolution process; check how benefits are shared.',
            ),
            t(
              'Warto pielęgnować relacje: regularnie robić przeglądy i dobrze wprowadzać nowych partnerów.',
              'Look after relationships: hold regular reviews and onboard new partners well.',
            ),
          ]),
        },
      ],
    },
    thankYou: t('Dziękujemy! Poniżej wyniki tej samooceny.', 'Thank you! Your results are below.'),
  };
  const parsed = parseDefinition(definition);
  if (!parsed.ok) throw new DefinitionError(parsed.issues);
  return parsed.value;
}
