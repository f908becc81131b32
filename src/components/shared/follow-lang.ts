import type { ReactiveController, ReactiveControllerHost } from 'lit';

const hosts = new Set<ReactiveControllerHost>();
let observer: MutationObserver | undefined;

/**
 * Renders its element again when a `lang` attribute changes anywhere in the document, as an
 * app's language switch does to `<html lang>`: an element without its own `locale` takes the
 * nearest `lang`, read when it renders. One observer for all elements, there only while one is
 * connected.
 */
export class FollowLang implements ReactiveController {
  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    observer ??= new MutationObserver(() => hosts.forEach((host) => host.requestUpdate()));
    if (!hosts.size) observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
    hosts.add(this.#host);
  }

  hostDisconnected(): void {
    hosts.delete(this.#host);
    if (!hosts.size) observer!.disconnect();
  }
}
