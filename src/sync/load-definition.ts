/**
 * How long `<ankieta-survey src>` waits on the network. Wi-Fi that connects but passes nothing
 * leaves a request open for minutes: after `copy` ms the copy kept from the last visit is shown
 * instead (the request goes on and refreshes that copy for the next visit); without a copy the
 * request is given up after `giveUp` ms and the survey says it could not be loaded.
 */
export const definitionTimeouts = { copy: 5000, giveUp: 30000 };

/**
 * Fetches a survey definition for `<ankieta-survey src>`. Returns the JSON text; validation is
 * the schema's job. Same-origin credentials only: a definition is public content.
 */
export async function fetchDefinition(url: string, signal: AbortSignal): Promise<string> {
  const abort = new AbortController();
  const stop = () => abort.abort();
  signal.addEventListener('abort', stop);
  const timer = setTimeout(stop, definitionTimeouts.giveUp);
  try {
    // No Referer: the page's address may hold a newsletter's ?subscriber=…, as for the POST.
    const response = await fetch(url, {
      signal: abort.signal,
      credentials: 'same-origin',
      referrerPolicy: 'no-referrer',
      headers: { Accept: 'application/json' },
    });
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
    const text = await response.text();
    // A CMS answers a wrong address with its own page, often with 200: not a definition to show
    // visitors as "is not valid JSON", nor one to keep for the next visit.
    if (/^\s*</.test(text)) throw new Error('the server sent an HTML page, not the survey (is the address right?)');
    return text;
  } catch (error) {
    if (abort.signal.aborted && !signal.aborted) throw new Error(`no answer in ${definitionTimeouts.giveUp / 1000} s`);
    throw error;
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', stop);
  }
}
