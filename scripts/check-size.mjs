// CI size budget for the script-tag bundle (gzip -9). Fails the run when it is exceeded.
import { kB, sizes } from './lib.mjs';

const BUDGET = { 'dist/ankieta.js': 35_000 };
let failed = false;
for (const [file, budget] of Object.entries(BUDGET)) {
  const { gzip } = sizes(file);
  const ok = gzip <= budget;
  failed ||= !ok;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${file}: ${kB(gzip)} gzip (budget ${kB(budget)}, ${((gzip / budget) * 100).toFixed(0)}%)`);
}
process.exit(failed ? 1 : 0);
