/**
 * Command-line flags and environment variables of the collector. Flags win over the
 * environment; the environment lets a service manager or a container configure it.
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

export interface CollectorOptions {
  host: string;
  /** 0 picks a free port (the start line says which). */
  port: number;
  /** PostgreSQL connection string; when absent the embedded SQLite storage in `dataDir` is used. */
  databaseUrl?: string;
  dataDir: string;
  /** Normalised origins (`https://example.pl`) whose pages may POST responses. */
  origins: string[];
  token: string;
  /** The token before the last change, also accepted while the processes restart one by one. */
  previousToken?: string;
  /** Whether the token was generated at start (then the start line has to show it). */
  tokenGenerated: boolean;
  definitionsDir?: string;
  maxBodyBytes: number;
  /** Requests per minute per client; 0 turns limiting off. */
  rateLimit: number;
  /** Reverse proxies in front of the collector whose `X-Forwarded-For` entries are trusted. */
  trustProxy: number;
  /** Responses submitted longer ago than this many days are deleted (hourly); 0 keeps them. */
  retentionDays: number;
}

export const HELP = `Usage: ankieta-collector [options]     (in the repository: npm run collector -- [options])

Receives survey responses from <ankieta-survey> widgets, stores each exactly once and lets
organisers export them as JSON or CSV.

Options (flags win over environment variables):
  --port <n>            Port to listen on; 0 picks a free one.           PORT, default 8787
  --host <address>      Address to listen on.                     ANKIETA_HOST, default 127.0.0.1
  --data-dir <dir>      Embedded storage (SQLite file ankieta.sqlite in this directory).
                                                          ANKIETA_DATA_DIR, default ./ankieta-data
  --database-url <url>  Use PostgreSQL instead, e.g. postgresql://user:pass@db/ankieta.
                        Several collector processes may share one database.   DATABASE_URL
  --origin <origin>     Origin whose pages may send responses (and read exports), e.g.
                        https://www.opole.pl. Repeat it or separate with commas. Pages on
                        the collector's own host (the Host asked for) are allowed too over
                        HTTPS, or over HTTP at an IP address or localhost; list any other
                        own origin, e.g. http://ankiety.intranet:8080.     ANKIETA_ORIGINS
  --token <secret>      Bearer token for GET /api/surveys/:id/responses (16 characters
                        or more, no spaces, not guessable: openssl rand -base64 24).
                                                                            ANKIETA_TOKEN
                        Without one a random token is generated and printed at start
                        (SQLite only: on PostgreSQL the processes must share one).
  --previous-token <secret>  The token before a change, accepted too while the
                        processes restart one by one; remove it once all have.
                                                                    ANKIETA_TOKEN_PREVIOUS
  --definitions <dir>   Directory of survey definitions (*.json, regular files or links
                        to them). When given, responses to unknown surveys get 404
                        and answers are checked against the definition of the response's
                        surveyVersion. Without it any survey id and answer keys are taken;
                        a CSV export then gives a column to at most 2000 of them (those in
                        the most responses), the rest going into a last JSON column,
                        answers:more.                                  ANKIETA_DEFINITIONS
  --max-body <bytes>    Largest accepted response body.  ANKIETA_MAX_BODY, default 262144
  --rate-limit <n>      Requests per minute per client address (bursts up to n); 0 turns
                        limiting off. Addresses are kept in memory only.
                                                          ANKIETA_RATE_LIMIT, default 120
  --trust-proxy <hops>  Number of reverse proxies in front; the client address is then
                        read from X-Forwarded-For.          ANKIETA_TRUST_PROXY, default 0
  --retention-days <n>  Delete responses received more than n days ago (at start, then
                        hourly), as the information clause promises; 0 keeps them.
                                                    ANKIETA_RETENTION_DAYS, default 0
  --import-sqlite <file>  With --database-url: copy the responses (with their day of
                        receipt) and erased ids of a SQLite collector's database (e.g.
                        /srv/ankieta-data/ankieta.sqlite) into PostgreSQL, then exit. Reads
                        the file only; safe to run again. Give it the --retention-days
                        the collectors have: older responses are not copied. Exit 0 done,
                        1 failed (run it again), 2 refused, 3 done but conflicts (listed
                        on stderr).
  --help                Show this text.

Endpoints:
  POST /api/responses                     201 stored, 200 already stored (same body),
                                          400 invalid, 404 unknown survey, 408 sent too slowly
                                          (headers over 15 s, request over 30 s), 409 same id
                                          with another body, 413 too large, 415 not JSON
                                          or compressed, 429 slow down
  GET  /api/surveys/:id/responses         Authorization: Bearer <token>; JSON, or
                                          ?format=csv (UTF-8 with BOM, ";"; ?sep=, for commas);
                                          HEAD checks the token without exporting
  DELETE /api/surveys/:id/responses/:rid  Authorization: Bearer <token>; erases one response
                                          (204), 404 when there is none
  GET  /healthz                           200 when the storage answers

On start one line is printed: the URL, the storage, the allowed origins and the token
(only when generated). Responses, client addresses and requests are never logged.

Moving from SQLite to PostgreSQL (see collector/README.md):
  1. Note each survey's export count, then stop the SQLite collector (its widgets keep their
     responses and send them later). An import may also run while it still serves, to copy
     the bulk early; run it again once it is stopped.
  2. ankieta-collector --database-url <url> --import-sqlite <data-dir>/ankieta.sqlite
     It migrates the PostgreSQL schema first; an id erased in either database stays erased.
  3. Start the collector with --database-url and the same token: each survey's export count
     is at least the one noted. Once checked, delete the SQLite file and its backups.
`;

