/**
 * A response: what is stored on the device, queued, POSTed and kept by the collector.
 * Anonymous by construction: there is no field for an IP, a user agent or a fingerprint.
 */
import { LOCALES, Id, SurveyId } from './definition.js';
import { NOT_APPLICABLE } from './constants.js';
import { int, matches, refine, z } from './zod.js';

export { NOT_APPLICABLE, OTHER, OTHER_SUFFIX } from './constants.js';

const MAX_TEXT = 20000;

export const AnswerValue = z.union([
  z.number().check(refine(Number.isFinite, 'must be a finite number')),
  z.string().check(z.maxLength(MAX_TEXT)),
  z.boolean(),
  z.array(z.string().check(z.maxLength(64))).check(z.maxLength(200)),
  z.record(Id, z.union([z.number().check(refine(Number.isFinite, 'must be a finite number')), z.enum([NOT_APPLICABLE])])),
]);
export type AnswerValue = z.infer<typeof AnswerValue>;
export type Answers = Record<string, AnswerValue>;

/** Answer keys are question ids, or `<choiceId>.other` for an "Other" text. */
const AnswerKey = z.string().check(matches(/^[A-Za-z][A-Za-z0-9_-]{0,63}(\.other)?$/, 'is not a question id'));

export const DimensionScore = z.strictObject({
  score: int(0, 100),
  band: int(0),
});
export type DimensionScore = z.infer<typeof DimensionScore>;

const isoDate = z
  .string()
  .check(refine((s) => /^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 date-time'));

/** A response id: a UUID v4, made on the device. */
export const RESPONSE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export const Response = z.strictObject({
  id: z.string().check(matches(RESPONSE_ID, 'must be a UUID v4')),
  surveyId: SurveyId,
  surveyVersion: int(1),
  locale: z.enum(LOCALES),
  startedAt: isoDate,
  submittedAt: isoDate,
  answers: z.record(AnswerKey, AnswerValue),
  scores: z.optional(z.record(Id, DimensionScore)),
  /** Honeypot: a field real respondents never see. The collector rejects a response that fills it. */
  hp: z.optional(z.string().check(z.maxLength(200))),
});
export type Response = z.infer<typeof Response>;
