import { css, html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/**
 * A data table that scrolls sideways when it does not fit (a phone, larger text spacing): nothing
 * is cut off and the page does not widen (WCAG 1.4.10 allows this for tables). While it scrolls
 * (see TableScrollStops) it is a named region reachable by keyboard; `labelledBy` names it, keep
 * the names unique on a page.
 */
export function tableScroll(labelledBy: string, table: TemplateResult): TemplateResult {
  return html`<div class="table-scroll" data-labelledby=${labelledBy}>${table}</div>`;
}

/**
 * Makes each table of its element a region and a tab stop only while the table scrolls sideways:
 * a report of 16 tables that fit would otherwise be 16 tab stops that do nothing and 16 entries
 * in a screen reader's list of landmarks. Checked after each render and resize.
 */
export class TableScrollStops implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };
  readonly #observer = new ResizeObserver(() => this.hostUpdated());

  constructor(host: ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment }) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.#observer.observe(this.#host);
  }

  hostDisconnected(): void {
    this.#observer.disconnect();
  }

  hostUpdated(): void {
    for (const region of this.#host.renderRoot.querySelectorAll<HTMLElement>('.table-scroll')) {
      const scrolls = region.scrollWidth > region.clientWidth + 1;
      region.tabIndex = scrolls ? 0 : -1;
      region.role = scrolls ? 'region' : null;
      if (scrolls) region.setAttribute('aria-labelledby', region.dataset['labelledby']!);
      else region.removeAttribute('aria-labelledby');
    }
  }
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
