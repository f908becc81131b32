/**
 * Small per-device flags of the launcher ("already shown", "already completed"). They are
 * preferences, not answers, so localStorage is enough; when it is unavailable (blocked
 * storage, some private modes) the flags live only as long as the page.
 */
const memory = new Map<string, string>();
const PREFIX = 'ankieta:';

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

export function getFlag(name: string): boolean {
  try {
    return (storage()?.getItem(PREFIX + name) ?? memory.get(name)) === '1';
  } catch {
    return memory.get(name) === '1';
  }
}

export function setFlag(name: string): void {
  memory.set(name, '1');
  try {
    storage()?.setItem(PREFIX + name, '1');
  } catch {
    // Quota or a blocked store: the in-memory flag still holds for this page.
  }
}
