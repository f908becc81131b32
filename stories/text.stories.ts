import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/components/text/text.js';
import { noPersonalDataHint } from '../src/templates/text.js';
import { showValidationError } from './support/controls.js';

const meta = {
  title: 'Questions/ankieta-text',
  component: 'ankieta-text',
  tags: ['autodocs'],
  args: { name: 'topics', label: 'Jakie tematy podjąć na kolejnych spotkaniach?' },
} satisfies Meta;

export default meta;
type Story = StoryObj;

export const Default: Story = {};

export const Answered: Story = { args: { value: 'Finansowanie wspólnych projektów z funduszy europejskich' } };

export const Multiline: Story = {
  args: {
    name: 'comments',
    label: 'Inne uwagi',
    hint: noPersonalDataHint.pl,
    multiline: true,
    value: 'Więcej czasu na pytania z sali.\nPrzydałyby się materiały przed spotkaniem.',
  },
};

export const Email: Story = {
  args: { name: 'email', label: 'Adres e-mail do przesłania materiałów', format: 'email', value: 'sekretariat@opole.eu' },
};

export const EmailInvalid: Story = {
  args: { name: 'email', label: 'Adres e-mail do przesłania materiałów', format: 'email', value: 'sekretariat@' },
  play: showValidationError,
};

/** The counter counts down; past the limit it says by how much and the field is invalid at once. */
export const Counter: Story = {
  args: { multiline: true, maxLength: 120, label: 'Co zmienić w warsztatach?', value: 'Mniej wystąpień, więcej pracy w grupach.' },
};

export const CounterOverLimit: Story = {
  args: {
    maxLength: 40,
    label: 'Tytuł dobrej praktyki',
    value: 'Wspólny transport publiczny dla gmin obszaru funkcjonalnego',
  },
};

export const RequiredError: Story = { args: { required: true }, play: showValidationError };

export const Disabled: Story = { args: { disabled: true, value: 'Tekst, którego nie można zmienić' } };

export const DisabledMultiline: Story = { args: { disabled: true, multiline: true, value: 'Pole wyłączone\nw dwóch wierszach' } };

export const LongPolishText: Story = {
  args: {
    name: 'nps_why',
    multiline: true,
    maxLength: 2000,
    label:
      'Co musiałoby się zmienić, aby ocena konferencji była wyższa? Prosimy o konkretne propozycje dotyczące programu, doboru prelegentów, organizacji dyskusji warsztatowych i materiałów.',
    hint: noPersonalDataHint.pl,
    value:
      'Wystąpienia laureatów konkursu „Samorządowy Lider Zarządzania 2015” były bardzo konkretne, ale zabrakło czasu na pytania z sali. Warto byłoby przesłać prezentacje z wyprzedzeniem i zaprosić przedstawicieli organizacji pozarządowych, które współtworzą partnerstwa międzysektorowe – ich perspektywa jest inna niż perspektywa urzędników.',
  },
};

export const English: Story = {
  args: {
    locale: 'en',
    label: 'Other comments',
    hint: noPersonalDataHint.en,
    multiline: true,
    maxLength: 500,
    value: 'More time for questions, please.',
  },
  globals: { locale: 'en' },
};

export const DarkTheme: Story = {
  args: { multiline: true, maxLength: 200, value: 'Dobra organizacja, punktualnie.' },
  globals: { theme: 'dark' },
};
