/** Helpers for tests that load a host page with the real dist/ankieta.js in an iframe. */

export interface HostWindow extends Window {
  __violations: { directive: string; blocked: string; sample: string; source: string }[];
  __errors: string[];
  __console?: { level: string; text: string }[];
}

export async function waitFor<T>(
  check: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  what: string,
  timeout = 8000,
): Promise<T> {
  const start = performance.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Opens a host page (`/embed/<name>` or `/embed/csp/<name>`) in a visible iframe. */
export async function openHost(
  path: string,
  size = { width: 800, height: 900 },
): Promise<{ frame: HTMLIFrameElement; win: HostWindow; doc: Document }> {
  const frame = document.createElement('iframe');
  frame.width = String(size.width);
  frame.height = String(size.height);
  frame.title = 'host page';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = path;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as unknown as HostWindow;
  return { frame, win, doc: frame.contentDocument! };
}

/** The rendered survey inside a host page, once its first page shows. */
export async function readySurvey(doc: Document, index = 0): Promise<HTMLElement & { shadowRoot: ShadowRoot }> {
  return waitFor(() => {
    const survey = doc.querySelectorAll('ankieta-survey')[index] as (HTMLElement & { shadowRoot: ShadowRoot }) | undefined;
    return survey?.shadowRoot?.querySelector('[part~="page-title"]') ? survey : undefined;
  }, `survey #${index} to render`);
}

export function deepActive(doc: Document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
