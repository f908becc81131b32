/**
 * Fetches a survey definition for `<ankieta-survey src>`. Returns the JSON text; validation is
 * the schema's job. Same-origin credentials only: a definition is public content.
 */
export async function fetchDefinition(url: string, signal?: AbortSignal): Promise<string> {
  const response = await fetch(url, { signal, credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText} for ${url}`);
  return response.text();
}
