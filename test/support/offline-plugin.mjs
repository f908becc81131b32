// Web Test Runner plugin for the offline tests: starts the collector and the fault-injecting
// proxy on ephemeral ports the first time a test asks, lets browser tests control them, and
// drives what only the browser's automation can change (network offline, storage quota,
// clearing site data). Commands are named `offline:*`; see test/support/servers.ts.
import { startCollector } from './collector.mjs';
import { startFaultProxy } from './fault-proxy.mjs';

export function offlinePlugin() {
  let started;

  const servers = () => {
    started ??= (async () => {
      const collector = await startCollector();
      const proxy = await startFaultProxy({ target: collector.url });
      return { collector, proxy };
    })();
    return started;
  };

  async function cdp(session) {
    const page = session.browser.getPage?.(session.id);
    if (!page || typeof page.createCDPSession !== 'function') throw new Error('this command needs Chromium (CDP)');
    const client = await page.createCDPSession();
    return { page, client };
  }

  return {
    name: 'ankieta-offline',

    async executeCommand({ command, payload, session }) {
      if (!command.startsWith('offline:')) return undefined;
      const { collector, proxy } = await servers();
      switch (command) {
        case 'offline:servers':
          return { endpoint: `${proxy.url}/api/responses`, direct: `${collector.url}/api/responses` };
        case 'offline:reset':
          collector.reset();
          await proxy.reset();
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
        case 'offline:stored':
          return { responses: collector.responses(), counts: collector.counts() };
        case 'offline:network': {
          const page = session.browser.getPage?.(session.id);
          if (!page) throw new Error('no page for this session');
          await page.setOfflineMode(Boolean(payload.offline));
          return true;
        }
        case 'offline:quota': {
          const { page, client } = await cdp(session);
          const origin = new URL(page.url()).origin;
          await client.send('Storage.overrideQuotaForOrigin', payload.bytes == null ? { origin } : { origin, quotaSize: payload.bytes });
          await client.detach();
          return true;
        }
        case 'offline:clear-storage': {
          const { page, client } = await cdp(session);
          const origin = new URL(page.url()).origin;
          await client.send('Storage.clearDataForOrigin', { origin, storageTypes: 'indexeddb' });
          await client.detach();
          return true;
        }
        default:
          throw new Error(`unknown command ${command}`);
      }
    },

    async serverStop() {
      if (!started) return;
      const { collector, proxy } = await started;
      await proxy.close();
      await collector.close();
    },
  };
}
