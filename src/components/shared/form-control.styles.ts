import { css } from 'lit';

/**
 * Layout shared by the question elements: the group, its label, hint and error, option rows
 * with 44 px targets, and text fields. The host is a size container so each control adapts to
 * the width it gets (a sidebar, a phone), not to the viewport.
 */
export const formControlStyles = css`
  :host {
    display: block;
    container: ankieta-control / inline-size;
    margin-block-end: var(--_space);
  }
  :host(:disabled) {
    cursor: not-allowed;
  }
  .base {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  .label {
    display: block;
    padding: 0;
    margin: 0 0 calc(var(--_space) * 0.25);
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .hint {
    margin: 0 0 calc(var(--_space) * 0.5);
    color: var(--_muted);
    overflow-wrap: anywhere;
  }
  .error {
    margin-block-start: calc(var(--_space) * 0.25);
    color: var(--_error);
    font-weight: 600;
  }
  .error:empty {
    margin: 0;
  }
  .option {
    display: flex;
    align-items: center;
    gap: 0.75em;
    min-block-size: var(--_control-size);
    padding-block: 0.25em;
    cursor: pointer;
    overflow-wrap: anywhere;
    flex-wrap: wrap;
    row-gap: 0.25em;
  }
  /* The text beside a box moves under it, its words whole, when its longest word does not fit
     beside it (text at 200 % on a phone: "Zdecydowanie" is 233 px at 32 px); with anywhere it
     stayed beside the box, cut into pieces. A word wider than the whole line still breaks. */
  .option > span {
    flex: 1 0 auto;
    inline-size: min-content;
    max-inline-size: 100%;
    overflow-wrap: break-word;
  }
  :host(:disabled) .option {
    cursor: not-allowed;
  }
  input[type='radio'],
  input[type='checkbox'] {
    flex: none;
    /* In em of the text beside them: a form control's own font stays 13.33 px when a page
       enlarges its text, and the boxes stayed small next to 32 px labels. */
    font-size: inherit;
    inline-size: 1.25em;
    block-size: 1.25em;
    margin: 0;
    accent-color: var(--_accent);
  }
  .field {
    display: block;
    inline-size: 100%;
    min-block-size: var(--_control-size);
    margin: 0;
    padding: 0.5em 0.75em;
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .field[aria-invalid='true'] {
    border: 2px solid var(--_error);
  }
  .field:disabled {
    color: var(--_muted);
    background: var(--_surface-alt);
  }
  @media (forced-colors: active) {
    .field {
      border-color: FieldText;
    }
    .field[aria-invalid='true'] {
      border-width: 3px;
    }
  }
`;
