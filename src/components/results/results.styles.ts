import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_results-bar: var(--ankieta-results-bar-color, var(--_accent));
    --_results-max-width: var(--ankieta-results-max-width, 44em);
  }
  .results {
    max-width: var(--_results-max-width);
    background: var(--_surface);
    color: var(--_text);
  }
  .title {
    font-size: 1.375em;
    font-weight: 700;
    margin: 0 0 0.5em;
  }
  .intro {
    color: var(--_muted);
    margin: 0 0 1em;
  }
  .print-only {
    display: none;
  }
  figure {
    margin: 0 0 1.5em;
    container-type: inline-size;
  }
  .chart-svg {
    display: block;
    width: 100%;
    height: auto;
    max-height: 32em;
    font-family: var(--_font);
    overflow: visible;
  }
  .chart-svg.narrow {
    display: none;
  }
  @container (width < 36em) {
    .chart-svg {
      display: none;
    }
    .chart-svg.narrow {
      display: block;
    }
  }
  .chart-svg text {
    fill: var(--_text);
    font-size: 15px;
  }
  .chart-svg .label {
    font-weight: 600;
  }
  .chart-svg .value {
    font-weight: 700;
  }
  .chart-svg .muted,
  .chart-svg .tick-label {
    fill: var(--_muted);
    font-weight: 400;
    font-size: 13px;
  }
  .chart-svg .on-bar {
    fill: var(--_on-accent);
  }
  .chart-svg .track {
    fill: var(--_surface-alt);
    stroke: var(--_border);
    stroke-width: 1;
  }
  .chart-svg .bar,
  .chart-svg .dot {
    fill: var(--_results-bar);
  }
  .chart-svg .tick,
  .chart-svg .ring,
  .chart-svg .axis {
    stroke: var(--_border);
    stroke-width: 1;
    fill: none;
  }
  .chart-svg .tick,
  .chart-svg .ring {
    stroke-dasharray: 3 3;
  }
  .chart-svg .area {
    fill: var(--_results-bar);
    fill-opacity: 0.22;
    stroke: var(--_results-bar);
    stroke-width: 2.5;
  }
  .dimensions {
    list-style: none;
    padding: 0;
    margin: 0 0 1.5em;
    display: grid;
    gap: 1em;
  }
  .dimension {
    border: 1px solid var(--_border);
    border-left-width: 0.375em;
    border-radius: var(--_radius);
    padding: 0.75em 1em;
  }
  .dimension-title {
    font-weight: 700;
    font-size: 1.125em;
  }
  .dimension p {
    margin: 0.25em 0;
  }
  .score-value {
    font-size: 1.5em;
    font-weight: 700;
  }
  .band {
    font-weight: 600;
  }
  .table-scroll {
    margin: 0 0 1.5em;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    /* Words whole, the table scrolling in its region, even inside a survey that breaks long words. */
    overflow-wrap: normal;
  }
  .caption {
    margin: 0;
    font-weight: 700;
    padding-bottom: 0.25em;
  }
  th,
  td {
    text-align: start;
    padding: 0.375em 0.5em;
    border-bottom: 1px solid var(--_border);
    vertical-align: top;
  }
  td.number {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  button {
    font: inherit;
    min-height: var(--_control-size);
    padding: 0.5em 1em;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_accent);
    cursor: pointer;
  }
  button:hover {
    background: var(--_surface-alt);
  }
  .message {
    padding: 0.75em 1em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .message.error {
    border-color: var(--_error);
  }
  @media print {
    /* Paper is light whatever the screen scheme: light-dark() picks the light tokens. */
    :host {
      color-scheme: light;
      --_results-max-width: 180mm;
    }
    .results {
      background: none;
      font-size: 11pt;
    }
    .actions {
      display: none;
    }
    .print-only {
      display: block;
      margin: 0 0 0.5em;
      font-weight: 600;
    }
    .chart-svg {
      max-height: 105mm;
    }
    .chart-svg .bar,
    .chart-svg .dot,
    .chart-svg .area,
    .chart-svg .track {
      print-color-adjust: exact;
      -webkit-print-color-adjust: exact;
    }
    figure,
    .dimension,
    table {
      break-inside: avoid;
    }
  }
  @media (forced-colors: active) {
    .chart-svg .bar,
    .chart-svg .dot {
      fill: CanvasText;
    }
    .chart-svg .area {
      fill: none;
      stroke: CanvasText;
    }
    /* Every text class: .muted and .tick-label are more specific than a bare "text". */
    .chart-svg text,
    .chart-svg .muted,
    .chart-svg .tick-label {
      fill: CanvasText;
    }
    .chart-svg .on-bar {
      fill: Canvas;
    }
    /* The track stays the page colour with an outline, so a bar (CanvasText) stands out of it. */
    .chart-svg .track {
      fill: Canvas;
      stroke: CanvasText;
    }
  }
`;
