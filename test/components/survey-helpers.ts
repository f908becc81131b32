import { nextFrame } from '@open-wc/testing';

/** Removes everything Ankieta keeps on this device (drafts, outbox, cached definitions). */
export async function clearDevice(): Promise<void> {
  for (const name of ['ankieta', 'ankieta-definitions']) {
    await new Promise<void>((resolve) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = request.onerror = () => resolve();
      // A connection still open (an element not yet disposed) delays the deletion; never hang on it.
      setTimeout(resolve, 3000);
    });
  }
  localStorage.clear();
}

/** Waits until a survey has finished loading (definition, draft) and has rendered. */
export async function settled(el: HTMLElement & { updateComplete: Promise<unknown> }, timeout = 5000): Promise<void> {
  const start = performance.now();
  for (;;) {
    await el.updateComplete;
    const loading = el.shadowRoot?.querySelector('.message[role=status]');
    if (!loading && el.shadowRoot?.firstElementChild) break;
    if (performance.now() - start > timeout) throw new Error('the survey did not finish loading');
    await new Promise((r) => setTimeout(r, 10));
  }
  await nextFrame();
}
