/// <reference types="vite/client" />
import { setCustomElementsManifest } from '@storybook/web-components';
import type { Decorator, Preview, WebComponentsRenderer } from '@storybook/web-components-vite';
import type { ArgTypesEnhancer } from 'storybook/internal/types';
import { withActions } from 'storybook/actions/decorator';
import { html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import manifest from '../custom-elements.json';
import { controlFromType, forControls, type Manifest } from './manifest.js';
import '../src/elements.js';
import '../src/components/report/report.js';
import './preview.css';
import { EVENT_NAMES } from '../src/components/survey/events.js';

setCustomElementsManifest(forControls(manifest as Manifest));

/**
 * The toolbar's language and theme. Standalone controls take the language from the closest
 * `[lang]` and the scheme from the inherited `color-scheme`, so the frame around every story
 * carries both; `<ankieta-survey>` and `<ankieta-launcher>` stories also pass the theme as
 * `data-theme` (they choose their scheme themselves). Keyed, so that switching rebuilds the
 * story: elements read `[lang]` when they render, not when an ancestor changes.
 */
const frame: Decorator = (story, { globals }) => {
  const locale = globals.locale === 'en' ? 'en' : 'pl';
  const theme = globals.theme === 'dark' ? 'dark' : 'light';
  return html`${keyed(`${locale}/${theme}`, html`<div class="ankieta-frame" lang=${locale} data-theme=${theme}>${story()}</div>`)}`;
};

const manifestControls: ArgTypesEnhancer<WebComponentsRenderer> = ({ argTypes }) =>
  Object.fromEntries(Object.entries(argTypes).map(([name, argType]) => [name, controlFromType(name, argType)]));

const preview: Preview = {
  decorators: [frame, withActions],
  argTypesEnhancers: [manifestControls],
  globalTypes: {
    locale: {
      description: 'Language of the page around the elements (the closest [lang])',
      toolbar: {
        title: 'Język / Language',
        icon: 'globe',
        items: [
          { value: 'pl', title: 'Polski' },
          { value: 'en', title: 'English' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Colour scheme',
      toolbar: {
        title: 'Motyw / Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'pl', theme: 'light' },
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true, sort: 'requiredFirst' },
    actions: {
      handles: [...EVENT_NAMES, 'input', 'change'],
    },
    backgrounds: { disable: true },
  },
};

export default preview;
