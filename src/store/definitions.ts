/**
 * The last good copy of each survey definition fetched from a `src` URL, so a page reloaded
 * while offline can still show the form its draft belongs to. Its own small IndexedDB
 * database, opened for each read or write and closed after it: the cache is used twice per
 * page load, and an idle open connection would block the user (or a test) clearing site data.
 * Failures only mean there is no copy.
 */
import { promisifyRequest } from 'idb-keyval';
import { Database, type TransactionBody } from './database.js';

/** One transaction on a connection of its own, given up after 3 s (IndexedDB may never answer). */
async function once<T>(mode: IDBTransactionMode, body: TransactionBody<T>): Promise<T | undefined> {
  const database = new Database({ name: 'ankieta-definitions', storeName: 'definitions', openTimeoutMs: 3000 });
  try {
    return await Promise.race([database.transaction(mode, body), new Promise<undefined>((resolve) => setTimeout(resolve, 3000))]);
  } catch {
    return undefined;
  } finally {
    database.close();
  }
}

export async function cacheDefinition(url: string, text: string): Promise<void> {
  await once('readwrite', (store) => void store.put(text, url));
}

/** The cached copy, or undefined (also when IndexedDB does not answer within 3 s). */
export function cachedDefinition(url: string): Promise<string | undefined> {
  return once('readonly', (store) => promisifyRequest(store.get(url)) as Promise<string | undefined>);
}
