import { css } from 'lit';

/**
 * Narrow: each row is a titled list of answers. Wide: the row label floats left (a floated
 * legend takes part in layout like any box) and the answers form columns that line up with the
 * header, whatever the number of points: equal, except that a column widens to its longest word
 * ("Przeciętnie", "Zdecydowanie"), which is never cut. Every row's cells hold their point's
 * label too, hidden at no height in the header's font, so each row's grid sizes its columns
 * exactly as the header's does. Where the longest words do not fit side by side (agree5 with
 * "not applicable" in Polish, 670 px), the rows stay stacked, as on a narrow screen.
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
    /* 0.5em a side, less in a question narrower than about 15em: with 200 % text on a 320 px
       phone "w partnerstwie" was cut in a row's label. As before at 100 % text. */
    padding: 0.25em min(0.5em, max(0.125em, 6.5cqi - 0.5em));
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
  /* Wide: the header is laid out whenever there is room for columns, hidden until its words fit
     (.fits, set by the element after measuring it), so it can be measured again as the width changes. */
  @container ankieta-control (min-width: 40em) {
    .header {
      display: block;
      padding-inline-start: var(--_row-label);
      font-size: 0.875em;
      text-align: center;
    }
    .base {
      position: relative;
    }
    /* Out of the flow at the same width and height, so hiding it changes no size it is measured by. */
    .base:not(.fits) > .header {
      visibility: hidden;
      position: absolute;
      inset-inline: 0;
      overflow: hidden;
    }
    .header .cell,
    .fits .point-label {
      padding-inline: 0.25em;
      overflow-wrap: normal;
    }
    .header .cell {
      padding-block: 0.25em;
    }
    .fits .row {
      margin: 0;
      padding: 0;
    }
    .fits .row-label {
      float: left;
      inline-size: var(--_row-label);
      padding: 0.625em 0.5em;
      font-weight: 400;
    }
    .header .cells,
    .fits .cells {
      clear: none;
      display: grid;
      grid-auto-flow: column;
      grid-auto-columns: minmax(min-content, 1fr);
    }
    .fits .option {
      justify-content: center;
      align-content: center;
      flex-wrap: wrap;
      row-gap: 0;
    }
    /* On a line of its own under the radio, with no height: read by screen readers as the
       radio's name, and as wide as the header's label, so the columns match. */
    .fits .point-label {
      inline-size: 100%;
      block-size: 0;
      overflow: hidden;
      font-size: 0.875em;
      text-align: center;
    }
    .header .na,
    .fits .na {
      margin: 0;
      border-block-start: 0;
      border-inline-start: 1px solid var(--_border);
    }
  }
  /* Paper is not measured (the observer does not run for it): columns measured on a wide screen
     must still fit the page, so there they may break a word rather than run off the edge. */
  @media print {
    .header .cells,
    .fits .cells {
      grid-auto-columns: minmax(0, 1fr);
    }
    .header .cell,
    .fits .point-label {
      overflow-wrap: anywhere;
    }
  }
`;
