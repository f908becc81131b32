#!/usr/bin/env node
// Where the bytes of dist/ankieta.js come from: builds it with a source map and attributes
// every minified character to its source file, then prints gzip sizes per source group.
// (Each group is gzipped on its own, so the groups add up to more than the whole file.)
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
const text = {};
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
mappings.forEach((m, i) => {
  const next = mappings[i + 1];
  const source = m.source ?? '(no source)';
  const group = process.env.FILES
    ? source.replace(/^.*node_modules\//, '')
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
  text[group] = (text[group] ?? '') + textBetween(m, next);
});
const gz = (s) => gzipSync(s, { level: 9 }).length;
console.log(`dist/ankieta.js: ${code.length} B raw, ${gz(code)} B gzip`);
for (const [group, t] of Object.entries(text).sort((a, b) => gz(b[1]) - gz(a[1])))
  console.log(`${String(gz(t)).padStart(7)} B gzip ${String(t.length).padStart(8)} B raw  ${group}`);
