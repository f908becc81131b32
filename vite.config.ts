import { readdirSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const root = import.meta.dirname;
const src = (path: string) => resolve(root, 'src', path);

/** Every element folder under src/components with a file named after it is a public entry point. */
function elementEntries(): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const name of readdirSync(src('components'))) {
    const file = src(`components/${name}/${name}.ts`);
    if (existsSync(file)) entries[`components/${name}/${name}`] = file;
  }
  return entries;
}

/**
 * Comments and spacing that CSS ignores, out of the css`` blocks of the script-tag bundles (Lit
 * ships the text as written, and every visitor pays for it): about 0.5 kB gzip. Spaces around
 * `+`, `-`, `*` and `/` stay, since calc() and rgb() need them.
 */
function minifyCss(): Plugin {
  const minify = (text: string) =>
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,])\s*/g, '$1')
      .replace(/:\s+/g, ':')
      .replace(/;}/g, '}')
      .trim();
  return {
    name: 'ankieta-minify-css',
    transform(code, id) {
      if (!id.startsWith(src('')) || !code.includes('css`')) return null;
      return { code: code.replace(/\bcss`([^`$]*)`/g, (_, text: string) => `css\`${minify(text)}\``), map: null };
    },
  };
}

/** One self-contained IIFE file per script-tag entry: no chunks, so SRI covers everything. */
function scriptBuild(entry: string, fileName: string) {
  return defineConfig({
    plugins: [minifyCss()],
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      lib: { entry: src(entry), formats: ['iife'], name: 'Ankieta', fileName: () => fileName },
      rolldownOptions: { output: { codeSplitting: false } },
    },
  });
}

export default defineConfig(({ mode, command }) => {
  if (command === 'serve') {
    // `npm start`: the demo pages import ../src/*.ts directly.
    return { server: { host: '127.0.0.1', port: Number(process.env.DEMO_PORT ?? 5173), open: false } };
  }
  if (mode === 'iife') return scriptBuild('embed.ts', 'ankieta.js');
  if (mode === 'report') return scriptBuild('report-entry.ts', 'ankieta-report.js');
  // npm build: ES modules mirroring src/, runtime dependencies left to the application's bundler.
  return {
    build: {
      outDir: 'dist/esm',
      emptyOutDir: true,
      target: 'es2022',
      minify: false,
      sourcemap: true,
      lib: { entry: { index: src('index.ts'), ...elementEntries() }, formats: ['es'] },
      rolldownOptions: {
        external: [/^lit($|\/)/, /^@lit\//, /^zod($|\/)/, /^idb-keyval($|\/)/],
        output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
      },
    },
  };
});
