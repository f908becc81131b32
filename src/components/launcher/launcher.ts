import { LitElement, html, nothing, type PropertyDeclarations } from 'lit';
import type { Locale } from '../../schema/definition.js';
import { resolveLocale, translate, type MessageKey } from '../../i18n/index.js';
import { getFlag, setFlag } from '../../store/flags.js';
import { define } from '../shared/define.js';
import { FollowLang } from '../shared/follow-lang.js';
import { base, theme } from '../shared/theme.js';
import { styles } from './launcher.styles.js';
import type { AnkietaSurvey } from '../survey/survey.js';
import type { ErrorDetail } from '../survey/events.js';

export type LauncherMode = 'button' | 'popup' | 'slide-in';
export const LAUNCHER_MODES: readonly LauncherMode[] = ['button', 'popup', 'slide-in'];
export const LAUNCHER_POSITIONS = ['bottom-right', 'bottom-left', 'top-right', 'top-left'] as const;
/** Where the floating button and the slide-in panel sit. */
export type LauncherPosition = (typeof LAUNCHER_POSITIONS)[number];

/** Whether a slide-in panel (28em and its 1em offset) would cover over half of the screen's width. */
const narrow = () => matchMedia('(max-width: 58em)').matches;

/**
 * @summary Opens the survey placed inside it: a floating button with a modal dialog, a popup
 * that opens by itself, or a slide-in panel.
 *
 * The survey stays in the page while the dialog is closed, so closing keeps its answers.
 *
 * @slot - The `<ankieta-survey>` to open.
 *
 * @csspart trigger - The floating button.
 * @csspart dialog - The dialog (modal) or panel (slide-in) holding the survey.
 * @csspart close - The close button.
 *
 * @cssproperty --ankieta-launcher-color - Background of the floating button (default: the accent colour).
 * @cssproperty --ankieta-launcher-text-color - Text of the floating button.
 * @cssproperty --ankieta-launcher-offset - Distance of the button and panel from the viewport edges.
 */
export class AnkietaLauncher extends LitElement {
  static override styles = [theme, base, styles];
  static override properties: PropertyDeclarations = {
    mode: { reflect: true },
    position: { reflect: true },
    label: {},
    once: { type: Boolean },
    delay: { type: Number },
    locale: {},
    storageKey: { attribute: 'storage-key' },
    ready: { state: true, attribute: false },
    completed: { state: true, attribute: false },
  };

  /**
   * `button`: opens on click; `popup`: opens by itself after `delay`; `slide-in`: a panel slides in
   * after `delay` (on a screen up to 58em wide, where the panel would cover over half the page, only the
   * button shows, and it opens the survey as a modal dialog; an open panel becomes that dialog when the
   * screen narrows to 58em, answers and focus kept). The panel closes when keyboard focus moves to what it
   * covers on the page (a frame too); focus stays there, and the button opens it again. Nor does it slide
   * in by itself over the page field that has focus: it waits behind its button.
   */
  mode: LauncherMode = 'button';
  /** Corner of the floating button and panel. */
  position: LauncherPosition = 'bottom-right';
  /** Text of the floating button (default "Podziel się opinią" / "Give feedback"). */
  label?: string | undefined;
  /** Open by itself only once on this device, and hide the button once the survey is completed here. */
  once = false;
  /** Seconds before the button shows up (button) or the survey opens (popup, slide-in). */
  delay = 0;
  /** `pl` or `en`; default: the closest `[lang]`. */
  locale?: string | undefined;
  /** Key of the device flags (default: the survey's `src`). */
  storageKey?: string | undefined;

  private ready = false;
  private completed = false;

