/**
 * A stand-in for the collector, so the survey's delivery states are shown as they really
 * happen: the survey POSTs its response to one of these paths like to any collector, keeps it
 * in IndexedDB and reacts to what it hears. Nothing is stored here.
 *
 *   POST /storybook-api/accept      201: delivered ("Dziękujemy! Odpowiedzi zostały wysłane.")
 *   POST /storybook-api/refuse      400 with the collector's kind of error body: not delivered, kept for export
 *   POST /storybook-api/forbidden   403: delivery stops until "Spróbuj ponownie"
 *   POST /storybook-api/drop        the connection is closed without an answer, like venue Wi-Fi that
 *                                   drops: the response waits on the device and is retried with backoff
 *   GET  /storybook-api/unauthorized  401: the report's export URL with a wrong token
 *
 * Used as connect middleware by the Storybook dev server (.storybook/main.ts) and by the
 * static server in scripts/check-stories.mjs.
 */
export const STAND_IN_PATH = '/storybook-api/';

/** @type {Record<string, { method: string, answer: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void }>} */
const ROUTES = {
  accept: { method: 'POST', answer: (_req, res) => json(res, 201, { stored: true }) },
  refuse: {
    method: 'POST',
    answer: (_req, res) =>
      json(res, 400, {
        error: 'invalid response',
        issues: [{ path: 'answers.overall', message: 'refused by the Storybook collector stand-in' }],
      }),
  },
  forbidden: { method: 'POST', answer: (_req, res) => json(res, 403, { error: 'origin not allowed' }) },
  drop: { method: 'POST', answer: (req) => req.socket.destroy() },
  unauthorized: { method: 'GET', answer: (_req, res) => json(res, 401, { error: 'missing or wrong token' }) },
};

/** @param {import('node:http').ServerResponse} res */
function json(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {() => void} next
 */
export function collectorStandIn(req, res, next) {
  const url = new URL(req.url ?? '/', 'http://stand-in');
  if (!url.pathname.startsWith(STAND_IN_PATH)) return next();
  const route = ROUTES[url.pathname.slice(STAND_IN_PATH.length)];
  if (!route) return json(res, 404, { error: 'no such stand-in route' });
  if (req.method !== route.method) return json(res, 405, { error: `use ${route.method}` });
  // The body is read to the end first, as a real server does before it answers.
  req.resume();
  req.on('end', () => route.answer(req, res));
}
