import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    /* Not a page's overflow-wrap: anywhere, which splits table headers mid-word ("Liczba odpowi/edzi"). */
    overflow-wrap: break-word;
    --_report-bar: var(--ankieta-report-bar-color, var(--_accent));
    --_report-max-width: var(--ankieta-report-max-width, 60em);
    --_flag: var(--ankieta-report-flag-color, var(--_error));
  }
  .report {
    max-width: var(--_report-max-width);
    background: var(--_surface);
    color: var(--_text);
  }
  .title {
    font-size: 1.5em;
    font-weight: 700;
    margin: 0 0 0.25em;
  }
  .summary,
  .meta {
    color: var(--_muted);
    margin: 0.25em 0;
  }
  ul.meta {
    padding-inline-start: 1.25em;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.75em 1.5em;
    margin: 1em 0;
    padding: 0.75em 0;
    border-block: 1px solid var(--_border);
  }
  .toolbar label {
    display: block;
    max-width: 100%;
    font-weight: 600;
  }
  .toolbar select {
    display: block;
    margin-top: 0.25em;
  }
  select,
  button {
    font: inherit;
    min-height: var(--_control-size);
    border-radius: var(--_radius);
  }
  select {
    max-width: 100%;
    padding: 0.375em 0.5em;
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
  }
  button {
    padding: 0.5em 1em;
    border: 2px solid var(--_accent);
    background: var(--_surface);
    color: var(--_accent);
    cursor: pointer;
  }
  button:hover {
    background: var(--_surface-alt);
  }
  .exports {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  /* Empty, not hidden: a live region must be in the accessibility tree before its text comes. */
  .status:empty {
    margin: 0;
  }
  .message {
    padding: 0.75em 1em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .message.error {
    border-color: var(--_error);
  }
  .note {
    border-inline-start: 0.25em solid var(--_border);
    padding-inline-start: 0.75em;
    color: var(--_muted);
  }
  .question {
    margin: 1.5em 0;
    padding-top: 1em;
    border-top: 1px solid var(--_border);
  }
  .question-title {
    font-size: 1.125em;
    font-weight: 700;
    margin-bottom: 0.25em;
  }
  .table-scroll {
    margin: 0.5em 0;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-bottom: 0.25em;
  }
  th,
  td {
    text-align: start;
    padding: 0.25em 0.5em;
    border-bottom: 1px solid var(--_surface-alt);
    vertical-align: middle;
    font-weight: normal;
  }
  thead th {
    font-weight: 600;
    border-bottom-color: var(--_border);
  }
  .number {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  td.number {
    white-space: nowrap;
  }
  th.number-label {
    font-variant-numeric: tabular-nums;
  }
  td.share {
    min-width: 10em;
  }
  .share-inner {
    display: flex;
    align-items: center;
    gap: 0.5em;
    font-variant-numeric: tabular-nums;
  }
  .share-inner span {
    min-width: 3.5em;
    text-align: end;
  }
  /* Framed, so the whole 0–100 % track shows: its fill alone is 1.1:1 against the page. */
  svg.bar {
    flex: 1;
    height: 0.875em;
    min-width: 4em;
    border: 1px solid var(--_border);
  }
  .bar-track {
    fill: var(--_surface-alt);
  }
  .bar-fill {
    fill: var(--_report-bar);
  }
  .flag {
    display: inline-block;
    padding: 0 0.5em;
    border: 1px solid var(--_flag);
    border-radius: 1em;
    color: var(--_flag);
    font-size: 0.875em;
    font-weight: 600;
    white-space: nowrap;
  }
  .flag-note {
    color: var(--_text);
    font-size: 0.9375em;
  }
  .nps {
    margin: 0.5em 0 0;
    font-size: 1.125em;
  }
  .nps-score {
    font-size: 1.75em;
    font-variant-numeric: tabular-nums;
  }
  .texts {
    margin: 0.5em 0;
    padding-inline-start: 1.25em;
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .texts li + li {
    margin-top: 0.375em;
  }
  /* For print without a beforeprint event (a PDF made by a headless browser): says what is missing. */
  .print-only {
    display: none;
  }
  @media print {
    :host {
      color-scheme: light;
    }
    .print-only {
      display: block;
    }
    /* Controls are no use on paper; the breakdown shown is named in its note instead. */
    .toolbar,
    .more {
      display: none;
    }
    .question {
      break-inside: avoid;
    }
    .bar-fill,
    .bar-track {
      print-color-adjust: exact;
      -webkit-print-color-adjust: exact;
    }
  }
  @media (forced-colors: active) {
    .bar-fill {
      fill: CanvasText;
    }
    .bar-track {
      fill: Canvas;
    }
  }
`;
