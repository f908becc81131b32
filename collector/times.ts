/**
 * A time to the UTC hour, as the widget sends it: another client's minutes, milliseconds or time
 * zone would help tie a response to a person. A time already on the hour in UTC stays as written.
 */
export const toHour = (time: string): string => {
  const ms = Date.parse(time);
  return ms % 36e5 === 0 && time.endsWith('Z') ? time : new Date(ms - (ms % 36e5)).toISOString();
};

/**
 * A stored body with its `startedAt` and `submittedAt` cut to the hour, or undefined when they
 * already are (or it is not a response): for migrating rows a collector stored before it cut them.
 */
export function bodyTimesToHour(body: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const response = value as Record<string, unknown>;
  let changed = false;
  for (const key of ['startedAt', 'submittedAt']) {
    const time = response[key];
    if (typeof time !== 'string' || Number.isNaN(Date.parse(time))) continue;
    const hour = toHour(time);
    if (hour !== time) {
      response[key] = hour;
      changed = true;
    }
  }
  return changed ? JSON.stringify(response) : undefined;
}

/**
 * One line on stderr for the controller's record of what was exported, erased or deleted (RODO
 * art. 5(2)), with its own UTC time to the second: journald adds one, but `docker logs` without
 * `--timestamps`, a terminal or a file the output is sent to do not. Never the client's address
 * or the token.
 */
export function accountable(what: string): void {
  console.error(`ankieta-collector: ${new Date().toISOString().slice(0, 19)}Z ${what}`);
}
