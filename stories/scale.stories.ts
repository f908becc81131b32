import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/components/scale/scale.js';
import { showValidationError } from './support/controls.js';

const meta = {
  title: 'Questions/ankieta-scale',
  component: 'ankieta-scale',
  tags: ['autodocs'],
  args: { name: 'relevance', label: 'Tematyka odpowiadała potrzebom mojej jednostki.' },
  // The type is a plain string (named scales are open-ended); these are the built-in ones.
  argTypes: { scale: { control: 'inline-radio', options: ['agree5', 'quality5'] } },
} satisfies Meta;

export default meta;
type Story = StoryObj;

export const Default: Story = {};

export const Answered: Story = { args: { value: 4 } };

export const NotApplicable: Story = {
  args: { label: 'Strategia partnerstwa jest powiązana ze strategiami i budżetami partnerów.', notApplicable: true, value: 'na' },
};

export const Quality: Story = {
  args: { scale: 'quality5', notApplicable: true, label: 'Ogólna ocena konferencji', value: 5 },
};

export const CustomPoints: Story = {
  args: {
    label: 'Jak często materiały partnerstwa przydają się w pracy?',
    points: [
      { value: 1, label: 'Nigdy' },
      { value: 2, label: 'Raz w roku' },
      { value: 3, label: 'Raz na kwartał' },
      { value: 4, label: 'Co miesiąc' },
    ],
  },
};

export const RequiredError: Story = { args: { required: true, notApplicable: true }, play: showValidationError };

export const Disabled: Story = { args: { disabled: true, value: 2, notApplicable: true } };

export const LongPolishText: Story = {
  args: {
    label:
      'Partnerzy spoza samorządu (organizacje pozarządowe, przedsiębiorstwa, uczelnie, lokalne grupy działania) są traktowani jak równoprawni uczestnicy przy ustalaniu celów, podziale zadań i rozliczaniu wspólnych projektów.',
    hint: 'Prosimy odpowiedzieć z perspektywy ostatnich dwunastu miesięcy działania partnerstwa; jeżeli partnerstwo nie obejmuje partnerów spoza samorządu, prosimy wybrać „Nie wiem / nie dotyczy”.',
    notApplicable: true,
    naLabel: 'Nie wiem / nie dotyczy mojej organizacji ani partnerstwa',
    required: true,
  },
};

export const English: Story = {
  args: { locale: 'en', label: 'The topics matched my organisation’s needs.', notApplicable: true, value: 5 },
  globals: { locale: 'en' },
};

export const DarkTheme: Story = { args: { value: 3, notApplicable: true }, globals: { theme: 'dark' } };
