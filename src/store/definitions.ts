/**
 * The last good copy of each survey definition fetched from a `src` URL, so a page reloaded
 * while offline can still show the form its draft belongs to. Its own small IndexedDB
 * database, opened for each read or write and closed after it: the cache is used twice per
 * page load, and an idle open connection would block the user (or a test) clearing site data.
 * Failures only mean there is no copy.
 */
import { get, set, type UseStore } from 'idb-keyval';

const DATABASE = 'ankieta-definitions';
const STORE = 'definitions';

/** An idb-keyval store that opens the database for one transaction and closes it afterwards. */
const oneShot: UseStore = (mode, callback) =>
  new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      try {
        const transaction = db.transaction(STORE, mode);
        // Listeners, not on* properties: idb-keyval sets those on the same transaction.
        for (const type of ['complete', 'abort', 'error']) transaction.addEventListener(type, () => db.close());
        Promise.resolve(callback(transaction.objectStore(STORE))).then(resolve, reject);
      } catch (error) {
        db.close();
        reject(error);
      }
    };
  });

const within3s = <T>(work: Promise<T>) => Promise.race([work, new Promise<undefined>((resolve) => setTimeout(resolve, 3000))]);

export async function cacheDefinition(url: string, text: string): Promise<void> {
  try {
    await within3s(set(url, text, oneShot));
  } catch {
    // No copy this time; the survey itself is unaffected.
  }
}

/** The cached copy, or undefined (also when IndexedDB does not answer within 3 s). */
export async function cachedDefinition(url: string): Promise<string | undefined> {
  try {
    return await within3s(get<string>(url, oneShot));
  } catch {
    return undefined;
  }
}
