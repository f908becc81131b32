/**
 * Rules that relate one part of a definition to another, checked after the structure is valid:
 * unique ids, conditions that refer to earlier questions, scoring that refers to scored
 * questions, bands that cover 0–100 exactly, and choice/scale settings that agree.
 */
import type { Condition, Question, Scalar, SurveyDefinition } from './definition.js';
import { NOT_APPLICABLE, OTHER } from './response.js';
import { formatPath, type DefinitionIssue, type PathSegment } from './issues.js';
import { range } from './builtins.js';

/** Question types whose answers are numbers on a scale and can be scored or compared. */
export const SCORED_TYPES: ReadonlySet<Question['type']> = new Set(['rating', 'scale', 'nps', 'matrix']);

interface Located {
  question: Question;
  path: PathSegment[];
  order: number;
}

export function crossCheck(definition: SurveyDefinition): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  const report = (path: PathSegment[], message: string) => issues.push({ path: formatPath(path), message });

  const pageIds = new Map<string, PathSegment[]>();
  const questions = new Map<string, Located>();
  const located: Located[] = [];

  definition.pages.forEach((page, p) => {
    const pagePath = ['pages', p];
    const firstPage = pageIds.get(page.id);
    if (firstPage) report([...pagePath, 'id'], `duplicate page id ${JSON.stringify(page.id)} (first used at ${formatPath(firstPage)})`);
    else pageIds.set(page.id, pagePath);

    page.questions.forEach((question, q) => {
      const entry = { question, path: [...pagePath, 'questions', q], order: located.length };
      located.push(entry);
      const first = questions.get(question.id);
      if (first)
        report([...entry.path, 'id'], `duplicate question id ${JSON.stringify(question.id)} (first used at ${formatPath(first.path)})`);
      else questions.set(question.id, entry);
    });
  });

  for (const { question, path, order } of located) {
    checkQuestion(question, path, report);
    if (question.visibleIf) checkCondition(question.visibleIf, [...path, 'visibleIf'], order, questions, report);
  }

  const dimensionIds = new Set<string>();
  definition.scoring?.dimensions.forEach((dimension, d) => {
    const path = ['scoring', 'dimensions', d];
    if (dimensionIds.has(dimension.id)) report([...path, 'id'], `duplicate dimension id ${JSON.stringify(dimension.id)}`);
    dimensionIds.add(dimension.id);
    const seen = new Set<string>();
    dimension.questions.forEach((id, i) => {
      const target = questions.get(id)?.question;
      if (!target) report([...path, 'questions', i], `unknown question ${JSON.stringify(id)}`);
      else if (!SCORED_TYPES.has(target.type))
        report(
          [...path, 'questions', i],
          `question ${JSON.stringify(id)} is a ${target.type} question and cannot be scored (use rating, scale, nps or matrix)`,
        );
      if (seen.has(id)) report([...path, 'questions', i], `question ${JSON.stringify(id)} is listed twice`);
      seen.add(id);
    });
    checkBands(dimension.bands, [...path, 'bands'], report);
  });

  return issues;
}

type Report = (path: PathSegment[], message: string) => void;

function checkQuestion(question: Question, path: PathSegment[], report: Report): void {
  switch (question.type) {
    case 'scale':
    case 'matrix': {
      if (question.scale && question.points) report(path, 'use either "scale" or "points", not both');
      if (!question.scale && !question.points) report(path, 'needs "scale" (agree5, quality5) or "points"');
      question.points?.forEach((point, i) => {
        if (question.points!.findIndex((other) => other.value === point.value) !== i)
          report([...path, 'points', i, 'value'], `duplicate point value ${point.value}`);
      });
      if (question.type === 'matrix') {
        question.rows.forEach((row, i) => {
          if (question.rows.findIndex((other) => other.id === row.id) !== i)
            report([...path, 'rows', i, 'id'], `duplicate row id ${JSON.stringify(row.id)}`);
        });
      }
      break;
    }
    case 'choice': {
      question.options.forEach((option, i) => {
        if (question.options.findIndex((other) => other.value === option.value) !== i)
          report([...path, 'options', i, 'value'], `duplicate option value ${JSON.stringify(option.value)}`);
        if (question.other && option.value === OTHER)
          report([...path, 'options', i, 'value'], `"${OTHER}" is reserved for the "other" answer`);
      });
      if (question.multiple && question.display === 'dropdown')
        report([...path, 'display'], 'a dropdown allows one answer; remove "multiple" or use "radio"');
      if (!question.multiple && (question.minChoices !== undefined || question.maxChoices !== undefined))
        report(path, '"minChoices" and "maxChoices" need "multiple": true');
      const available = question.options.length + (question.other ? 1 : 0);
      if (question.maxChoices !== undefined && question.maxChoices > available)
        report([...path, 'maxChoices'], `is more than the ${available} available options`);
      if (question.minChoices !== undefined && question.minChoices > (question.maxChoices ?? available))
        report([...path, 'minChoices'], 'is more than "maxChoices" or the number of options');
      break;
    }
    default:
      break;
  }
}

