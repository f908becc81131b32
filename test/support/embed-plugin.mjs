// Web Test Runner plugin for the script-tag tests: builds dist/ankieta.js when it is missing or
// older than the sources, serves host pages that embed it exactly as a site owner would (with
// the Subresource Integrity hash and, for /embed/csp/*, a strict Content-Security-Policy with
// Trusted Types), and a same-origin response sink so a strict `connect-src 'self'` allows delivery.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const BUNDLE = 'dist/ankieta.js';

/** The Content-Security-Policy of a strict municipal site; `lit-html` is the only policy name the bundle needs. */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

function ensureBundle() {
  if (existsSync(BUNDLE) && statSync(BUNDLE).mtimeMs >= newest('src')) return;
  execFileSync('npx', ['vite', 'build', '--mode', 'iife', '--logLevel', 'error'], { stdio: 'inherit' });
}

const escapeAttr = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** A host page: `head` and `body` HTML, with `{{SCRIPT attrs}}` replaced by the real script tag. */
function page({ title, head = '', body, charset = 'utf-8' }) {
  const bytes = readFileSync(BUNDLE);
  const integrity = `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
  // A page in another encoding gets the bundle as Apache and nginx serve a .js file by default,
  // with no charset: the browser then decodes it in the page's encoding.
  const src = charset === 'utf-8' ? `/${BUNDLE}` : `/${BUNDLE}?charset=none`;
  const script = (attrs = '') => `<script src="${src}" integrity="${integrity}" crossorigin="anonymous"${attrs}></script>`;
  const html = `<!doctype html><html lang="pl"><head><meta charset="${charset}"><title>${escapeAttr(title)}</title>${head}</head><body>${body}</body></html>`;
  return html.replace(/\{\{SCRIPT([^}]*)\}\}/g, (_, attrs) => script(attrs));
}

export function embedPlugin() {
  const received = [];
  return {
    name: 'ankieta-embed',
    serverStart() {
      ensureBundle();
    },
    async serve(context) {
      const url = new URL(context.request.url, 'http://localhost');
      if (!url.pathname.startsWith('/embed/')) return undefined;
      const name = url.pathname.slice('/embed/'.length).replace(/^csp(-twice)?\//, '');
      const file = `test/embed/pages/${name}.html`;
      if (!/^[a-z0-9-]+$/.test(name) || !existsSync(file)) return undefined;
      const [head, body] = readFileSync(file, 'utf8').split('<!-- body -->');
      if (url.pathname.startsWith('/embed/csp/')) context.set('Content-Security-Policy', STRICT_CSP);
      // The policy README gives for a page with the bundle twice, or another Lit-based script.
      if (url.pathname.startsWith('/embed/csp-twice/'))
        context.set('Content-Security-Policy', STRICT_CSP.replace('trusted-types lit-html', "trusted-types lit-html 'allow-duplicates'"));
      // <!-- charset: windows-1250 --> in a page: served and declared in that encoding (its own text is ASCII).
      const charset = /<!-- charset: ([\w-]+) -->/.exec(head)?.[1] ?? 'utf-8';
      return { body: page({ title: name, head, body, charset }), type: `text/html; charset=${charset}` };
    },
    async executeCommand({ command }) {
      if (command === 'embed:received') return received.splice(0);
      return undefined;
    },
    received,
  };
}

/**
 * Koa middleware, ahead of the dev server's transforms: serves dist/ankieta.js byte for byte
 * (a transformed copy would fail its integrity check), and POST /embed-sink/api/responses,
 * a same-origin stand-in collector that accepts and remembers (also from a sandboxed frame).
 */
export function embedMiddleware(plugin) {
  return async (context, next) => {
    if (context.path === `/${BUNDLE}`) {
      context.body = readFileSync(BUNDLE);
      if (context.query.charset === 'none') context.set('Content-Type', 'text/javascript');
      else context.type = 'application/javascript';
      // As a CDN serves it: a page in a sandboxed frame (an opaque origin) loads it with CORS too.
      context.set('Access-Control-Allow-Origin', '*');
      return;
    }
    if (context.path !== '/embed-sink/api/responses') return next();
    // A sandboxed frame's requests come from origin "null": allowed here, as a collector would.
    if (context.get('Origin') === 'null') {
      context.set('Access-Control-Allow-Origin', 'null');
      if (context.method === 'OPTIONS') {
        context.set('Access-Control-Allow-Methods', 'POST');
        context.set('Access-Control-Allow-Headers', 'content-type, idempotency-key');
        context.status = 204;
        return;
      }
    }
    if (context.method !== 'POST') {
      context.status = 405;
      return;
    }
    const chunks = [];
    for await (const chunk of context.req) chunks.push(chunk);
    plugin.received.push({ key: context.get('Idempotency-Key'), body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
    context.status = 201;
    context.body = '{}';
    context.type = 'json';
  };
}
