/**
 * Starting the collector from code (the CLI in main.ts does the same): opens the storage,
 * loads the definitions and listens. `close()` stops accepting, lets requests in flight
 * finish (for up to 10 s), answers any new request on a kept-alive connection with 503, and
 * closes the storage.
 */
import type { AddressInfo } from 'node:net';
import { loadDefinitions } from './definitions.js';
import type { CollectorOptions } from './options.js';
import { createCollectorServer } from './server.js';
import { openStorage } from './storage/index.js';
import { accountable } from './times.js';

export interface RunningCollector {
  url: string;
  storage: string;
  surveys: number | undefined;
  close(): Promise<void>;
}

export async function startCollector(options: CollectorOptions): Promise<RunningCollector> {
  const definitions = options.definitionsDir ? loadDefinitions(options.definitionsDir) : undefined;
  const storage = await openStorage(options);
  const server = createCollectorServer({ options, storage, ...(definitions ? { definitions } : {}) });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, resolve);
    });
  } catch (error) {
    await storage.close();
    throw error;
  }
  // Storage limitation (RODO art. 5 ust. 1 lit. e): responses older than the retention period go.
  const purge = () => {
    const before = new Date(Date.now() - options.retentionDays * 86_400_000).toISOString().slice(0, 10);
    return storage.purge(before).then(
      (deleted) => {
        // A count only, for whoever answers for the retention period; nothing about the responses.
        if (deleted)
          accountable(
            `deleted ${deleted} response${deleted === 1 ? '' : 's'} received before ${before} (--retention-days ${options.retentionDays})`,
          );
      },
      (error: Error) => console.error(`ankieta-collector: deleting old responses failed: ${error.message}`),
    );
  };
  let purging: ReturnType<typeof setInterval> | undefined;
  if (options.retentionDays) {
    await purge();
    purging = setInterval(purge, 3_600_000);
    purging.unref();
  }
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}`,
    storage: storage.description,
    surveys: definitions?.size,
    async close() {
      clearInterval(purging);
      await server.shutdown();
      await storage.close();
    },
  };
}
