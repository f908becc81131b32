/** The organiser report's logic (no Lit): aggregation, statistics, CSV and loading. */
export {
  aggregate,
  aggregateInSlices,
  Aggregator,
  segmentQuestions,
  visibleGroups,
  yieldToMain,
  MIN_GROUP_SIZE,
  type AggregateOptions,
  type AggregateResult,
  type Breakdown,
  type Count,
  type DimensionSummary,
  type Group,
  type QuestionSummary,
  type Report,
  type ScaleStats,
} from './aggregate.js';
export { mean, standardDeviation, nps, isDivergent, DIVERGENCE_SD, type NpsBreakdown } from './statistics.js';
export { toCsv, summaryCsv, resultsCsv, csvSeparator, type Cell } from './csv.js';
export { responsesCsv, responsesCsvLines, type ExportedResponse } from './responses-csv.js';
export { fetchResponses, ReportLoadError, type LoadedResponses, type LoadErrorKind } from './fetch.js';
