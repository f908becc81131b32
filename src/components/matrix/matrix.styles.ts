import { css } from 'lit';

/**
 * Narrow: each row is a titled list of answers. Wide: the row label floats left (a floated
 * legend takes part in layout like any box) and the answers form equal columns that line up
 * with the header, whatever the number of points.
 */
export const matrixStyles = css`
  :host {
    --_chosen: var(--ankieta-matrix-color, var(--_accent));
    --_stripe: var(--ankieta-matrix-stripe, var(--_surface-alt));
    --_row-label: 35%;
  }
  input[type='radio'] {
    accent-color: var(--_chosen);
  }
  .header {
    display: none;
  }
  .row {
    min-inline-size: 0;
    margin: 0 0 0.5em;
    padding: 0.25em 0.5em;
    border: 0;
    border-radius: var(--_radius);
  }
  .row:nth-of-type(odd) {
    background: var(--_stripe);
  }
  /* Floated, the legend is laid out inside the row like any box, so the row's stripe is behind
     all of it (a legend in its usual place straddles the row's top edge). */
  .row-label {
    float: left;
    inline-size: 100%;
    padding: 0.25em 0 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  :where(.row) > .cells {
    clear: both;
  }
  /* A row still to answer while the error shows: marked in words, and by a bar in the error colour. */
  .missing {
    box-shadow: inset 0.25em 0 0 var(--_error);
  }
  .row-missing {
    color: var(--_error);
    font-weight: 400;
  }
  .na {
    margin-block-start: 0.25em;
    border-block-start: 1px solid var(--_border);
  }
  @container ankieta-control (min-width: 40em) {
    .header {
      display: block;
      padding-inline-start: var(--_row-label);
      font-size: 0.875em;
      text-align: center;
    }
    .header .cell {
      padding: 0.25em;
      overflow-wrap: anywhere;
      hyphens: auto;
    }
    .row {
      margin: 0;
      padding: 0;
    }
    .row-label {
      float: left;
      inline-size: var(--_row-label);
      padding: 0.625em 0.5em;
      font-weight: 400;
    }
    .cells {
      clear: none;
      display: grid;
      grid-auto-flow: column;
      grid-auto-columns: minmax(0, 1fr);
    }
    .option {
      justify-content: center;
      /* The containing block of its hidden point label. Without it each label is positioned
         against the host, and Chromium lays out all of them again on every keystroke anywhere
         in the page: layout took 8–11 ms per keystroke in a page with 30 matrices, 4–5 ms with it. */
      position: relative;
    }
    .point-label {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      margin: -1px;
      overflow: hidden;
      clip: rect(0, 0, 0, 0);
      white-space: nowrap;
    }
    .na {
      margin: 0;
      border-block-start: 0;
      border-inline-start: 1px solid var(--_border);
    }
  }
`;
