import { css } from 'lit';

/**
 * Narrow: a vertical list. Wide: the points as equal columns, N/A below them after a divider.
 * The columns start at 41em (656 px at 16 px; a survey gives its questions 670 px), where each is
 * wide enough for the longest word of the built-in labels ("Zdecydowanie"): narrower, words were
 * cut in the middle without a hyphen. In em, the container's own font size (--ankieta-font-size).
 */
export const scaleStyles = css`
  :host {
    --_chosen: var(--ankieta-scale-color, var(--_accent));
  }
  input[type='radio'] {
    accent-color: var(--_chosen);
  }
  .na {
    margin-block-start: 0.5em;
    padding-block-start: 0.5em;
    border-block-start: 1px solid var(--_border);
  }
  @container ankieta-control (min-width: 41em) {
    .points {
      display: grid;
      grid-auto-flow: column;
      grid-auto-columns: minmax(0, 1fr);
      gap: 0.25em;
    }
    .points .option {
      flex-direction: column;
      justify-content: flex-start;
      gap: 0.375em;
      padding: 0.5em 0.125em;
      text-align: center;
    }
    /* Under the radio in its column, not the narrow list's text beside it (form-control). */
    .points .option > span {
      flex: none;
      inline-size: auto;
      overflow-wrap: inherit;
    }
  }
`;
