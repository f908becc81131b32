import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    color-scheme: light dark;
    max-width: var(--ankieta-survey-max-width, 44em);
    /* The frame's inner space: 1em until the screen is narrower than 20em (320 px at 100 % text,
       so as before there), then less, down to 0.25em: 32 px a side at 200 % text on a 320 px
       phone left the words too little room, and they were cut. */
    --_inset: min(var(--_space), max(0.25em, 10vw - 1em));
  }
  :host([data-theme='light']) {
    color-scheme: light;
  }
  :host([data-theme='dark']) {
    color-scheme: dark;
  }
  .survey,
  .message {
    background: var(--_surface);
    color: var(--_text);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_inset);
    overflow-wrap: anywhere;
  }
  /* Headings at least as large as the text, and larger when the screen has room for their words:
     at 200 % a 48 px title cut "samorządowych" in three on a 320 px phone. Unchanged at 100 %. */
  .title {
    font-size: max(1em, min(1.5em, 7.5vw));
    font-weight: 700;
    line-height: 1.25;
    margin: 0 0 0.5em;
  }
  .page-title,
  .thank-you-title,
  .error-summary-title {
    font-size: max(1em, min(1.25em, 6.25vw));
    font-weight: 700;
    line-height: 1.3;
    margin: 0.5em 0;
  }
  .description,
  .required-legend {
    margin: 0 0 0.75em;
  }
  .required-legend {
    color: var(--_muted);
    font-size: 0.9375em;
  }
  .progress p {
    margin: 0 0 0.25em;
    color: var(--_muted);
    font-size: 0.9375em;
  }
  progress {
    display: block;
    width: 100%;
    height: 0.5em;
    accent-color: var(--_accent);
  }
  .questions {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    margin: var(--_space) 0;
  }
  .info {
    padding: 0.75em var(--_inset);
    background: var(--_surface-alt);
    border-left: 4px solid var(--_accent);
    border-radius: var(--_radius);
  }
  .info p {
    margin: 0;
  }
  .info .info-title {
    font-weight: 700;
    margin-bottom: 0.25em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
    justify-content: space-between;
  }
  .actions .primary {
    margin-inline-start: auto;
  }
  button {
    font: inherit;
    min-height: var(--_control-size);
    min-width: var(--_control-size);
    /* Narrower sides on a phone with large text, where "Wyślij odpowiedzi" was cut (as --_inset). */
    padding: 0.5em min(1.25em, max(0.5em, 12.5vw - 1.25em));
    border-radius: var(--_radius);
    border: 2px solid var(--_accent);
    cursor: pointer;
  }
  button.primary {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  button.secondary {
    background: var(--_surface);
    color: var(--_accent);
  }
  button:hover {
    text-decoration: underline;
  }
  .error-summary {
    border: 3px solid var(--_error);
    border-radius: var(--_radius);
    padding: 0.75em var(--_inset);
    margin-bottom: var(--_space);
  }
  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .error-summary a {
    color: var(--_error);
    font-weight: 600;
  }
  /* Stuck to the top of the view, so whoever scrolled down to read sees it (WCAG 2.2.1); it does
     not take focus, which would end the warning at once (leaving a field is activity). */
  .kiosk-warning {
    position: sticky;
    top: 0;
    z-index: 1;
    border: 3px solid var(--_accent);
    border-radius: var(--_radius);
    padding: 0.75em var(--_inset);
    margin-bottom: var(--_space);
    background: var(--_surface-alt);
    /* Never taller than the view, or with large text on a short screen its button could not be
       scrolled to: the warning itself scrolls. */
    max-block-size: 100dvh;
    overflow-y: auto;
  }
  .kiosk-warning p {
    margin: 0 0 0.5em;
  }
  .kiosk-warning .countdown {
    font-size: 2em;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .kiosk-warning .line {
    display: none;
  }
  /* A short view (400 % zoom, a phone held sideways): the whole warning covered it and hid its
     own button. One line ("cleared in 15 s") and the button; the sentence stays for screen readers. */
  @media (max-height: 30em) {
    .kiosk-warning {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25em 0.75em;
      padding: 0.25em 0.5em;
    }
    .kiosk-warning p {
      margin: 0;
    }
    .kiosk-warning [role='alert'] {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    .kiosk-warning .countdown {
      font-size: 1em;
    }
    .kiosk-warning .seconds {
      display: none;
    }
    .kiosk-warning .line {
      display: inline;
    }
    /* First, so it is in view even when the line wraps and the warning scrolls (text at 200 % on a
       320 × 256 view): Firefox does not scroll a button still partly in view when it takes focus.
       The line is hidden from screen readers, which read the alert and then the button. */
    .kiosk-warning button {
      order: -1;
    }
  }
  .message.error {
    border-color: var(--_error);
  }
  .issues code {
    font-family: ui-monospace, monospace;
  }
  .notice {
    margin: 0 0 var(--_space);
    padding: 0.5em 0.75em;
    border-left: 4px solid var(--_accent);
    background: var(--_surface-alt);
  }
  button.link {
    min-width: auto;
    padding: 0.25em 0.5em;
    border: none;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
    font-weight: 600;
  }
  .delivery-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
    margin: 0.5em 0 0;
  }
  .status {
    margin-top: var(--_space);
    color: var(--_muted);
  }
  .status:empty {
    margin: 0;
  }
  @media (forced-colors: active) {
    button.primary {
      border-color: ButtonText;
    }
  }
`;
