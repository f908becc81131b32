import type { StorybookConfig } from '@storybook/web-components-vite';
import { collectorStandIn } from './collector-stand-in.js';

/**
 * Storybook reuses the project's vite.config.ts (its library `build` section is ignored by
 * Storybook's builder). The collector stand-in answers the delivery stories' POSTs in
 * `npm run storybook`; `scripts/check-stories.mjs` serves the same stand-in next to the static build.
 */
const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  // The demo's survey files, for the stories that load a definition from `src`.
  staticDirs: [{ from: '../demo/surveys', to: 'surveys' }],
  addons: ['@storybook/addon-docs'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  viteFinal(viteConfig) {
    viteConfig.plugins = [
      ...(viteConfig.plugins ?? []),
      {
        name: 'ankieta-collector-stand-in',
        configureServer(server) {
          server.middlewares.use(collectorStandIn);
        },
      },
    ];
    // Storybook's own preview bundle is large; the library's size is checked by `npm run size`.
    viteConfig.build = { ...viteConfig.build, chunkSizeWarningLimit: 2000 };
    return viteConfig;
  },
};

export default config;
