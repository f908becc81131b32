import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/components/rating/rating.js';
import { showValidationError } from './support/controls.js';

/** Stars 1..N; every story sets properties named after the manifest's fields (the Controls panel). */
const meta = {
  title: 'Questions/ankieta-rating',
  component: 'ankieta-rating',
  tags: ['autodocs'],
  args: { name: 'overall', label: 'Ogólna ocena konferencji' },
} satisfies Meta;

export default meta;
type Story = StoryObj;

export const Default: Story = {};

export const Answered: Story = { args: { value: 4, minLabel: 'Bardzo źle', maxLabel: 'Bardzo dobrze' } };

export const RequiredError: Story = {
  args: { required: true },
  play: showValidationError,
};

export const Disabled: Story = { args: { disabled: true, value: 3 } };

export const TenStars: Story = {
  args: { max: 10, value: 7, label: 'Ocena dyskusji warsztatowej', minLabel: 'Bardzo źle', maxLabel: 'Bardzo dobrze' },
};

export const LongPolishText: Story = {
  args: {
    label:
      'Ocena przygotowania merytorycznego i organizacyjnego konferencji „Współpraca w partnerstwach samorządowych” w Sali Herbowej Urzędu Wojewódzkiego w Opolu',
    hint: 'Prosimy uwzględnić wystąpienia, dyskusję warsztatową, materiały przekazane przed spotkaniem oraz punktualność rozpoczęcia i zakończenia poszczególnych części programu.',
    minLabel: 'Zdecydowanie niezadowalająco',
    maxLabel: 'Znakomicie, bez zastrzeżeń',
    required: true,
  },
};

export const English: Story = {
  args: { locale: 'en', label: 'Overall rating of the conference', minLabel: 'Very poor', maxLabel: 'Very good', value: 5 },
  globals: { locale: 'en' },
};

export const DarkTheme: Story = {
  args: { value: 4, minLabel: 'Bardzo źle', maxLabel: 'Bardzo dobrze' },
  globals: { theme: 'dark' },
};

export const DarkThemeRequiredError: Story = {
  args: { required: true },
  globals: { theme: 'dark' },
  play: showValidationError,
};
