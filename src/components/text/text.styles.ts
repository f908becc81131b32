import { css } from 'lit';

export const textStyles = css`
  textarea.field {
    resize: vertical;
    min-block-size: calc(var(--_control-size) * 2);
  }
  input.field {
    max-inline-size: 40em;
  }
  .field::placeholder {
    color: var(--_muted);
    opacity: 1;
  }
  .counter {
    margin-block-start: 0.25em;
    color: var(--_muted);
  }
  .counter.over {
    color: var(--_error);
    font-weight: 600;
  }
`;
