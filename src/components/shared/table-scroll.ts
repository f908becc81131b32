import { css, html, type TemplateResult } from 'lit';

/**
 * A data table in its own region that scrolls sideways, reachable by keyboard, when it does not
 * fit (a phone, larger text spacing): nothing is cut off and the page does not widen (WCAG 1.4.10
 * allows this for tables). `labelledBy` names the region; keep the names unique on a page.
 */
export function tableScroll(labelledBy: string, table: TemplateResult): TemplateResult {
  return html`<div class="table-scroll" role="region" tabindex="0" aria-labelledby=${labelledBy}>${table}</div>`;
}

/** Scrolls on screen, prints in full. The element sets the region's margin. */
export const tableScrollStyles = css`
  .table-scroll {
    overflow-x: auto;
  }
  @media print {
    .table-scroll {
      overflow: visible;
    }
  }
`;
