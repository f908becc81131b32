import { css } from 'lit';

export const consentStyles = css`
  input[type='checkbox'] {
    accent-color: var(--ankieta-consent-color, var(--_accent));
  }
  .text {
    margin-block-end: 0.5em;
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
`;
