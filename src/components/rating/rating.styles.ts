import { css } from 'lit';

export const ratingStyles = css`
  :host {
    --_star: var(--ankieta-rating-color, var(--_accent));
    --_star-size: var(--ankieta-rating-size, max(2rem, 32px));
  }
  .track {
    inline-size: fit-content;
    max-inline-size: 100%;
  }
  .stars {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em;
  }
  .star {
    position: relative;
    display: grid;
    place-items: center;
    min-inline-size: var(--_control-size);
    min-block-size: var(--_control-size);
    cursor: pointer;
  }
  :host(:disabled) .star {
    cursor: not-allowed;
  }
  svg {
    inline-size: var(--_star-size);
    block-size: var(--_star-size);
    fill: transparent;
    stroke: var(--_border);
    stroke-width: 1.5;
    stroke-linejoin: round;
    border-radius: var(--_radius);
  }
  .filled svg {
    fill: var(--_star);
    stroke: var(--_star);
  }
  .star:hover svg {
    stroke: var(--_star);
    stroke-width: 2.5;
  }
  input:focus-visible + svg {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  input[aria-invalid='true'] + svg {
    stroke: var(--_error);
  }
  /* Disabled: grey, as native controls, the chosen stars filled with it. */
  :host(:disabled) svg {
    stroke: var(--_muted);
  }
  :host(:disabled) .filled svg {
    fill: var(--_muted);
  }
  .anchors {
    display: flex;
    justify-content: space-between;
    gap: var(--_space);
    color: var(--_muted);
    /* Each end label on its own line when both do not fit, broken between words. */
    flex-wrap: wrap;
    overflow-wrap: break-word;
  }
  .anchors span:last-child {
    margin-inline-start: auto;
    text-align: end;
  }
  @media (forced-colors: active) {
    /* Invalid too: the site's red was 3.2:1 on a black high-contrast page; the error text says it. */
    svg,
    input[aria-invalid='true'] + svg {
      stroke: CanvasText;
    }
    .filled svg {
      fill: Highlight;
      stroke: Highlight;
    }
    input:focus-visible + svg {
      outline-color: Highlight;
    }
    :host(:disabled) svg {
      stroke: GrayText;
    }
    :host(:disabled) .filled svg {
      fill: GrayText;
    }
  }
`;
