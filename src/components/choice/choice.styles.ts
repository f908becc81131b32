import { css } from 'lit';

export const choiceStyles = css`
  :host {
    --_chosen: var(--ankieta-choice-color, var(--_accent));
  }
  input[type='radio'],
  input[type='checkbox'] {
    accent-color: var(--_chosen);
  }
  select.field {
    max-inline-size: 30em;
  }
  .other {
    max-inline-size: 30em;
    margin-block: 0.25em 0.5em;
    padding-inline-start: 2em;
  }
  .other-label {
    display: block;
    margin-block-end: 0.25em;
  }
`;
