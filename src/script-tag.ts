/**
 * What the script tag's `data-*` attributes ask for, and how it is put on the page. A bad value
 * is reported on the console in plain words and replaced by its default; the page never breaks.
 */
import { LAUNCHER_MODES, LAUNCHER_POSITIONS, type LauncherMode } from './components/launcher/launcher.js';

export type EmbedMode = 'inline' | LauncherMode;
const MODES: readonly EmbedMode[] = ['inline', ...LAUNCHER_MODES];
const THEMES = ['auto', 'light', 'dark'] as const;

export interface EmbedConfig {
  survey: string;
  endpoint?: string;
  mode: EmbedMode;
  target?: string;
  locale?: 'pl' | 'en';
  position: (typeof LAUNCHER_POSITIONS)[number];
  label?: string;
  once: boolean;
  delay: number;
  kiosk: boolean;
  theme: (typeof THEMES)[number];
  persist: boolean;
}

const PREFIX = '[ankieta]';

/** A CMS editor capitalises a value ("Popup"); values are trimmed when read. */
const word = (value: string | undefined) => value?.toLowerCase();
/** The data-* name of a dataset key. */
const attr = (key: string) => `data-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T, problems: string[]): T {
  value = word(value);
  if (!value) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  problems.push(`data-${name}="${value}" is not one of ${allowed.join(', ')}; using "${fallback}".`);
  return fallback;
}

function flag(name: string, value: string | undefined, problems: string[]): boolean {
  value = word(value);
  if (value === '' || value === 'true' || value === name || value === `data-${name}`) return true;
  if (value === undefined || value === 'false') return false;
  problems.push(`data-${name}="${value}" should be "true" or "false"; using false.`);
  return false;
}

/**
 * Trimmed, and out of the typographic quotes an editor may have put around it (data-survey=„…”),
 * or before it where the tag was cut at a space (data-label=„Wypełnij ankietę” reads „Wypełnij).
 * Quotation marks inside a value stay: data-label="Ankieta „Rower miejski”".
 */
const clean = (value: string) => value.trim().replace(/^[„“”‘’«»]([^„“”‘’«»]*)[„“”‘’«»]?$/, '$1');
/** A CMS that encodes the tag's "&" twice leaves "&amp;" in the address. */
const url = (value = '') => value.replace(/\s*\n\s*/g, '').replace(/&amp;/g, '&');
/** The `data-*` names read here (`ankietaMounted` is the tag's own mark, once mounted). */
const NAMES = ['survey', 'endpoint', 'mode', 'target', 'locale', 'position', 'label', 'once', 'delay', 'kiosk', 'theme', 'persist'];

/** Edits (Levenshtein) from one name to the other: a misspelt data-* name is a letter or two off ours. */
function edits(a: string, b: string): number {
  let row = [...Array(b.length + 1).keys()];
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

/** Reads the configuration from a script tag; `undefined` when it names no survey (register only). */
export function readConfig(script: HTMLScriptElement): { config?: EmbedConfig; problems: string[] } {
  const problems: string[] = [];
  const data: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(script.dataset)) data[key] = clean(value!);
  // An editor that typesets quotes: data-label=„Wypełnij ankietę” is read as „Wypełnij, and ankietę” is an attribute.
  if (
    Object.entries(script.dataset).some(([key, value]) => value!.trim() !== data[key]) ||
    script.getAttributeNames().some((name) => /[„“”‘’«»]/.test(name))
  )
    problems.push(
      'the tag has typographic quotes („…”), likely from the editor: values are read without them, but one with a space is cut short. Paste the tag in the HTML view.',
    );
  if (!data.survey) {
    const extra = Object.keys(data).filter((k) => k !== 'survey');
    if (extra.length)
      problems.push(`data-survey is missing, so ${extra.map(attr).join(', ')} ${extra.length === 1 ? 'is' : 'are'} ignored.`);
    return { problems };
  }
  // NaN, negative and too long all fail the range check. A Polish decimal comma ("5,5") and
  // seconds written as in CSS ("5s") mean what they say.
  let delay = Number(data.delay?.replace(',', '.').replace(/(\d) ?s$/, '$1') ?? 0);
  if (!(delay >= 0 && delay <= 3600)) {
    problems.push(`data-delay="${data.delay}" should be a number of seconds from 0 to 3600; using 0.`);
    delay = 0;
  }
  let locale: 'pl' | 'en' | undefined;
  // "pl-PL", and WordPress's "pl_PL", are Polish.
  const lang = word(data.locale)?.split(/[-_]/)[0];
  if (lang) {
    if (lang === 'pl' || lang === 'en') locale = lang;
    else problems.push(`data-locale="${data.locale}" should be "pl" or "en"; using the page language.`);
  }
  const config: EmbedConfig = {
    // A line break an editor put inside a URL, and the indentation after it, are never part of it.
    survey: url(data.survey),
    endpoint: url(data.endpoint) || undefined,
    mode: oneOf('mode', data.mode, MODES, 'button', problems),
    target: data.target || undefined,
    locale,
    position: oneOf('position', data.position, LAUNCHER_POSITIONS, 'bottom-right', problems),
    label: data.label || undefined,
    once: flag('once', data.once, problems),
    delay,
    kiosk: flag('kiosk', data.kiosk, problems),
    theme: oneOf('theme', data.theme, THEMES, 'auto', problems),
    persist: flag('persist', data.persist, problems),
  };
  if (config.mode !== 'inline' && config.target) problems.push(`data-target is used only with data-mode="inline"; it is ignored.`);
  if (!config.endpoint) problems.push(`data-endpoint is missing: answers stay on each visitor's device, and no server gets them.`);
  // Others' names (data-cfasync, data-cookieconsent, data-module) are theirs: only one that looks
  // like ours is said, with the nearest (a letter off, or two in a long name; data-lang,
  // data-survey-url).
  for (const key of Object.keys(data)) {
    if (NAMES.includes(key) || key === 'ankietaMounted') continue;
    const name = key.toLowerCase().replace(/url$/, '');
    const near = NAMES.map((ours) => [edits(ours, name), ours] as const).sort((a, b) => a[0] - b[0])[0]!;
    const meant = /^lang/.test(name) ? 'locale' : near[0] <= (near[1].length > 5 ? 2 : 1) && near[1];
    if (meant) problems.push(`${attr(key)} is not read by Ankieta: is it data-${meant}?`);
  }
  return { config, problems };
}

