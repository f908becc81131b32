#!/usr/bin/env node
// npm start: the response collector on its embedded storage (SQLite in .collector-data/) and
// the demo pages on a Vite dev server, with the demo's origin allowed by the collector. The
// demo pages get the collector's endpoint and export token through Vite's %VITE_*% HTML
// placeholders and import.meta.env.
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';

const demoPort = Number(process.env.DEMO_PORT ?? 5173);
const collectorPort = Number(process.env.COLLECTOR_PORT ?? 8787);
const origins = [`http://127.0.0.1:${demoPort}`, `http://localhost:${demoPort}`];

/** Says which port is taken and how to choose another, before anything starts. */
async function needFree(port, variable, what) {
  const probe = createServer();
  try {
    await new Promise((resolve, reject) => probe.once('error', reject).listen(port, '127.0.0.1', resolve));
  } catch (error) {
    console.error(
      error.code === 'EADDRINUSE'
        ? `Port ${port} (${what}) is in use. Stop what uses it, or choose another: ${variable}=<port> npm start`
        : `Cannot use port ${port} (${what}): ${error.message}`,
    );
    process.exit(1);
  }
  await new Promise((resolve) => probe.close(resolve));
}
await needFree(demoPort, 'DEMO_PORT', 'the demo pages');
await needFree(collectorPort, 'COLLECTOR_PORT', 'the collector');

execFileSync(process.execPath, ['scripts/build-collector.mjs'], { stdio: 'inherit' });
// The municipal and conference pages load the script-tag bundle, as a site owner would.
execFileSync('npx', ['vite', 'build', '--mode', 'iife', '--logLevel', 'warn'], { stdio: 'inherit' });

const collector = spawn(
  process.execPath,
  [
    'dist/collector.mjs',
    '--port',
    String(collectorPort),
    '--data-dir',
    '.collector-data',
    '--definitions',
    'demo/surveys',
    ...origins.flatMap((o) => ['--origin', o]),
  ],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
// Only while it starts: a later exit (Ctrl+C) is no failure to start.
const starting = new AbortController();
const [firstLine] = await Promise.race([
  once(createInterface({ input: collector.stdout }), 'line'),
  once(collector, 'exit', { signal: starting.signal }).then(
    ([code]) => {
      console.error(`The collector did not start (exit code ${code}); its message is above.`);
      process.exit(1);
    },
    () => {},
  ), // aborted once it started
]);
starting.abort();
const collectorUrl = /listening on (\S+)/.exec(firstLine)?.[1];
const token = /\| token (\S+) \(generated/.exec(firstLine)?.[1] ?? '';

const vite = spawn(process.execPath, ['node_modules/vite/bin/vite.js', '--port', String(demoPort), '--strictPort'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: {
    ...process.env,
    VITE_ANKIETA_ENDPOINT: `${collectorUrl}/api/responses`,
    VITE_ANKIETA_COLLECTOR: collectorUrl,
    VITE_ANKIETA_TOKEN: token,
  },
});

console.log(`
  Ankieta demo        http://127.0.0.1:${demoPort}/demo/
  Organiser report    http://127.0.0.1:${demoPort}/demo/report.html  (reads the collector below with the token)
  Collector           ${collectorUrl}  (SQLite in .collector-data/)
  Export token        ${token}
  Export as CSV       curl -H "Authorization: Bearer ${token}" "${collectorUrl}/api/surveys/demo-spotkanie/responses?format=csv"

  Ctrl+C stops both.
`);

const stop = () => {
  vite.kill('SIGTERM');
  collector.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
await Promise.race([once(vite, 'exit'), once(collector, 'exit')]);
stop();
