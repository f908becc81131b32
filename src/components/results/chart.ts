/**
 * Hand-drawn SVG charts of dimension scores (0–100): horizontal bars, or a radar when there are
 * three or more dimensions. Geometry goes into SVG attributes and colours come from the theme
 * through classes, so nothing needs a style attribute (strict CSP).
 */
import { svg, nothing, type SVGTemplateResult } from 'lit';

export interface ChartItem {
  label: string;
  /** 0–100, or null when the dimension has no score. */
  score: number | null;
  /** Text shown for a missing score, e.g. "brak wyniku". */
  missing: string;
}

export interface ChartText {
  title: string;
  description: string;
}

/**
 * Splits a label into lines of about `width` characters, at spaces; a longer word is cut to fit.
 * Not at a no-break space: display() puts one after a Polish one-letter word ("i zasoby").
 */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  const words = text.split(/[^\S\u00a0]+/).flatMap((word) => word.match(new RegExp(`.{1,${width}}`, 'gu')) ?? []);
  for (const word of words) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

const round = (n: number) => Math.round(n * 10) / 10;

function frame(width: number, height: number, text: ChartText, body: unknown, narrow = false) {
  // Named by its title; the <desc> (the scores in words) is its description, read once. The
  // narrow drawing is on the page beside the wide one: its ids are its own.
  const id = narrow ? 'chart-narrow' : 'chart';
  return svg`<svg class=${narrow ? 'chart-svg narrow' : 'chart-svg'} viewBox="0 0 ${width} ${height}" role="img" aria-labelledby=${`${id}-title`}
    preserveAspectRatio="xMidYMid meet"><title id=${`${id}-title`}>${text.title}</title><desc id=${`${id}-description`}>${text.description}</desc>${body}</svg>`;
}

/** Grid lines of a chart whose dimensions share no band edges. */
export const QUARTERS: readonly number[] = [0, 25, 50, 75, 100];

const BAR = { left: 4, gap: 80, lineHeight: 18, barHeight: 26, after: 46, top: 8 };

/**
 * One bar per dimension on a 0–100 track, with a tick at each of `ticks` (the band edges, where
 * every dimension has the same; else every 25 points). `width` is the drawing's
 * width in its own units: 640 for a wide figure, about 340 where it is shown at phone width, so
 * that its 15-unit text stays about 13 px on screen instead of 7. Long labels wrap.
 */
export function barChart(items: readonly ChartItem[], text: ChartText, ticks: readonly number[], width = 640): SVGTemplateResult {
  const track = width - BAR.gap;
  const x = (score: number) => round(BAR.left + (score / 100) * track);
  let y = BAR.top;
  let firstBar = 0;
  const rows = items.map((item) => {
    const lines = wrap(item.label, Math.floor(width / 9));
    const label = svg`<text class="label" x=${BAR.left} y=${y + 18}>${lines.map(
      (line, n) => svg`<tspan x=${BAR.left} dy=${n ? BAR.lineHeight : 0}>${line}</tspan>`,
    )}</text>`;
    const barY = y + 12 + lines.length * BAR.lineHeight;
    firstBar ||= barY;
    y = barY + BAR.after;
    const bar = svg`<rect class="track" x=${BAR.left} y=${barY} width=${track} height=${BAR.barHeight} rx="3"></rect>`;
    if (item.score === null) return svg`${label}${bar}<text class="value muted" x=${BAR.left + 10} y=${barY + 18}>${item.missing}</text>`;
    const end = x(item.score);
    // Inside the bar when there is no room after it; the value is always text, never colour alone.
    const inside = item.score > 88;
    return svg`${label}${bar}<rect class="bar" x=${BAR.left} y=${barY} width=${round(end - BAR.left)} height=${BAR.barHeight} rx="3"></rect>
      <text class=${inside ? 'value on-bar' : 'value'} x=${inside ? end - 8 : end + 8} y=${barY + 18} text-anchor=${inside ? 'end' : 'start'}>${item.score}</text>`;
  });
  const grid = ticks.map(
    (tick) =>
      svg`<line class="tick" x1=${x(tick)} x2=${x(tick)} y1=${firstBar - 2} y2=${y + 4}></line>${
        // A band edge near 0 or 100 (a 90–100 band, say) keeps its line; its number would run into theirs.
        tick % 100 && (tick < 15 || tick > 85)
          ? nothing
          : svg`<text class="tick-label" x=${x(tick)} y=${y + 22} text-anchor=${tick === 0 ? 'start' : tick === 100 ? 'end' : 'middle'}>${tick}</text>`
      }`,
  );
  return frame(width, y + 30, text, svg`${grid}${rows}`, width < 640);
}

