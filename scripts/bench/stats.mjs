// Small statistics and formatting helpers for the benchmark.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

export const median = (values) => quantile(values, 0.5);

export function summary(values) {
  return { n: values.length, median: median(values), min: Math.min(...values), max: Math.max(...values), p95: quantile(values, 0.95) };
}

export const ms = (v) => (Number.isNaN(v) ? '–' : v < 100 ? `${v.toFixed(1)} ms` : `${Math.round(v)} ms`);
export const mb = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;
export const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
export const ratio = (v) => (Number.isFinite(v) ? `${v < 10 ? v.toFixed(2) : v.toFixed(1)}×` : '–');

/** Columns padded to the widest cell, for the terminal. */
export function textTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function markdownTable(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

/** Raw, gzip -9 and brotli q11 sizes of some bytes (a page that exists only in memory). */
export function byteSizes(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}
