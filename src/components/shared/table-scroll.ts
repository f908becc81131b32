import { css, html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/**
 * A data table in its own region that scrolls sideways, reachable by keyboard, when it does not
 * fit (a phone, larger text spacing): nothing is cut off and the page does not widen (WCAG 1.4.10
 * allows this for tables). `labelledBy` names the region; keep the names unique on a page.
 */
export function tableScroll(labelledBy: string, table: TemplateResult): TemplateResult {
  return html`<div class="table-scroll" role="region" tabindex="0" aria-labelledby=${labelledBy}>${table}</div>`;
}

/**
 * Makes each table region of its element a tab stop only while the table scrolls sideways: a
 * report of 20 tables that fit would otherwise be 20 stops that do nothing. Checked after each
 * render and resize.
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
    for (const region of this.#host.renderRoot.querySelectorAll<HTMLElement>('.table-scroll'))
      region.tabIndex = region.scrollWidth > region.clientWidth + 1 ? 0 : -1;
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