export class OptionsError extends Error {}

function integer(name: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < min || value > max)
    throw new OptionsError(`${name} must be a whole number from ${min} to ${max}, got "${text}"`);
  return value;
}

function normaliseOrigin(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new OptionsError(`--origin "${text}" is not a URL (expected e.g. https://www.opole.pl)`);
  }
  if (!/^https?:$/.test(url.protocol) || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || url.username)
    throw new OptionsError(`--origin "${text}" must be just scheme, host and port (e.g. https://www.opole.pl)`);
  return url.origin;
}

/** Refuses what is no PostgreSQL URL, naming the problem; never quotes it (it may hold a password). */
function checkDatabaseUrl(text: string): void {
  const example = 'postgresql://user:password@host:5432/database';
  const url = URL.parse(text.trim());
  if (!url || !/^[a-z][a-z0-9+.-]*:\/\//i.test(text.trim()))
    throw new OptionsError(
      /\w=/.test(text)
        ? `--database-url (or DATABASE_URL) looks like libpq settings ("host=... dbname=..."); give a URL instead: ${example}`
        : `--database-url (or DATABASE_URL) is not a URL; expected ${example}`,
    );
  if (url.protocol !== 'postgresql:' && url.protocol !== 'postgres:')
    throw new OptionsError(
      `--database-url (or DATABASE_URL) is a ${url.protocol.slice(0, -1)}:// URL: the collector stores in PostgreSQL only (${example}), or in SQLite with --data-dir`,
    );
}

/** Parses flags and environment; returns `'help'` when --help was asked for. Throws `OptionsError`. */
/**
 * Why a token of the required length is still guessable, or undefined. Only shapes no random
 * token has: of the tokens `openssl rand -hex 8` makes (16 characters, the shortest allowed),
 * about 1 in 2 400 000 has fewer than 5 different characters; a repetition or a run over half
 * its length is rarer still.
 */
export function guessable(token: string): string | undefined {
  const chars = [...token].map((c) => c.codePointAt(0)!);
  if (new Set(chars).size < 5) return 'fewer than 5 different characters';
  for (let period = 1; period <= chars.length / 2; period++)
    if (chars.every((c, i) => i < period || c === chars[i - period])) return 'one piece repeated';
  // The longest stretch stepping up or down by one each time: 0123456789, abcdef, 9876.
  let run = 1;
  for (let i = 1, length = 1; i < chars.length; i++) {
    const step = chars[i]! - chars[i - 1]!;
    length = Math.abs(step) === 1 && (i < 2 || step === chars[i - 1]! - chars[i - 2]!) ? length + 1 : Math.abs(step) === 1 ? 2 : 1;
    run = Math.max(run, length);
  }
  if (run * 2 > chars.length) return 'a run of neighbouring characters such as 0123456789 or abcdef';
  return undefined;
}

/** A flag's value, else the environment variable's; an empty variable counts as unset. */
const fromEnv = (flag: string | undefined, env: NodeJS.ProcessEnv, name: string) => flag ?? (env[name] === '' ? undefined : env[name]);

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): CollectorOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        'database-url': { type: 'string' },
        origin: { type: 'string', multiple: true },
        token: { type: 'string' },
        'previous-token': { type: 'string' },
        definitions: { type: 'string' },
        'max-body': { type: 'string' },
        'rate-limit': { type: 'string' },
        'retention-days': { type: 'string' },
        'trust-proxy': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    throw new OptionsError((error as Error).message);
  }
  if (parsed.help) return 'help';
  const pick = (flag: string | undefined, name: string) => fromEnv(flag, env, name);

  const originTexts = parsed.origin ?? (env.ANKIETA_ORIGINS ? [env.ANKIETA_ORIGINS] : []);
  const origins = [
    ...new Set(
      originTexts
        .flatMap((o) => o.split(','))
        .map((o) => o.trim())
        .filter(Boolean)
        .map(normaliseOrigin),
    ),
  ];

  const checkToken = (given: string | undefined, flag: string, name: string) => {
    if (given !== undefined && given.length < 16) throw new OptionsError(`${flag} must have at least 16 characters`);
    // A token is sent as "Authorization: Bearer <token>", which cannot carry whitespace: one with a
    // space would be taken and never match. Often a space left at the end of a line in an env file.
    if (given !== undefined && /\s/.test(given))
      throw new OptionsError(
        /\s$/.test(given)
          ? `${flag} (or ${name}) has a space at the end (from an environment file?): remove it; a token cannot contain whitespace`
          : /^\s/.test(given)
            ? `${flag} (or ${name}) starts with a space: remove it; a token cannot contain whitespace`
            : `${flag} (or ${name}) contains whitespace, which no Authorization header can carry: choose one without (openssl rand -base64 24)`,
      );
    return given;
  };
  const given = checkToken(pick(parsed.token, 'ANKIETA_TOKEN'), '--token', 'ANKIETA_TOKEN');
  // The old token may be a weak one being replaced: refusing it would block the change away from it.
  const weakness = given === undefined ? undefined : guessable(given);
  if (weakness)
    throw new OptionsError(
      `--token (or ANKIETA_TOKEN) is too easy to guess (${weakness}), and it opens every response: use a random one, e.g. openssl rand -base64 24`,
    );
  const previousToken = checkToken(pick(parsed['previous-token'], 'ANKIETA_TOKEN_PREVIOUS'), '--previous-token', 'ANKIETA_TOKEN_PREVIOUS');
  if (previousToken !== undefined && given === undefined)
    throw new OptionsError(
      '--previous-token (or ANKIETA_TOKEN_PREVIOUS) is for changing the token: give the new one with --token or ANKIETA_TOKEN',
    );
  const definitions = pick(parsed.definitions, 'ANKIETA_DEFINITIONS');
  const databaseUrl = pick(parsed['database-url'], 'DATABASE_URL');
  if (databaseUrl !== undefined) checkDatabaseUrl(databaseUrl);
  // On PostgreSQL, several processes share the database: each would make up a token of its own,
  // and behind a proxy an export would get 401 from all but one (and a new one at every restart).
  if (databaseUrl !== undefined && given === undefined)
    throw new OptionsError(
      'a collector on PostgreSQL needs a token given (--token or ANKIETA_TOKEN, e.g. openssl rand -base64 24): its processes must share one, and each would make up its own',
    );

  return {
    host: pick(parsed.host, 'ANKIETA_HOST') ?? '127.0.0.1',
    port: integer('--port', pick(parsed.port, 'PORT') ?? '8787', 0, 65535),
    ...(databaseUrl === undefined ? {} : { databaseUrl }),
    dataDir: resolve(pick(parsed['data-dir'], 'ANKIETA_DATA_DIR') ?? 'ankieta-data'),
    origins,
    // Hex, not base64url: a token starting with '-' could not be passed back as `--token <value>`.
    token: given ?? randomBytes(18).toString('hex'),
    tokenGenerated: given === undefined,
    ...(previousToken === undefined ? {} : { previousToken }),
    ...(definitions === undefined ? {} : { definitionsDir: resolve(definitions) }),
    maxBodyBytes: integer('--max-body', pick(parsed['max-body'], 'ANKIETA_MAX_BODY') ?? '262144', 1024, 64 * 1024 * 1024),
    rateLimit: integer('--rate-limit', pick(parsed['rate-limit'], 'ANKIETA_RATE_LIMIT') ?? '120', 0, 1_000_000),
    trustProxy: integer('--trust-proxy', pick(parsed['trust-proxy'], 'ANKIETA_TRUST_PROXY') ?? '0', 0, 10),
    retentionDays: integer('--retention-days', pick(parsed['retention-days'], 'ANKIETA_RETENTION_DAYS') ?? '0', 0, 36_500),
  };
}

