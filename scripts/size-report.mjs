#!/usr/bin/env node
// Where the bytes of dist/ankieta.js come from: builds it with a source map and attributes
// every minified character to its source file, then prints per source group:
// - "alone": the group gzipped on its own (the groups add up to more than the whole file);
// - "in file": how much smaller the gzipped file gets without the group's text, the figure to
//   weigh when deciding what to take out (text shared with other groups compresses away).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer } from 'source-map';

const out = '/tmp/ankieta-size-report';
execFileSync('npx', ['vite', 'build', '--mode', 'iife', '--logLevel', 'warn', '--sourcemap', '--outDir', out, '--emptyOutDir'], {
  stdio: 'inherit',
});
const code = readFileSync(`${out}/ankieta.js`, 'utf8');
const consumer = await new SourceMapConsumer(JSON.parse(readFileSync(`${out}/ankieta.js.map`, 'utf8')));
const mappings = [];
consumer.eachMapping((m) => mappings.push(m));
mappings.sort((a, b) => a.generatedLine - b.generatedLine || a.generatedColumn - b.generatedColumn);
const lines = code.split('\n');
const depth = Number(process.argv[2] ?? 3);
// A segment runs to the next mapping, across lines: the lines of a multi-line template literal
// (every css`` block) carry no mappings of their own and belong to the mapping before them.
const textBetween = (m, next) => {
  if (next && next.generatedLine === m.generatedLine) return lines[m.generatedLine - 1].slice(m.generatedColumn, next.generatedColumn);
  const last = next ? next.generatedLine - 1 : lines.length;
  let t = lines[m.generatedLine - 1].slice(m.generatedColumn);
  for (let l = m.generatedLine; l < last; l++) t += `\n${lines[l]}`;
  if (next) t += `\n${lines[next.generatedLine - 1].slice(0, next.generatedColumn)}`;
  return t;
};
const segments = mappings.map((m, i) => {
  const source = m.source ?? '(no source)';
  const group = process.env.FILES
    ? source.replace(/^.*node_modules\//, '').replace(/^.*?\/src\//, 'src/')
    : source.includes('node_modules/')
      ? source
          .split('node_modules/')[1]
          .split('/')
          .slice(0, source.includes('node_modules/@') ? 2 : 1)
          .join('/')
      : source
          .replace(/^.*?\/src\//, 'src/')
          .split('/')
          .slice(0, depth)
          .join('/');
  return { group, text: textBetween(m, mappings[i + 1]) };
});
const gz = (s) => gzipSync(s, { level: 9 }).length;
const whole = gz(segments.map((s) => s.text).join(''));
const rows = [...new Set(segments.map((s) => s.group))].map((group) => ({
  group,
  raw: segments.filter((s) => s.group === group).reduce((n, s) => n + s.text.length, 0),
  alone: gz(
    segments
      .filter((s) => s.group === group)
      .map((s) => s.text)
      .join(''),
  ),
  inFile:
    whole -
    gz(
      segments
        .filter((s) => s.group !== group)
        .map((s) => s.text)
        .join(''),
    ),
}));
console.log(`dist/ankieta.js (before terser): ${code.length} B raw, ${whole} B gzip`);
console.log(`${'in file'.padStart(8)} ${'alone'.padStart(8)} ${'raw'.padStart(8)}  (B; gzip, gzip, uncompressed)`);
for (const row of rows.sort((a, b) => b.inFile - a.inFile))
  console.log(`${String(row.inFile).padStart(8)} ${String(row.alone).padStart(8)} ${String(row.raw).padStart(8)}  ${row.group}`);
