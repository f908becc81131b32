/** The `ankieta-collector` command (bundled to dist/collector.mjs by scripts/build-collector.mjs). */
import { importSqlite } from './import-sqlite.js';
import { startCollector } from './index.js';
import { HELP, OptionsError, parseImportOptions, parseOptions } from './options.js';

async function main(): Promise<void> {
  let options;
  try {
    // --import-sqlite copies a SQLite database into PostgreSQL and exits: options of its own.
    options = parseImportOptions(process.argv.slice(2), process.env) ?? parseOptions(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof OptionsError)) throw error;
    process.stderr.write(`ankieta-collector: ${error.message}\nTry --help.\n`);
    process.exit(2);
  }
  if (options === 'help') {
    process.stdout.write(HELP);
    return;
  }
  if ('importSqlite' in options) {
    process.umask(0o077);
    try {
      process.exit(await importSqlite(options));
    } catch (error) {
      const refused = (error as { exitCode?: number }).exitCode === 2;
      process.stderr.write(
        `ankieta-collector: cannot import: ${(error as Error).message}${refused ? '' : '; nothing is copied in part (each batch is one transaction): run the import again'}\n`,
      );
      process.exit(refused ? 2 : 1);
    }
  }
  // Files this process makes (the SQLite database and its -wal and -shm files, made as they are
  // needed) are readable by its own user only: responses, and a separate survey's e-mail
  // addresses, are not for every account on the machine.
  process.umask(0o077);
  // X-Forwarded-For is believed from whoever connects: fine behind a proxy on the same machine,
  // but a client reaching the collector directly sets it, and with it its rate-limit bucket.
  if (options.trustProxy && !/^(127\.|::1$|localhost$)/.test(options.host))
    process.stderr.write(
      `ankieta-collector: --trust-proxy ${options.trustProxy} while listening on ${options.host}: a client that reaches the collector directly chooses the address the rate limit counts (X-Forwarded-For); listen on 127.0.0.1 behind the proxy, or firewall the port\n`,
    );
  const collector = await startCollector(options);
  const origins = options.origins.length ? options.origins.join(', ') : 'none besides its own host';
  const surveys =
    collector.surveys === undefined ? 'any survey id (no --definitions)' : `${collector.surveys} from ${options.definitionsDir}`;
  const token = options.tokenGenerated
    ? `token ${options.token} (generated; set --token or ANKIETA_TOKEN to keep one)`
    : `token from --token/ANKIETA_TOKEN${options.previousToken ? ', and the previous one until it is removed' : ''}`;
  // Said at every start, so whoever runs it sees what the information clause must match.
  const retention = options.retentionDays
    ? `responses deleted ${options.retentionDays} day${options.retentionDays === 1 ? '' : 's'} after receipt`
    : 'responses kept until erased (no --retention-days)';
  // The one line a start prints; scripts that run the collector read the URL and token from it.
  process.stdout.write(
    `ankieta-collector listening on ${collector.url} | storage ${collector.storage} | origins ${origins} | surveys ${surveys} | ${retention} | ${token}\n`,
  );

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    collector.close().then(
      () => process.exit(0),
      (error: Error) => {
        process.stderr.write(`ankieta-collector: ${error.message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: Error & { exitCode?: number }) => {
  process.stderr.write(`ankieta-collector: cannot start: ${error.message}\n`);
  // 2 for a setting to change (a data directory it refuses), as for bad options: not restarted.
  process.exit(error.exitCode ?? 1);
});
