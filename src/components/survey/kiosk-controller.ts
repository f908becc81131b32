import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Phase = 'off' | 'filling' | 'warning' | 'thanks';

/** What shows someone is there: a touch, a key, an answer, and the mouse wheel (reading a zoomed page). */
const ACTIVITY = ['pointerdown', 'keydown', 'input', 'wheel'];

/**
 * Kiosk mode for a tablet at the exit: after a submit, the thank-you screen and then a fresh
 * form; an abandoned form is cleared after a period of inactivity, announced by a countdown
 * the respondent can dismiss. Timers only; what "clear" means is the host's business.
 */
export class KioskController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #reset: () => void;
  /** Seconds without activity before an unfinished form is cleared. */
  #idleSeconds = 120;
  /** Seconds of visible warning (with a way to continue) before it is cleared; WCAG 2.2.1 asks for ≥ 20. */
  #warningSeconds = 20;
  /** Seconds the thank-you screen stays before a fresh form appears. */
  #thanksSeconds = 10;
  #phase: Phase = 'off';
  #timer: ReturnType<typeof setTimeout> | undefined;
  #tick: ReturnType<typeof setInterval> | undefined;
  /** Seconds left in the warning countdown. */
  secondsLeft = 0;

  constructor(host: ReactiveControllerHost & HTMLElement, reset: () => void) {
    this.#host = host;
    this.#reset = reset;
    host.addController(this);
  }

  get warning(): boolean {
    return this.#phase === 'warning';
  }

  configure(idleSeconds: number, warningSeconds: number, thanksSeconds: number): void {
    this.#idleSeconds = idleSeconds;
    this.#warningSeconds = warningSeconds;
    this.#thanksSeconds = thanksSeconds;
  }

  hostConnected(): void {
    for (const type of ACTIVITY) this.#host.addEventListener(type, this.#activity, { capture: true, passive: true });
  }

  hostDisconnected(): void {
    for (const type of ACTIVITY) this.#host.removeEventListener(type, this.#activity, true);
    this.stop();
  }

  /** Stops every timer (kiosk switched off or the element left the page). */
  stop(): void {
    clearTimeout(this.#timer);
    clearInterval(this.#tick);
    this.#phase = 'off';
  }

  /** The respondent started or changed an answer: (re)arm the idle timer. */
  filling(): void {
    this.#arm('filling', Math.max(0, this.#idleSeconds - this.#warningSeconds), () => this.#warn());
  }

  /**
   * The response was submitted: show thanks, then a fresh form. With results to read (`hold`)
   * the screen stays like a form being filled in: cleared after the idle time and its warning,
   * not after a few seconds that cut a screen-reader user off mid-reading (2.2.1).
   */
  submitted(hold = false): void {
    if (hold) this.filling();
    else this.#arm('thanks', this.#thanksSeconds, () => this.finish());
  }

  /** Clears the form for the next person: "Finish" on the thank-you screen, or a timer run out. */
  finish(): void {
    this.stop();
    this.#reset();
    this.#host.requestUpdate();
  }

  #activity = (event: Event) => {
    // Inside the warning its Continue button decides: taken as activity, the press would remove
    // the button before its click arrived, and focus would fall to <body>.
    if (this.#phase === 'warning' && event.composedPath().some((node) => (node as Element).classList?.contains('kiosk-warning'))) return;
    if (this.#phase === 'filling' || this.#phase === 'warning') this.filling();
    // Someone still reading the thank-you screen (the results, say) keeps it (2.2.1).
    else if (this.#phase === 'thanks') this.submitted();
  };

  #arm(phase: Phase, seconds: number, then: () => void): void {
    clearTimeout(this.#timer);
    clearInterval(this.#tick);
    const wasWarning = this.#phase === 'warning';
    this.#phase = phase;
    this.#timer = setTimeout(then, seconds * 1000);
    if (wasWarning) this.#host.requestUpdate();
  }

  #warn(): void {
    this.#phase = 'warning';
    this.secondsLeft = this.#warningSeconds;
    this.#host.requestUpdate();
    this.#tick = setInterval(() => {
      this.secondsLeft = Math.max(0, this.secondsLeft - 1);
      this.#host.requestUpdate();
    }, 1000);
    this.#timer = setTimeout(() => this.finish(), this.#warningSeconds * 1000);
  }
}
