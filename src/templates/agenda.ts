/**
 * An event agenda (what an organiser already has) and its conversion into a ready conference
 * evaluation: one matrix row per talk or workshop, and one "what could have been better"
 * follow-up per talk (a workshop's low score opens the workshop question's own follow-up).
 * Breaks are part of an agenda but are not evaluated.
 */
import { LOCALES, LocalizedText, SurveyId, type SurveyDefinition } from '../schema/definition.js';
import { formatIssues, formatPath, type DefinitionIssue } from '../schema/issues.js';
import { DefinitionError, type ParseResult } from '../schema/parse.js';
import { z } from '../schema/zod.js';
import { conferenceEvaluation, sessionIds } from './conference.js';
import { slug } from './text.js';

const time = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time such as "09:30" (two digits for the hour)'));
/** Short enough that the follow-up id `talk_<id>_why` stays a valid question id. */
const SessionId = z
  .string()
  .check(z.regex(/^[A-Za-z][A-Za-z0-9_-]{0,39}$/, 'must start with a letter and use only A–Z, a–z, 0–9, "_" or "-" (at most 40)'));
/** A real calendar day: 2016-02-30 and 2016-13-01 are refused, not rolled over. */
function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}
const calendarDate = z.string().check(z.refine(isCalendarDate, 'must be a date such as "2016-04-18"'));

export const AgendaSession = z.strictObject({
  id: z.optional(SessionId),
  /** Default `talk`; `break` (registration, coffee, lunch) is not evaluated. */
  type: z.optional(z.enum(['talk', 'workshop', 'break'])),
  title: LocalizedText,
  /** Names, or `{pl, en}` where a name has an English form (an institution). */
  speakers: z.optional(z.array(LocalizedText).check(z.maxLength(20))),
  start: z.optional(time),
  end: z.optional(time),
});
export type AgendaSession = z.infer<typeof AgendaSession>;

export const Agenda = z.strictObject({
  $schema: z.optional(z.string()),
  /** The survey id of the evaluation; default: made from the title and the date. */
  id: z.optional(SurveyId),
  /** Language of plain-string texts; default `pl`. */
  locale: z.optional(z.enum(LOCALES)),
  title: LocalizedText,
  date: calendarDate,
  place: z.optional(LocalizedText),
  sessions: z.array(AgendaSession).check(z.minLength(1), z.maxLength(100)),
});
export type Agenda = z.infer<typeof Agenda>;

const evaluated = (agenda: Agenda) =>
  agenda.sessions.map((session, index) => ({ session, index })).filter(({ session }) => session.type !== 'break');

function crossCheck(agenda: Agenda): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  const sessions = evaluated(agenda);
  if (!sessions.length) issues.push({ path: 'sessions', message: 'needs at least one talk or workshop (breaks are not evaluated)' });
  const ids = sessionIds(sessions.map(({ session }) => session));
  const seen = new Map<string, number>();
  ids.forEach((id, i) => {
    const index = sessions[i]!.index;
    const first = seen.get(id);
    if (first !== undefined)
      issues.push({
        path: formatPath(['sessions', index, 'id']),
        message: `duplicate session id ${JSON.stringify(id)} (also used by ${formatPath(['sessions', first])})`,
      });
    else seen.set(id, index);
  });
  agenda.sessions.forEach((session, i) => {
    if (session.start && session.end && session.end <= session.start)
      issues.push({ path: formatPath(['sessions', i, 'end']), message: `must be after the start (${session.start})` });
  });
  return issues;
}

/** Validates an agenda (an object or JSON text). Never throws: problems come back with JSON paths. */
export function parseAgenda(input: unknown): ParseResult<Agenda> {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      return { ok: false, issues: [{ path: '(root)', message: `is not valid JSON (${(error as Error).message})` }] };
    }
  }
  const result = Agenda.safeParse(value);
  if (!result.success) return { ok: false, issues: formatIssues(result.error.issues, value) };
  const issues = crossCheck(result.data);
  return issues.length ? { ok: false, issues } : { ok: true, value: result.data };
}

/** A survey id from the title and the date, e.g. `wspolpraca-w-partnerstwach-samorzadowych-2016-04-18`. */
export function agendaSurveyId(agenda: Agenda): string {
  const title = typeof agenda.title === 'string' ? agenda.title : (agenda.title.pl ?? agenda.title.en ?? '');
  const id = slug(title, 64 - agenda.date.length - 1);
  return id ? `${id}-${agenda.date}` : `event-${agenda.date}`;
}

/**
 * Turns an agenda into a conference evaluation. Throws `DefinitionError` whose issues name the
 * agenda's JSON paths (e.g. `sessions[1].title: must not be empty`).
 */
export function surveyFromAgenda(input: unknown): SurveyDefinition {
  const parsed = parseAgenda(input);
  if (!parsed.ok) throw new DefinitionError(parsed.issues);
  const agenda = parsed.value;
  const sessions = evaluated(agenda).map(({ session }) => session);
  return conferenceEvaluation({
    id: agenda.id ?? agendaSurveyId(agenda),
    locale: agenda.locale ?? 'pl',
    event: agenda.title,
    date: agenda.date,
    ...(agenda.place ? { place: agenda.place } : {}),
    sessions: sessions.map((s) => ({
      title: s.title,
      ...(s.id ? { id: s.id } : {}),
      ...(s.type === 'workshop' ? { type: 'workshop' as const } : {}),
      ...(s.speakers ? { speakers: s.speakers } : {}),
    })),
    workshops: sessions.some((s) => s.type === 'workshop'),
  });
}