/** An element with the attributes that are set (not empty, false or 0; `true` is a boolean attribute), in order. */
function create(tag: string, attributes: Record<string, string | number | boolean | undefined>): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value) element.setAttribute(name, value === true ? '' : String(value));
  return element;
}

/** Puts the survey on the page as the configuration says; returns the element it added, if any. */
export function mount(config: EmbedConfig, script: HTMLScriptElement): HTMLElement | undefined {
  const theme = config.theme !== 'auto' && config.theme;
  const survey = create('ankieta-survey', {
    src: config.survey,
    endpoint: config.endpoint,
    locale: config.locale,
    kiosk: config.kiosk,
    persist: config.persist,
    'data-theme': theme,
  });
  if (config.mode === 'inline') {
    if (!config.target) {
      // A site-wide "header code" box puts the tag in <head>, where a survey is never seen.
      if (script.closest('head')) {
        console.error(`${PREFIX} data-mode="inline" in <head> needs data-target (where the survey goes); the survey is not shown.`);
        return undefined;
      }
      script.after(survey);
      return survey;
    }
    let target: Element | null = null;
    try {
      target = document.querySelector(config.target);
    } catch {
      console.error(`${PREFIX} data-target="${config.target}" is not a valid CSS selector; the survey is not shown.`);
      return undefined;
    }
    if (!target) {
      console.error(`${PREFIX} data-target="${config.target}" matches nothing on this page; the survey is not shown.`);
      return undefined;
    }
    target.append(survey);
    return survey;
  }
  const launcher = create('ankieta-launcher', {
    mode: config.mode,
    position: config.position,
    label: config.label,
    once: config.once,
    delay: config.delay,
    locale: config.locale,
    'data-theme': theme,
  });
  launcher.append(survey);
  document.body.append(launcher);
  return launcher;
}

/** Initialises from the script tag that is running, once the page can take the survey. */
export function autoInit(script: HTMLScriptElement | null): void {
  if (!script || script.dataset.ankietaMounted !== undefined) return;
  const { config, problems } = readConfig(script);
  for (const problem of problems) console.warn(`${PREFIX} ${problem}`);
  if (!config) return;
  // The same tag pasted twice (a CMS block repeated) would show the survey twice, sharing one
  // draft and sending two responses. Another copy of this bundle may have mounted it: ask the page.
  // A mounted tag keeps its placement as read: a mode left out is the default "button", and a
  // target counts only where it is used (inline).
  const placement = config.mode === 'inline' ? `inline ${config.target ?? ''}` : config.mode;
  const same = (tag: HTMLScriptElement) =>
    new URL(url(clean(tag.dataset.survey!)), document.baseURI).href === new URL(config.survey, document.baseURI).href &&
    tag.dataset.ankietaMounted === placement;
  if ([...document.querySelectorAll<HTMLScriptElement>('script[data-ankieta-mounted][data-survey]')].some(same)) {
    console.warn(`${PREFIX} data-survey="${config.survey}" is already on this page from another tag; this one is ignored.`);
    return;
  }
  script.dataset.ankietaMounted = placement;
  // Not shown (a bad target): not on the page, so a correct tag for the survey is not turned away.
  const go = () => mount(config, script) || delete script.dataset.ankietaMounted;
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', go, { once: true });
  else go();
}