/** An import (`--import-sqlite`): where from and where to, nothing else. */
export interface ImportOptions {
  /** The SQLite collector's database file, absolute. */
  importSqlite: string;
  databaseUrl: string;
  /** The PostgreSQL collectors' --retention-days: older responses are not copied (they would come back after it deleted them). 0: all are. */
  retentionDays: number;
}

/**
 * The options of an import, when `--import-sqlite` is given (else undefined: the command line is
 * a server's, for `parseOptions`). An import serves nothing, so it needs no token, port or
 * origins, and refuses them rather than seem to use them. Throws `OptionsError`.
 */
export function parseImportOptions(argv: string[], env: NodeJS.ProcessEnv): ImportOptions | 'help' | undefined {
  if (!argv.some((arg) => arg === '--import-sqlite' || arg.startsWith('--import-sqlite='))) return undefined;
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        'import-sqlite': { type: 'string' },
        'database-url': { type: 'string' },
        'retention-days': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    const unknown =
      (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && /'(-[^']*)'/.exec((error as Error).message)?.[1];
    if (!unknown) throw new OptionsError((error as Error).message);
    throw new OptionsError(
      unknown === '--data-dir'
        ? '--import-sqlite takes the SQLite file itself, not --data-dir: e.g. --import-sqlite /srv/ankieta-data/ankieta.sqlite'
        : `${unknown} is not an option of an import: --import-sqlite <file> takes only --database-url (or DATABASE_URL) and --retention-days, and serves nothing`,
    );
  }
  if (parsed.help) return 'help';
  const databaseUrl = fromEnv(parsed['database-url'], env, 'DATABASE_URL');
  if (databaseUrl === undefined)
    throw new OptionsError('--import-sqlite copies into PostgreSQL: give its URL with --database-url (or DATABASE_URL)');
  checkDatabaseUrl(databaseUrl);
  const file = parsed['import-sqlite'];
  if (!file?.trim()) throw new OptionsError('--import-sqlite needs the SQLite file, e.g. /srv/ankieta-data/ankieta.sqlite');
  const retentionDays = integer('--retention-days', fromEnv(parsed['retention-days'], env, 'ANKIETA_RETENTION_DAYS') ?? '0', 0, 36_500);
  return { importSqlite: resolve(file), databaseUrl, retentionDays };
}
