import { css } from 'lit';

/** Narrow: a vertical list. Wide: the points as equal columns, N/A after a divider. */
export const scaleStyles = css`
  :host {
    --_chosen: var(--ankieta-scale-color, var(--_accent));
  }
  input[type='radio'] {
    accent-color: var(--_chosen);
  }
  .na {
    margin-block-start: 0.5rem;
    padding-block-start: 0.5rem;
    border-block-start: 1px solid var(--_border);
  }
  @container ankieta-control (min-width: 36rem) {
    .answers {
      display: flex;
      align-items: stretch;
      gap: 0.5rem;
    }
    .points {
      flex: 1 1 auto;
      display: grid;
      grid-auto-flow: column;
      grid-auto-columns: minmax(0, 1fr);
      gap: 0.5rem;
    }
    .option {
      flex-direction: column;
      justify-content: flex-start;
      gap: 0.375rem;
      padding: 0.5rem 0.25rem;
      text-align: center;
    }
    .na {
      flex: 0 1 9rem;
      margin: 0;
      padding-block-start: 0.5rem;
      padding-inline-start: 0.75rem;
      border-block-start: 0;
      border-inline-start: 1px solid var(--_border);
    }
  }
`;
