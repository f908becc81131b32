/**
 * Descriptive statistics from frequency counts (value → how many answered it), which is how
 * the report accumulates scale answers: exact, and constant memory per question.
 */

export interface Frequencies {
  /** Count per value. */
  readonly counts: ReadonlyMap<number, number>;
}

export function total(counts: ReadonlyMap<number, number>): number {
  let n = 0;
  for (const count of counts.values()) n += count;
  return n;
}

export function mean(counts: ReadonlyMap<number, number>): number | null {
  const n = total(counts);
  if (!n) return null;
  let sum = 0;
  for (const [value, count] of counts) sum += value * count;
  return sum / n;
}

/**
 * Population standard deviation (divide by n, not n − 1). The divergence flag asks how far
 * the partners who answered disagree with each other; they are the whole group being
 * described, not a sample of a larger one, and n − 1 would flag two answers 1 apart (SD 0.71)
 * about as readily as five. Null below two answers: one answer has no spread to speak of.
 */
export function standardDeviation(counts: ReadonlyMap<number, number>): number | null {
  const n = total(counts);
  if (n < 2) return null;
  const m = mean(counts)!;
  let squares = 0;
  for (const [value, count] of counts) squares += (value - m) ** 2 * count;
  return Math.sqrt(squares / n);
}

/** Flag an item as "divergent views" from this standard deviation up (domain brief §2, after PAT). */
export const DIVERGENCE_SD = 1;

const twoDecimalsFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2, useGrouping: false });

/**
 * A figure as the report shows it, to two decimals, rounded as Intl rounds it on screen (39.995
 * is shown "40,00", where toFixed would give 39.99), so that a flag or a band decided on it
 * agrees with the figure beside it.
 */
export const asShown = (value: number) => Number(twoDecimalsFormat.format(value));

/**
 * Whether the spread reaches the threshold as the report shows it: 0.996 is shown as "1,00" and
 * flagged, as the note under it says "at least 1" (this also absorbs binary noise such as
 * 0.9999999999999998).
 */
export const isDivergent = (sd: number | null) => sd !== null && asShown(sd) >= DIVERGENCE_SD;

export interface NpsBreakdown {
  n: number;
  /** 9–10 */
  promoters: number;
  /** 7–8 */
  passives: number;
  /** 0–6 */
  detractors: number;
  /**
   * % promoters − % detractors, −100…100, in whole points with halves away from zero (+57.5 is
   * +58 and −57.5 is −58, so mirrored data gives mirrored scores); null without answers.
   */
  score: number | null;
}

export function nps(counts: ReadonlyMap<number, number>): NpsBreakdown {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const [value, count] of counts) {
    if (value >= 9) promoters += count;
    else if (value >= 7) passives += count;
    else detractors += count;
  }
  const n = promoters + passives + detractors;
  // Multiplying before dividing keeps the halves exact: (25 − 2) / 40 × 100 is 57.49999999999999.
  const exact = ((promoters - detractors) * 100) / n;
  return { n, promoters, passives, detractors, score: n ? Math.sign(exact) * Math.round(Math.abs(exact)) || 0 : null };
}
