import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor } from 'storybook/test';
import '../src/components/launcher/launcher.js';
import '../src/components/survey/survey.js';
import type { AnkietaLauncher } from '../src/components/launcher/launcher.js';
import { asStory, conference } from './support/definitions.js';

interface Args {
  mode?: 'button' | 'popup' | 'slide-in';
  position?: 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';
  label?: string;
  delay?: number;
  locale?: string;
  storageKey?: string;
}

/**
 * A municipal news page with the launcher on it. `storage-key` is per story, so "show once"
 * flags do not carry between stories; the survey inside is the conference evaluation.
 */
const render = (args: Args, { globals, id }: StoryContext<Args>) => {
  const theme = globals.theme === 'dark' ? 'dark' : 'light';
  return html`<article class="host-page">
      <h1>${args.locale === 'en' ? 'Conference on local government partnerships' : 'Konferencja o partnerstwach samorządowych'}</h1>
      <p>
        ${
          args.locale === 'en'
            ? 'On 18 April 2016 the Association of Polish Cities met mayors, councillors and staff in Opole. Tell us what you thought.'
            : '18 kwietnia 2016 r. w Opolu Związek Miast Polskich spotkał się z wójtami, burmistrzami, radnymi i pracownikami samorządów. Prosimy o ocenę spotkania.'
        }
      </p>
    </article>
    <ankieta-launcher mode=${ifDefined(args.mode)} position=${ifDefined(args.position)} label=${ifDefined(args.label)}
      delay=${ifDefined(args.delay)} locale=${ifDefined(args.locale)} storage-key=${args.storageKey ?? id} data-theme=${theme}>
      <ankieta-survey .definition=${asStory(conference(), id.split('--').pop()!)} locale=${ifDefined(args.locale)} data-theme=${theme}></ankieta-survey>
    </ankieta-launcher>`;
};

const launcherIn = (canvas: HTMLElement) => canvas.querySelector('ankieta-launcher') as AnkietaLauncher;

const meta = {
  title: 'Launcher/ankieta-launcher',
  component: 'ankieta-launcher',
  tags: ['autodocs'],
  render,
  args: { mode: 'button', position: 'bottom-right' },
  argTypes: {
    mode: { control: 'inline-radio', options: ['button', 'popup', 'slide-in'] },
    position: { control: 'select', options: ['bottom-right', 'bottom-left', 'top-right', 'top-left'] },
  },
  parameters: {
    // Fixed to the viewport and modal: each story in its own frame on the docs page.
    docs: { story: { inline: false, iframeHeight: 560 } },
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** `mode="button"`: a floating button in the bottom-right corner. */
export const Button: Story = {};

export const ButtonBottomLeft: Story = { args: { position: 'bottom-left' } };

export const ButtonTopRight: Story = { args: { position: 'top-right' } };

export const ButtonTopLeft: Story = { args: { position: 'top-left', label: 'Oceń konferencję' } };

/** The button pressed: the survey in a modal dialog; Escape or "Zamknij" closes it and keeps the answers. */
export const ButtonOpened: Story = {
  play: async ({ canvasElement }) => {
    const launcher = launcherIn(canvasElement);
    await launcher.updateComplete;
    const trigger = await waitFor(() => {
      const button = launcher.shadowRoot!.querySelector<HTMLButtonElement>('[part~="trigger"]');
      if (!button || button.hidden) throw new Error('no button yet');
      return button;
    });
    trigger.click();
    await expect(launcher.open).toBe(true);
  },
};

/** `mode="popup"`: the dialog opens by itself after `delay` seconds (here at once). */
export const Popup: Story = {
  args: { mode: 'popup' },
  play: async ({ canvasElement }) => {
    const launcher = launcherIn(canvasElement);
    await waitFor(() => expect(launcher.open).toBe(true));
  },
};

/**
 * `mode="slide-in"`: a non-modal panel slides in at the corner; the page stays usable. Up to 58em
 * wide (a phone, a laptop zoomed to 200 %, a narrow canvas) it waits behind its button, which opens
 * it as a modal dialog: there the panel would cover the page's links where Tab goes.
 */
export const SlideIn: Story = {
  args: { mode: 'slide-in' },
  play: async (context) => {
    if (matchMedia('(max-width: 58em)').matches) return ButtonOpened.play!(context);
    const launcher = launcherIn(context.canvasElement);
    await waitFor(() => expect(launcher.open).toBe(true));
  },
};

export const SlideInBottomLeft: Story = { args: { mode: 'slide-in', position: 'bottom-left' }, play: SlideIn.play };

export const English: Story = { args: { locale: 'en' }, globals: { locale: 'en' } };

export const DarkTheme: Story = { globals: { theme: 'dark' } };

export const DarkThemePopup: Story = { args: { mode: 'popup' }, globals: { theme: 'dark' }, play: Popup.play };

export const LongPolishLabel: Story = { args: { label: 'Prosimy o ocenę konferencji „Współpraca w partnerstwach samorządowych”' } };