function checkCondition(condition: Condition, path: PathSegment[], order: number, questions: Map<string, Located>, report: Report): void {
  if ('all' in condition) return condition.all.forEach((c, i) => checkCondition(c, [...path, 'all', i], order, questions, report));
  if ('any' in condition) return condition.any.forEach((c, i) => checkCondition(c, [...path, 'any', i], order, questions, report));
  if ('not' in condition) return checkCondition(condition.not, [...path, 'not'], order, questions, report);

  const target = questions.get(condition.question);
  if (!target) {
    report([...path, 'question'], `unknown question ${JSON.stringify(condition.question)}`);
    return;
  }
  if (target.order >= order) {
    report(
      [...path, 'question'],
      target.order === order
        ? 'refers to the question itself (conditions may refer only to earlier questions)'
        : `refers to ${JSON.stringify(condition.question)}, which comes later (conditions may refer only to earlier questions)`,
    );
    return;
  }
  const { question } = target;
  if (question.type === 'info') {
    report([...path, 'question'], `${JSON.stringify(condition.question)} is an info block and has no answer`);
    return;
  }
  if (condition.row !== undefined) {
    if (question.type !== 'matrix')
      report([...path, 'row'], `"row" needs a matrix question, but ${JSON.stringify(condition.question)} is ${question.type}`);
    else if (!question.rows.some((r) => r.id === condition.row))
      report([...path, 'row'], `matrix ${JSON.stringify(condition.question)} has no row ${JSON.stringify(condition.row)}`);
  }
  const numeric = ['lt', 'lte', 'gt', 'gte'].find((op) => (condition as Record<string, unknown>)[op] !== undefined);
  if (numeric && !SCORED_TYPES.has(question.type))
    report([...path, numeric], `"${numeric}" compares numbers, but ${JSON.stringify(condition.question)} is a ${question.type} question`);
  if (question.type === 'consent' && condition.neq === true)
    report(
      [...path, 'neq'],
      `an unticked box counts as unanswered, so "neq" never holds for ${JSON.stringify(condition.question)}; use "answered": false`,
    );
  if (question.type === 'text') {
    const text = (value: Scalar | undefined, valuePath: PathSegment[]) => {
      if (value !== undefined && typeof value !== 'string')
        report(valuePath, `${JSON.stringify(condition.question)} is a text question: compare it with text, not ${JSON.stringify(value)}`);
    };
    text(condition.eq, [...path, 'eq']);
    text(condition.neq, [...path, 'neq']);
    condition.in?.forEach((value, i) => text(value, [...path, 'in', i]));
  }
  const possible = possibleAnswers(question);
  if (!possible) return;
  const check = (value: Scalar, valuePath: PathSegment[]) => {
    if (!possible.includes(value))
      report(
        valuePath,
        `${JSON.stringify(condition.question)} never has the answer ${JSON.stringify(value)} (possible: ${possible.map((v) => JSON.stringify(v)).join(', ')})`,
      );
  };
  if (condition.eq !== undefined) check(condition.eq, [...path, 'eq']);
  if (condition.neq !== undefined) check(condition.neq, [...path, 'neq']);
  condition.in?.forEach((value, i) => check(value, [...path, 'in', i]));
}

/**
 * The values an `eq`, `neq` or `in` can meet for a question with a fixed set of answers, so a
 * typo in a condition is caught instead of silently never matching. Free text has no such set;
 * an unticked consent box counts as unanswered, so only `true` can match it.
 */
function possibleAnswers(question: Question): Scalar[] | undefined {
  switch (question.type) {
    case 'choice':
      return [...question.options.map((o) => o.value), ...(question.other ? [OTHER] : [])];
    case 'consent':
      return [true];
    case 'rating':
      return range(question.max ?? 5, 1);
    case 'nps':
      return range(11);
    case 'scale':
    case 'matrix': {
      // Both named scales (agree5, quality5) run from 1 to 5.
      const points = question.points?.map((p) => p.value) ?? [1, 2, 3, 4, 5];
      return question.notApplicable ? [...points, NOT_APPLICABLE] : points;
    }
    default:
      return undefined;
  }
}

function checkBands(bands: readonly { min: number; max: number }[], path: PathSegment[], report: Report): void {
  const gap = (from: number, to: number) => (from === to ? `score ${from} has no band` : `scores ${from}–${to} have no band`);
  bands.forEach((band, i) => {
    if (band.min > band.max) report([...path, i], `min ${band.min} is above max ${band.max}`);
  });
  // An inverted band is reported above; leaving it out here avoids a second, confusing message.
  const sorted = bands
    .map((band, index) => ({ ...band, index }))
    .filter((band) => band.min <= band.max)
    .sort((a, b) => a.min - b.min);
  let expected = 0;
  for (const band of sorted) {
    if (band.min > expected) report([...path, band.index, 'min'], `leaves a gap: ${gap(expected, band.min - 1)}`);
    else if (band.min < expected)
      report([...path, band.index, 'min'], `overlaps the previous band (scores ${band.min}–${Math.min(expected - 1, band.max)})`);
    expected = Math.max(expected, band.max + 1);
  }
  if (expected <= 100) report(path, `leaves a gap: ${gap(expected, 100)}`);
}
