// Web Test Runner plugin for the offline tests: starts the reference collector and the
// fault-injecting proxy on ephemeral ports the first time a test asks, lets browser tests control them, and
// drives what only the browser's automation can change (network offline, storage quota,
// clearing site data). Commands are named `offline:*`; see test/support/servers.ts.
import { startCollector } from './collector-process.mjs';
import { startFaultProxy } from './fault-proxy.mjs';

/** The survey id every offline test uses; the collector's export is read for it. */
const SURVEY = 'konferencja';

export function offlinePlugin() {
  let started;
  let origin;
  /** The collector keeps what it stored; a test sees only what came after its reset. */
  let seen = new Set();

  /** What /offline/survey serves (set by a test), and whether it answers at all. */
  let definition = { text: '{}', stall: false };
  /** The Referer header of the last request for it ('' when none was sent). */
  let definitionReferer = '';

  /** A second collector that allows only another site: the test page's origin is refused. */
  let elsewhere;
  const servers = () => {
    started ??= (async () => {
      const collector = await startCollector({ origins: [origin] });
      const proxy = await startFaultProxy({ target: collector.url });
      return { collector, proxy };
    })();
    return started;
  };

  // One DevTools session per test page: emulation set through it ends when it detaches.
  const clients = new Map();
  const covers = new Map();
  async function cdp(session) {
    const page = session.browser.getPage?.(session.id);
    if (!page || typeof page.createCDPSession !== 'function') throw new Error('this command needs Chromium (CDP)');
    let client = clients.get(session.id);
    if (!client || client.page !== page) {
      client = { page, cdp: await page.createCDPSession() };
      clients.set(session.id, client);
    }
    return { page, client: client.cdp };
  }

  return {
    name: 'ankieta-offline',

    serverStart({ config }) {
      origin = `${config.protocol ?? 'http:'}//${config.hostname}:${config.port}`;
    },

    // A survey definition on this server that a test can stall: Wi-Fi that connects but passes
    // nothing (the request is accepted and never answered). Koa middleware (in the config's
    // `middleware`) on a path without an extension: a repeated request for a `.json` path was
    // answered by the dev server's own cache and never reached this.
    middleware: async (context, next) => {
      if (context.path !== '/offline/survey') return next();
      definitionReferer = context.get('Referer');
      if (definition.stall) return new Promise(() => {});
      context.set('cache-control', 'no-store');
      context.type = 'json';
      context.body = definition.text;
    },

    async executeCommand({ command, payload, session }) {
      if (command === 'offline:definition') {
        definition = { text: payload.text ?? definition.text, stall: Boolean(payload.stall) };
        return true;
      }
      if (command === 'offline:definition-referer') return definitionReferer;
      if (!command.startsWith('offline:')) return undefined;
      const { collector, proxy } = await servers();
      switch (command) {
        case 'offline:capabilities': {
          let cdp = false;
          try {
            await (await session.browser.getPage(session.id).createCDPSession()).detach();
            cdp = true;
          } catch {
            // Firefox speaks WebDriver BiDi and WebKit WebDriver: no network-state, quota or clear-data overrides.
          }
          return { cdp };
        }
        case 'offline:elsewhere':
          elsewhere ??= startCollector({ origins: ['https://elsewhere.example'] });
          return { endpoint: `${(await elsewhere).url}/api/responses` };
        case 'offline:organiser':
          return { collector: collector.url, token: collector.token };
        case 'offline:servers':
          return { endpoint: `${proxy.url}/api/responses`, direct: `${collector.url}/api/responses` };
        case 'offline:reset':
          // By id: the export lists responses by id, not in the order they arrived.
          seen = new Set((await collector.responses(SURVEY)).map((r) => r.id));
          await proxy.reset();
          definition = { text: '{}', stall: false };
          return true;
        case 'offline:faults':
          proxy.addRules(payload.rules);
          return true;
        case 'offline:random':
          proxy.setRandom(payload);
          return true;
        case 'offline:refuse':
          await proxy.refuse(Boolean(payload.refuse));
          return true;
        case 'offline:log':
          return proxy.log();
        case 'offline:stored': {
          const responses = (await collector.responses(SURVEY)).filter((r) => !seen.has(r.id));
          const byStatus = {};
          for (const entry of proxy.log()) if (entry.upstream) byStatus[entry.upstream] = (byStatus[entry.upstream] ?? 0) + 1;
          return { responses, counts: { byStatus } };
        }
        case 'offline:network': {
          // Full offline emulation would also cut the test runner's own channel to this
          // server. So: navigator.onLine and the online/offline events from the browser, and
          // the collector's network really dead (the proxy refuses connections).
          const offline = Boolean(payload.offline);
          const { client } = await cdp(session);
          const announce = () =>
            client.send('Network.overrideNetworkState', { offline, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
          // The network is dead before the page hears "offline", and alive before it hears "online".
          if (offline) {
            await proxy.refuse(true);
            await announce();
          } else {
            await proxy.refuse(false);
            await announce();
          }
          return true;
        }
        case 'offline:quota': {
          const { page, client } = await cdp(session);
          const origin = new URL(page.url()).origin;
          if (payload.bytes == null) {
            await client.send('Storage.overrideQuotaForOrigin', { origin });
          } else {
            // Chromium applies a smaller quota when the origin's storage is set up again,
            // so this also clears the origin's IndexedDB (open connections are closed).
            await client.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: payload.bytes });
            await client.send('Storage.clearDataForOrigin', { origin, storageTypes: 'indexeddb' });
          }
          return true;
        }
        case 'offline:clear-storage': {
          const { page, client } = await cdp(session);
          const origin = new URL(page.url()).origin;
          await client.send('Storage.clearDataForOrigin', { origin, storageTypes: 'indexeddb' });
          return true;
        }
        case 'offline:visibility': {
          // Another tab in front hides this page, as switching tabs does on a phone.
          const page = session.browser.getPage(session.id);
          if (payload.hidden) {
            const other = await page.browser().newPage();
            await other.bringToFront();
            covers.set(session.id, other);
          } else {
            await page.bringToFront();
            await covers.get(session.id)?.close();
            covers.delete(session.id);
          }
          return true;
        }
        default:
          throw new Error(`unknown command ${command}`);
      }
    },

    async serverStop() {
      await (await elsewhere)?.close();
      if (!started) return;
      const { collector, proxy } = await started;
      await proxy.close();
      await collector.close();
    },
  };
}
