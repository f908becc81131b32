import { css } from 'lit';

/**
 * Design tokens, tier one: the public `--ankieta-*` custom properties a site owner may set on
 * any ancestor (they inherit through shadow roots), resolved per element into private `--_*`
 * variables. Defaults use `light-dark()`, so they follow the inherited `color-scheme`: a
 * standalone control matches the page around it; `<ankieta-survey>` and the launcher choose
 * the scheme themselves (`data-theme="light" | "dark"`, else the system preference).
 * Component tiers (e.g. `--ankieta-rating-color`) fall back to these.
 */
export const theme = css`
  :host {
    --_font: var(--ankieta-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif);
    --_font-size: var(--ankieta-font-size, max(1rem, 16px));
    --_text: var(--ankieta-color-text, light-dark(#1b1f24, #e8eaed));
    --_muted: var(--ankieta-color-text-muted, light-dark(#4a5360, #b7bdc6));
    --_surface: var(--ankieta-color-surface, light-dark(#ffffff, #16191d));
    --_surface-alt: var(--ankieta-color-surface-alt, light-dark(#f3f5f8, #23272d));
    --_border: var(--ankieta-color-border, light-dark(#6b7480, #8d96a3));
    --_accent: var(--ankieta-color-accent, light-dark(#0a57a4, #8ec2ff));
    --_on-accent: var(--ankieta-color-on-accent, light-dark(#ffffff, #0b1a2b));
    --_error: var(--ankieta-color-error, light-dark(#b3261e, #ffb4ab));
    --_success: var(--ankieta-color-success, light-dark(#1e6b34, #8fd9a0));
    --_focus: var(--ankieta-color-focus, light-dark(#0a57a4, #8ec2ff));
    --_radius: var(--ankieta-radius, 0.375rem);
    --_space: var(--ankieta-space, max(1rem, 16px));
    --_control-size: var(--ankieta-control-size, max(2.75rem, 44px));
  }
  /* Without light-dark() (Safari before 17.5) every colour above would be invalid: no surface,
     no accent, no focus ring. The light colours then, readable on any page. */
  @supports not (color: light-dark(#000, #fff)) {
    :host {
      --_text: var(--ankieta-color-text, #1b1f24);
      --_muted: var(--ankieta-color-text-muted, #4a5360);
      --_surface: var(--ankieta-color-surface, #ffffff);
      --_surface-alt: var(--ankieta-color-surface-alt, #f3f5f8);
      --_border: var(--ankieta-color-border, #6b7480);
      --_accent: var(--ankieta-color-accent, #0a57a4);
      --_on-accent: var(--ankieta-color-on-accent, #ffffff);
      --_error: var(--ankieta-color-error, #b3261e);
      --_success: var(--ankieta-color-success, #1e6b34);
      --_focus: var(--ankieta-color-focus, #0a57a4);
    }
  }
`;

/** Shared building blocks: visually hidden text, focus ring, reduced motion. */
export const base = css`
  :host {
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.5;
    color: var(--_text);
    box-sizing: border-box;
    /* Text settings a page passes down (a CMS body's word-break or hyphens, a sidebar's nowrap,
       centring or capitals) are the widget's own. overflow-wrap: see the report and results. */
    word-break: normal;
    hyphens: manual;
    white-space: normal;
    text-align: start;
    text-indent: 0;
    text-transform: none;
    font-style: normal;
    font-weight: 400;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  [hidden] {
    display: none !important;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    padding: 0 !important;
    margin: -1px !important;
    overflow: hidden !important;
    clip: rect(0, 0, 0, 0) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
  /* Inline and unseen: out of the flow (as .visually-hidden is), Chromium would read it
     "nie . Proszę", and NVDA says "kropka" for a dot after a space. */
  /* No height under a page's fixed line-height, and left out of copied text (an e-mail address
     or a URL in a hint would be copied with it). */
  .stop {
    font-size: 0;
    line-height: 0;
    clip-path: inset(50%);
    -webkit-user-select: none;
    user-select: none;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      transition-duration: 0.01ms !important;
      animation-duration: 0.01ms !important;
    }
  }
  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
