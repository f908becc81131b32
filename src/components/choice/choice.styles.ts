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
    max-inline-size: 30rem;
  }
  .other {
    max-inline-size: 30rem;
    margin-block: 0.25rem 0.5rem;
    padding-inline-start: 2rem;
  }
  .other-label {
    display: block;
    margin-block-end: 0.25rem;
  }
`;