  #timer: ReturnType<typeof setTimeout> | undefined;
  #returnFocus: HTMLElement | null = null;
  /** The last press on the page was the mouse's (or a finger's), not a key. */
  #pointer = false;
  #asideFrame = 0;
  /** What became of the survey's definition: on screen, not brought by the network, or invalid. */
  #definition?: 'ready' | 'failed' | 'invalid';
  #settled?: () => void;
  constructor() {
    super();
    new FollowLang(this);
    // What the survey has to say about responses waiting or refused may show or hide the button.
    for (const type of ['ankieta-ready', 'ankieta-queued', 'ankieta-sent', 'ankieta-error'])
      this.addEventListener(type, (event) => {
        const detail = (event as CustomEvent<ErrorDetail | undefined>).detail;
        if (type === 'ankieta-ready') this.#definition = 'ready';
        else if (detail?.kind === 'definition') this.#definition = detail.issues ? 'invalid' : 'failed';
        this.#settled?.();
        this.requestUpdate();
      });
  }

  get #locale(): Locale {
    return resolveLocale(this.locale, this);
  }

  #t(key: MessageKey): string {
    return translate(this.#locale, key);
  }

  get #dialog(): HTMLDialogElement | null {
    return this.renderRoot?.querySelector('dialog') ?? null;
  }

  get #key(): string {
    return this.storageKey ?? this.querySelector('ankieta-survey')?.getAttribute('src') ?? 'survey';
  }

  /**
   * Whether the survey is open. Setting it (or the `open` attribute) opens the survey as `show()`
   * does, or closes it as `close()` does: a framework may bind it (`open={…}` in JSX). Set before
   * the element has rendered, it applies once it has.
   */
  get open(): boolean {
    return !!this.#dialog?.open;
  }
  set open(open: boolean) {
    const apply = () => (open ? this.show() : this.close());
    if (this.hasUpdated) apply();
    else void this.updateComplete.then(apply);
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'open'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    // React 18 writes open="true" / "false".
    if (name === 'open') this.open = value !== null && value !== 'false';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Set before the element was defined (the script loaded after the page's own): a plain
    // property of the element then, hiding the accessor.
    if (Object.hasOwn(this, 'open')) {
      const open = this.open;
      delete (this as { open?: boolean }).open;
      this.open = open;
    }
    this.completed = this.once && getFlag(`done:${this.#key}`);
    this.addEventListener('ankieta-submit', this.#onSubmit);
    addEventListener('focusin', this.#stepAside, true);
    this.#timer = setTimeout(() => this.#arrive(), Math.max(0, this.delay) * 1000);
    // A cookie banner comes and goes by itself: looked for again every second.
    this.#avoidTimer = setInterval(this.#moveOffSoon, 1000);
    addEventListener('resize', this.#moveOffSoon);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
    clearInterval(this.#avoidTimer);
    removeEventListener('resize', this.#moveOffSoon);
    this.removeEventListener('ankieta-submit', this.#onSubmit);
    removeEventListener('focusin', this.#stepAside, true);
    cancelAnimationFrame(this.#asideFrame);
    this.#watch(false);
  }

  /**
   * Focus on something of the page the floating button mostly covers (a link in the page's last
   * lines, at 400 % zoom or with large text): the button turns see-through, and click-through,
   * while it does (WCAG 2.4.11). Tab still reaches it, and it shows again when focused. Checked
   * again in the next frame (WebKit scrolls the focused element into view after focusin), and in
   * every frame while it is aside: focus can leave without a focusin (a click on plain text, the
   * element removed) and the page can scroll.
   */
  #stepAside = (event?: Event) => {
    const trigger = this.renderRoot?.querySelector<HTMLElement>('.trigger');
    let focused = document.activeElement;
    while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
    if (!trigger || !focused) return;
    const a = focused.getBoundingClientRect();
    const b = trigger.getBoundingClientRect();
    const covered = (Math.min(a.right, b.right) - Math.max(a.left, b.left)) * (Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
    const aside = !this.contains(document.activeElement) && a.right > b.left && a.left < b.right && covered * 3 > a.width * a.height;
    trigger.classList.toggle('aside', aside);
    cancelAnimationFrame(this.#asideFrame);
    if (aside || event) this.#asideFrame = requestAnimationFrame(() => this.#stepAside());
  };

  #avoidTimer: ReturnType<typeof setInterval> | undefined;
  /** How far the floating button has moved from its corner, off the page's own fixed bar. */
  #lift = 0;

  /**
   * The page's own fixed or sticky bar where the floating button sits (a cookie banner at the
   * bottom, a header at the top, also one drawn in a web component): the button, and the slide-in
   * panel, move off it, up or down, so the bar's buttons ("Akceptuję", "Menu") stay usable. Not
   * off a bar taller than half the view (a wall), which they would only leave for mid-page. Run in
   * an animation frame, where the layout it reads is the one the frame makes anyway.
   */
  #moveOff = () => {
    const trigger = this.renderRoot?.querySelector<HTMLElement>('.trigger');
    const dialog = this.#dialog;
    // The button, or the open panel over it (in the same corner); neither shown: kept as it was.
    const r = [trigger, dialog?.matches('.panel[open]') ? dialog : null].map((e) => e?.getBoundingClientRect()).find((box) => box?.width);
    if (!r) return;
    const top = /^top-(left|right)$/.test(this.position);
    // Where it would be in its corner (the styles move it up from the bottom, down from the top).
    const y1 = r.top + (top ? -this.#lift : this.#lift);
    const y2 = y1 + r.height;
    let overlap = 0;
    // Only at the edge it is anchored to: the open panel reaches up to a header, and moving off
    // that would leave it no height (it blinked away and back every second).
    const y = top ? y1 + 2 : y2 - 2;
    for (const x of [r.left + 2, r.right - 2]) {
      const page = (root: DocumentOrShadowRoot) => root.elementsFromPoint(x, y).find((e) => e.localName !== 'ankieta-launcher');
      let under = page(document);
      for (let inner; under?.shadowRoot && (inner = page(under.shadowRoot)) && inner !== under;) under = inner;
      for (
        let e = under;
        e && e !== document.body && e !== document.documentElement;
        e = e.parentElement ?? (e.getRootNode() as ShadowRoot).host
      )
        if (/fixed|sticky/.test(getComputedStyle(e).position)) {
          const bar = e.getBoundingClientRect();
          // A sticky one only where it is stuck at that edge (not a table's header scrolling by).
          const atEdge = top ? bar.top <= 1 : bar.bottom >= innerHeight - 1;
          if (bar.height < innerHeight / 2 && (atEdge || getComputedStyle(e).position === 'fixed'))
            overlap = Math.max(overlap, top ? bar.bottom - y1 : y2 - bar.top);
          break;
        }
    }
    const lift = overlap > 0 ? Math.ceil(overlap) + 8 : 0;
    if (lift !== this.#lift) for (const element of [trigger, dialog]) element?.style.setProperty('--_lift', `${lift}px`);
    this.#lift = lift;
  };

  #moveOffSoon = () => requestAnimationFrame(this.#moveOff);

  async #arrive(): Promise<void> {
    // Read again now: a single-page app may have put the survey inside only after connecting this.
    this.completed = this.once && getFlag(`done:${this.#key}`);
    this.ready = true;
    void this.updateComplete.then(this.#moveOffSoon);
    if (this.mode === 'button' || this.completed) return;
    if (this.once && getFlag(`shown:${this.#key}`)) return;
    // On a phone, or a laptop zoomed to 200 %, the panel would cover most of the page and hide where
    // its keyboard focus is (WCAG 2.4.7): there it waits behind its button, which opens it modal.
    if (this.mode === 'slide-in' && narrow()) return;
    // Not before the survey is there: a definition that failed to load, or is invalid, would open
    // as an error message in front of every visitor. The button stays for a retry (not when invalid).
    if (!this.#definition && this.querySelector('ankieta-survey')) await new Promise<void>((resolve) => (this.#settled = resolve));
    this.#settled = undefined;
    if ((this.#definition !== 'ready' && this.#definition) || !this.isConnected) return;
    // Completed here by the device's IndexedDB, where its localStorage flag was lost (a browser
    // killed within a second or so of sending): not opened by itself again.
    if (this.once && this.querySelector<AnkietaSurvey>('ankieta-survey')?.completedHere) return;
    await this.updateComplete;
    // Not when the page or the respondent has opened or closed it meanwhile.
    if (!this.#decided) this.#open(true);
  }

  /** The page (`show()`, `close()`, `open`) or the respondent opened or closed it: it no longer opens by itself. */
  #decided = false;

  /**
   * Opens the survey (modal for `button`/`popup`, a non-modal panel for `slide-in` on a screen wider than
   * 58em). A survey that could not be loaded is asked to load again.
   */
  show(): void {
    this.#decided = true;
    this.#open(false);
  }

  #open(byItself: boolean): void {
    const dialog = this.#dialog;
    // Nor an invalid survey, whose message is for the site's owner (its button is hidden too).
    if (!dialog || dialog.open || !this.isConnected || this.#definition === 'invalid') return;
    const focused = document.activeElement as HTMLElement | null;
    this.#returnFocus = focused;
    // A survey whose definition the network failed to bring tries again, once per opening.
    this.querySelector<AnkietaSurvey>('ankieta-survey')?.retry?.();
    // showModal() moves focus into the dialog and makes the page behind it inert. A slide-in too where
    // the panel would cover most of the page: Tab past its last button would reach links under it.
    if (this.mode !== 'slide-in' || narrow()) dialog.showModal();
    else {
      dialog.show();
      // A panel sliding in by itself must not take the keyboard from someone typing in the page
      // (WCAG 3.2.1/3.2.2); it is reachable with Tab, and its button opens it with focus inside.
      // Nor slide over the field they type in: then it waits behind its button (not yet "shown").
      if (byItself && focused && focused !== document.body) {
        focused.focus({ preventScroll: true });
        if (this.#covers(focused)) return dialog.close();
      }
      this.#watch(true);
    }
    if (this.once) setFlag(`shown:${this.#key}`);
  }

  /** Whether the open panel lies over the element. */
  #covers(element: Element): boolean {
    const a = element.getBoundingClientRect();
    const p = this.#dialog!.getBoundingClientRect();
    return a.left < p.right && a.right > p.left && a.top < p.bottom && a.bottom > p.top;
  }

  /**
   * Closes the survey; its answers stay. Focus returns to where it was on the page when the survey
   * opened (by itself, or from a control of the page's), else to the button. Neither `show()` nor
   * `close()` is undone by the survey opening by itself later (`popup`, `slide-in` with `delay`).
   */
  close(): void {
    this.#decided = true;
    if (this.#dialog?.open) this.#dialog.close();
  }

  protected override render() {
    const label = this.label || this.#t('launcherLabel');
    // With `once`, a survey completed here hides the button, unless a response of it still waits
    // to be sent or was refused: the button leads to that status (and to the file of what was
    // refused). The button stays while it has focus, so focus is never lost.
    const hideTrigger =
      !this.ready ||
      (this.#definition === 'invalid' && !this.open) ||
      (this.once &&
        this.completed &&
        !this.open &&
        !this.querySelector<AnkietaSurvey>('ankieta-survey')?.pending &&
        !this.shadowRoot!.activeElement?.matches('.trigger'));
    // The button comes after the panel: an open panel hides it (the styles), as it would sit under it.
    return html`
      <dialog part="dialog" class=${this.mode === 'slide-in' ? 'panel' : 'modal'} aria-label=${label} lang=${this.#locale}
        @close=${this.#onClose} @keydown=${this.#onKeydown}>
        <div class="bar">
          <button part="close" class="close" type="button" @click=${this.close}>${this.#t('close')}</button>
        </div>
        <div class="content"><slot></slot></div>
      </dialog>
      <button part="trigger" class="trigger" type="button" ?hidden=${hideTrigger} aria-haspopup="dialog" @click=${this.show}
        @blur=${() => this.requestUpdate()} lang=${this.label ? nothing : this.#locale}>
        ${label}
      </button>
    `;
  }

  #onKeydown = (event: KeyboardEvent) => {
    // A non-modal dialog does not close on Escape by itself.
    if (event.key === 'Escape' && this.mode === 'slide-in') {
      event.preventDefault();
      this.close();
    }
  };

  /** While the panel is open non-modal: what happens in the page around it. */
  #watch(on: boolean): void {
    for (const type of ['resize', 'focusin', 'pointerdown', 'keydown', 'blur'])
      (on ? addEventListener : removeEventListener)(type, this.#onPage, true);
  }

  #onPage = (event: Event) => {
    const dialog = this.#dialog!;
    if (event.type === 'resize') {
      // A tablet turned, or zoom to 200 %: the panel would now cover over half the page, so it becomes
      // the modal dialog it would have opened as, focus kept where it was in it. (Not back the other
      // way: the page going inert and live again under the respondent would only confuse.)
      if (!narrow()) return;
      this.#watch(false);
      let focused = this.contains(document.activeElement) ? document.activeElement : null;
      while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
      dialog.close();
      dialog.showModal();
      (focused as HTMLElement | null)?.focus();
    } else if (event.type === 'blur') {
      // Focus went into a frame of the page (a map, a chat): the page sees no focusin, only the
      // frame becoming its active element. Only a frame: switching tabs or windows blurs the page
      // too, with focus on <body>, whose box covers the panel on any page taller than the view.
      if (event.target === window)
        requestAnimationFrame(() => {
          const frame = document.activeElement;
          if (frame?.localName === 'iframe') this.#makeWay(frame, frame);
        });
    } else if (event.type !== 'focusin') this.#pointer = event.type === 'pointerdown';
    else if (!this.#pointer) {
      // Again once the browser has scrolled it into view: WebKit scrolls after focusin.
      const [focused] = event.composedPath();
      const makeWay = () => this.#makeWay(event.target, focused);
      makeWay();
      requestAnimationFrame(makeWay);
      // And when the browser does scroll it in, which on a busy device can be frames later.
      addEventListener('scroll', makeWay, { once: true, passive: true });
      setTimeout(() => removeEventListener('scroll', makeWay), 1000);
    }
  };

  /**
   * Tab (or the page's script) took focus to what the panel covers, where nobody sees it (WCAG
   * 2.4.11): the panel makes way, as its close button would, and focus stays there. A click beside
   * the panel is seen, and leaves it open. `target` is the focused element as the document sees it
   * (a shadow host, a frame), `focused` the one to look at.
   */
  #makeWay(target: EventTarget | null, focused: EventTarget | null | undefined): void {
    // Still there (a modal dialog, once the panel has become one, has taken focus from the page).
    if (target === document.activeElement && !this.contains(target as Node) && this.#covers(focused as Element)) {
      // #onClose then leaves focus where it is.
      this.#returnFocus = target as HTMLElement;
      this.close();
    }
  }

  #onClose = () => {
    // Closed only to open again as a modal dialog (#onPage).
    if (this.#dialog!.open) return;
    this.#watch(false);
    const trigger = this.renderRoot.querySelector<HTMLButtonElement>('.trigger');
    // Back where the respondent was: on the page (the survey opened by itself, or the page's own
    // control opened it); else the button, which stays (even once completed with `once`) until
    // focus moves on, so focus is not lost.
    const back = this.#returnFocus;
    // (Not again where it already is: a frame would lose the focus inside it.)
    if (back && back !== document.body && back !== this && back.isConnected) back !== document.activeElement && back.focus();
    else if (trigger && this.ready) {
      trigger.hidden = false;
      trigger.focus();
    }
    this.requestUpdate();
  };

  #onSubmit = () => {
    if (!this.once) return;
    setFlag(`done:${this.#key}`);
    this.completed = true;
  };
}

define('ankieta-launcher', AnkietaLauncher);

declare global {
  interface HTMLElementTagNameMap {
    'ankieta-launcher': AnkietaLauncher;
  }
}