const RADAR = { width: 640, height: 560, cx: 320, cy: 280, radius: 170, labelGap: 26, lineHeight: 18, wrapAt: 20 };

/** A radar: one axis per dimension, a ring at each of `ticks` above 0, the scores joined as a polygon. */
export function radarChart(items: readonly ChartItem[], text: ChartText, ticks: readonly number[]): SVGTemplateResult {
  const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / items.length;
  const point = (i: number, value: number) => {
    const r = (value / 100) * RADAR.radius;
    return [round(RADAR.cx + r * Math.cos(angle(i))), round(RADAR.cy + r * Math.sin(angle(i)))] as const;
  };
  const levels = ticks.filter((tick) => tick > 0);
  const rings = levels.map(
    (ring) => svg`<polygon class="ring" points=${items.map((_, i) => point(i, ring).join(',')).join(' ')}></polygon>`,
  );
  // Ring values run along the bisector of the first two axes, clear of the axes and their dots.
  const between = -Math.PI / 2 + Math.PI / items.length;
  const ringLabels = levels.map((ring) => {
    // On the ring's edge, which is nearer the centre between two axes than on them.
    const r = (ring / 100) * RADAR.radius * Math.cos(Math.PI / items.length);
    return svg`<text class="tick-label" x=${round(RADAR.cx + r * Math.cos(between)) + 4} y=${round(RADAR.cy + r * Math.sin(between))}>${ring}</text>`;
  });
  const axes = items.map((_, i) => {
    const [x, y] = point(i, 100);
    return svg`<line class="axis" x1=${RADAR.cx} y1=${RADAR.cy} x2=${x} y2=${y}></line>`;
  });
  const scored = items.map((item, i) => ({ item, i })).filter(({ item }) => item.score !== null);
  const shape =
    scored.length >= 2
      ? svg`<polygon class="area" points=${scored.map(({ item, i }) => point(i, item.score!).join(',')).join(' ')}></polygon>`
      : nothing;
  const dots = scored.map(({ item, i }) => {
    const [x, y] = point(i, item.score!);
    return svg`<circle class="dot" cx=${x} cy=${y} r="5"></circle>`;
  });
  const labels = items.map((item, i) => {
    const cos = Math.cos(angle(i));
    const sin = Math.sin(angle(i));
    const r = RADAR.radius + RADAR.labelGap;
    const x = round(RADAR.cx + r * cos);
    const anchor = Math.abs(cos) < 0.2 ? 'middle' : cos > 0 ? 'start' : 'end';
    const lines = [...wrap(item.label, RADAR.wrapAt), item.score === null ? item.missing : String(item.score)];
    // Labels above the centre grow upwards, so they never run into the chart.
    const height = (lines.length - 1) * RADAR.lineHeight;
    const baseY = RADAR.cy + r * sin + (sin < -0.2 ? -height : sin > 0.2 ? RADAR.lineHeight : RADAR.lineHeight / 3 - height / 2);
    return svg`<text class="label" x=${x} y=${round(baseY)} text-anchor=${anchor}>${lines.map(
      (line, n) => svg`<tspan class=${n === lines.length - 1 ? 'value' : nothing} x=${x} dy=${n ? RADAR.lineHeight : 0}>${line}</tspan>`,
    )}</text>`;
  });
  return frame(RADAR.width, RADAR.height, text, svg`${rings}${axes}${ringLabels}${shape}${dots}${labels}`);
}
