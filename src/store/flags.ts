/**
 * Small per-device flags of the launcher ("already shown", "already completed"). They are
 * preferences, not answers, so localStorage is enough; when it is unavailable (blocked
 * storage, some private modes) the flags live only as long as the page.
 */
const memory = new Map<string, string>();
const PREFIX = 'ankieta:';

export function getFlag(name: string): boolean {
  // Touching localStorage throws where it is blocked: the catch has the flag from memory then.
  try {
    return (globalThis.localStorage?.getItem(PREFIX + name) ?? memory.get(name)) === '1';
  } catch {
    return memory.get(name) === '1';
  }
}

export function setFlag(name: string): void {
  memory.set(name, '1');
  try {
    globalThis.localStorage?.setItem(PREFIX + name, '1');
  } catch {
    // Quota or a blocked store: the in-memory flag still holds for this page.
  }
}
