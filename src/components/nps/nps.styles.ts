import { css } from 'lit';

export const npsStyles = css`
  :host {
    --_chosen: var(--ankieta-nps-color, var(--_accent));
  }
  .track {
    max-inline-size: 40em;
  }
  /* 4, 6 or 11 a row: 6 need 17.75em, more than a 320 px phone leaves inside a page's margins.
     Narrower still (a phone at 200 % text), as many as fit. */
  .numbers {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(var(--_control-size), 100%), 1fr));
    gap: 0.25em;
  }
  @container ankieta-control (min-width: 12em) {
    .numbers {
      grid-template-columns: repeat(4, minmax(var(--_control-size), 1fr));
    }
  }
  @container ankieta-control (min-width: 18em) {
    .numbers {
      grid-template-columns: repeat(6, minmax(var(--_control-size), 1fr));
    }
  }
  @container ankieta-control (min-width: 34em) {
    .numbers {
      grid-template-columns: repeat(11, minmax(var(--_control-size), 1fr));
    }
  }
  .number {
    position: relative;
    display: flex;
    cursor: pointer;
  }
  :host(:disabled) .number {
    cursor: not-allowed;
  }
  .box {
    display: grid;
    place-items: center;
    inline-size: 100%;
    min-block-size: var(--_control-size);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font-variant-numeric: tabular-nums;
  }
  .number:hover .box {
    border-color: var(--_chosen);
    box-shadow: inset 0 0 0 1px var(--_chosen);
  }
  input:checked + .box {
    background: var(--_chosen);
    border-color: var(--_chosen);
    color: var(--_on-accent);
    font-weight: 700;
  }
  input:focus-visible + .box {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  input[aria-invalid='true'] + .box {
    border: 2px solid var(--_error);
  }
  /* The picked number keeps its fill: disabled, the answer still shows. */
  input:disabled:not(:checked) + .box {
    color: var(--_muted);
    background: var(--_surface-alt);
  }
  .anchors {
    display: flex;
    justify-content: space-between;
    gap: var(--_space);
    margin-block-start: 0.25em;
    color: var(--_muted);
    /* Each end label on its own line when both do not fit, broken between words, and inside a
       word longer than the line (large text on a phone) rather than past the question's edge. */
    flex-wrap: wrap;
    overflow-wrap: anywhere;
  }
  .anchors span:last-child {
    margin-inline-start: auto;
    text-align: end;
  }
  @media (forced-colors: active) {
    .box {
      forced-color-adjust: none;
      background: Canvas;
      color: CanvasText;
      border-color: CanvasText;
    }
    input[aria-invalid='true'] + .box {
      border-color: CanvasText;
    }
    input:disabled:not(:checked) + .box {
      background: Canvas;
      color: GrayText;
      border-color: GrayText;
    }
    input:checked + .box {
      background: Highlight;
      border-color: Highlight;
      color: HighlightText;
    }
    input:focus-visible + .box {
      outline-color: Highlight;
    }
  }
`;
