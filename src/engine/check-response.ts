import type { SurveyDefinition } from '../schema/definition.js';
import { OTHER_SUFFIX } from '../schema/constants.js';
import type { Response } from '../schema/response.js';
import { formatPath, type DefinitionIssue } from '../schema/issues.js';
import { errorMessage } from './validate.js';
import { choseOther, isAnswerable, normalizeAnswer } from './answers.js';
import { SurveyModel } from './survey-model.js';

/**
 * Checks a structurally valid response against the definition it claims to answer, as a
 * collector does before storing it: known questions, fitting values, only shown questions,
 * every required shown question answered and valid, and scores that match the answers.
 * Messages are in English (they are for the site owner, in a 400 reply).
 */
export function checkResponse(definition: SurveyDefinition, response: Response): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  const at = (id: string) => formatPath(['answers', id]);
  if (response.surveyId !== definition.id)
    issues.push({ path: 'surveyId', message: `expected ${JSON.stringify(definition.id)}, got ${JSON.stringify(response.surveyId)}` });
  const model = new SurveyModel(definition);

  for (const [id, value] of Object.entries(response.answers)) {
    const base = id.endsWith(OTHER_SUFFIX) ? id.slice(0, -OTHER_SUFFIX.length) : id;
    const question = model.question(base);
    if (!question || !isAnswerable(question)) {
      issues.push({ path: at(id), message: 'is not a question of this survey' });
      continue;
    }
    if (base !== id) {
      if (question.type !== 'choice' || !question.other || typeof value !== 'string')
        issues.push({ path: at(id), message: 'is not an "other" text of this question' });
      else if (!choseOther(response.answers[base])) issues.push({ path: at(id), message: '"other" was not chosen' });
      continue;
    }
    if (normalizeAnswer(question, value) === undefined) issues.push({ path: at(id), message: `does not fit a ${question.type} question` });
    // The widget never sends one twice; a report would count it twice.
    else if (Array.isArray(value) && new Set(value).size !== value.length)
      issues.push({ path: at(id), message: 'lists an option more than once' });
  }
  if (issues.length) return issues;

  for (const [id, value] of Object.entries(response.answers)) model.setAnswer(id, value);
  for (const id of Object.keys(response.answers)) {
    const base = id.endsWith(OTHER_SUFFIX) ? id.slice(0, -OTHER_SUFFIX.length) : id;
    if (!model.isShown(base)) issues.push({ path: at(id), message: 'answers a question that is hidden by its condition' });
  }
  for (const [id, error] of model.validateAll()) {
    issues.push({ path: at(id), message: errorMessage('en', error) });
  }
  const expected = model.toResponse({ ...response }).scores ?? {};
  const given = response.scores ?? {};
  const ids = new Set([...Object.keys(expected), ...Object.keys(given)]);
  for (const id of ids) {
    const want = expected[id];
    const got = given[id];
    if (want?.score !== got?.score || want?.band !== got?.band)
      issues.push({ path: formatPath(['scores', id]), message: `does not match the answers (expected ${JSON.stringify(want ?? null)})` });
  }
  return issues;
}
