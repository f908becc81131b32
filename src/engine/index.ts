export { SurveyModel, type Progress, type NavigationResult } from './survey-model.js';
export { evaluate, type AnswerLookup } from './conditions.js';
export { validateAnswer, maxLengthOf, DEFAULT_MAX_LENGTH, type ValidationError } from './validate.js';
export { scoreDimensions, responseScores, bandIndex, hasEnoughAnswers, roundScore, type DimensionResult } from './scoring.js';
export { isAnswerable, isAnswered, normalizeAnswer, choseOther, otherKey } from './answers.js';
export { scalePoints, notApplicableLabel, numericRange, type ScalePointSpec } from './scales.js';
export { checkResponse } from './check-response.js';
export { localize, languageOf } from './text.js';
export { uuid } from './uuid.js';
