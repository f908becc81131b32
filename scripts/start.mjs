#!/usr/bin/env node
// npm start: the demo pages on a local Vite dev server.
import { spawn } from 'node:child_process';

const port = Number(process.env.DEMO_PORT ?? 5173);
const vite = spawn('npx', ['vite', '--port', String(port), '--strictPort'], { stdio: ['ignore', 'ignore', 'inherit'] });
console.log(`Ankieta demo: http://127.0.0.1:${port}/demo/   (Ctrl+C stops)`);
const stop = () => vite.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
vite.on('exit', (code) => process.exit(code ?? 0));
