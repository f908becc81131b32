import { css } from 'lit';

export const styles = css`
  :host {
    color-scheme: light dark;
    --_launcher-bg: var(--ankieta-launcher-color, var(--_accent));
    --_launcher-fg: var(--ankieta-launcher-text-color, var(--_on-accent));
    --_offset: var(--ankieta-launcher-offset, max(1rem, 16px));
  }
  :host([data-theme='light']) {
    color-scheme: light;
  }
  :host([data-theme='dark']) {
    color-scheme: dark;
  }
  .trigger {
    position: fixed;
    z-index: 2147483000;
    font: inherit;
    font-weight: 600;
    min-height: var(--_control-size);
    /* Less at the sides on a narrow screen with large text, where a word of the label needs the room. */
    padding: 0.5em min(1.25em, 4vw);
    border: 2px solid var(--_launcher-fg);
    border-radius: 999px;
    background: var(--_launcher-bg);
    color: var(--_launcher-fg);
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.3);
    cursor: pointer;
    max-width: calc(100vw - 2 * var(--_offset));
    /* Not a page's overflow-wrap: anywhere, which broke "konferencj|ę" with large text. */
    overflow-wrap: break-word;
  }
  /* Off the page's own fixed bar where it sits (--_lift, set by the element): up from the bottom, down from the top. */
  .trigger,
  dialog.panel {
    translate: 0 calc(-1 * var(--_lift, 0px));
  }
  :host([position='top-right']) :is(.trigger, dialog.panel),
  :host([position='top-left']) :is(.trigger, dialog.panel) {
    translate: 0 var(--_lift, 0px);
  }
  .trigger.aside {
    opacity: 0;
    pointer-events: none;
  }
  /* The button sits on the host page, whose colours are unknown and may follow another scheme:
     a white ring inside a dark one, so one of them stands out 3:1 against any page (WCAG 1.4.11). */
  .trigger:focus-visible {
    outline: 3px solid #fff;
    outline-offset: 0;
    box-shadow: 0 0 0 6px #1b1f24;
  }
  /* Under the open panel it would take Tab's focus out of sight (WCAG 2.4.11); the panel has its close button. */
  .panel[open] + .trigger {
    display: none;
  }
  /* Bottom right unless another of the four positions is set: an unknown value ("middle")
     must not leave a fixed button without a place, off screen. */
  .trigger {
    inset: auto var(--_offset) var(--_offset) auto;
  }
  :host([position='bottom-left']) .trigger {
    inset: auto auto var(--_offset) var(--_offset);
  }
  :host([position='top-right']) .trigger {
    inset: var(--_offset) var(--_offset) auto auto;
  }
  :host([position='top-left']) .trigger {
    inset: var(--_offset) auto auto var(--_offset);
  }
  dialog {
    box-sizing: border-box;
    /* Not the browser's calc(100% - 2em - 6px): with text at 200 % it left a 290 px dialog on a
       360 px phone. Its margins, and the content's, are 1em and 0.5em until the screen is
       narrower than 20em (320 px at 100 % text, as before), then less: with 200 % text on a
       phone they took the room a question's words needed, and the words were cut. */
    width: min(46em, calc(100vw - min(1em, max(0.25em, 10vw - 1em))));
    max-width: none;
    max-height: calc(100dvh - 1em);
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    overflow: auto;
    overscroll-behavior: contain;
    /* What takes focus scrolls into view below the sticky close bar (control + 0.5em), with its focus ring, not under it (400 % zoom). */
    scroll-padding-top: calc(var(--_control-size) + 1em);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.55);
  }
  dialog.panel {
    position: fixed;
    inset: auto var(--_offset) var(--_offset) auto;
    margin: 0;
    width: min(28em, calc(100vw - 2 * var(--_offset)));
    max-height: calc(100dvh - 2 * var(--_offset) - var(--_lift, 0px));
    z-index: 2147483001;
    box-shadow: 0 4px 24px rgb(0 0 0 / 0.35);
    animation: slide-in 0.25s ease-out;
  }
  :host([position='bottom-left']) dialog.panel {
    inset: auto auto var(--_offset) var(--_offset);
  }
  :host([position='top-right']) dialog.panel {
    inset: var(--_offset) var(--_offset) auto auto;
  }
  :host([position='top-left']) dialog.panel {
    inset: var(--_offset) auto auto var(--_offset);
  }
  @keyframes slide-in {
    from {
      transform: translateY(1.5em);
      opacity: 0;
    }
  }
  .bar {
    display: flex;
    justify-content: flex-end;
    padding: 0.25em;
    position: sticky;
    top: 0;
    background: var(--_surface);
    z-index: 1;
  }
  .close {
    font: inherit;
    min-height: var(--_control-size);
    min-width: var(--_control-size);
    padding: 0.25em 0.75em;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
  }
  .content {
    padding: 0 min(0.5em, max(0.125em, 5vw - 0.5em)) 0.5em;
  }
  ::slotted(ankieta-survey) {
    --ankieta-survey-max-width: none;
  }
  @media (forced-colors: active) {
    .trigger {
      border-color: ButtonText;
    }
  }
`;
