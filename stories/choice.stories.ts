import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/components/choice/choice.js';
import { ROLE_OPTIONS, UNIT_OPTIONS } from '../src/templates/conference.js';
import { options, showValidationError } from './support/controls.js';

const roles = options(ROLE_OPTIONS, 'pl');
const units = options(UNIT_OPTIONS, 'pl');
const topics = [
  { value: 'funding', label: 'Finansowanie wspólnych projektów' },
  { value: 'strategy', label: 'Zarządzanie strategiczne' },
  { value: 'transport', label: 'Transport publiczny' },
  { value: 'education', label: 'Edukacja' },
];

const meta = {
  title: 'Questions/ankieta-choice',
  component: 'ankieta-choice',
  tags: ['autodocs'],
  args: { name: 'role', label: 'Reprezentowana instytucja', options: roles },
} satisfies Meta;

export default meta;
type Story = StoryObj;

/** Radios: one answer. */
export const Default: Story = {};

export const Answered: Story = { args: { value: 'councillor' } };

/** Checkboxes: several answers; the value is an array in option order. */
export const Multiple: Story = {
  args: {
    name: 'topics',
    label: 'Jakie tematy podjąć na kolejnych spotkaniach?',
    hint: 'Można wybrać do trzech.',
    options: topics,
    multiple: true,
    maxChoices: 3,
    value: ['funding', 'transport'],
  },
};

/** A native `<select>` (single choice only). */
export const Dropdown: Story = {
  args: { name: 'jst_type', label: 'Typ jednostki', options: units, display: 'dropdown', value: 'urban_rural' },
};

/** "Other" chosen: the text field appears and is required. */
export const Other: Story = {
  args: { other: true, value: 'other', otherText: 'Regionalny ośrodek polityki społecznej' },
};

export const OtherDropdown: Story = {
  args: {
    name: 'jst_type',
    label: 'Typ jednostki',
    options: units,
    display: 'dropdown',
    other: true,
    value: 'other',
    otherText: 'Lokalna grupa działania',
  },
};

export const RequiredError: Story = { args: { required: true }, play: showValidationError };

export const RequiredErrorMultiple: Story = {
  args: {
    name: 'topics',
    label: 'Jakie tematy podjąć na kolejnych spotkaniach?',
    options: topics,
    multiple: true,
    required: true,
    minChoices: 2,
  },
  play: showValidationError,
};

/** "Other" chosen but its text left empty. */
export const RequiredErrorOtherText: Story = { args: { required: true, other: true, value: 'other' }, play: showValidationError };

export const Disabled: Story = { args: { disabled: true, value: 'staff' } };

export const DisabledDropdown: Story = {
  args: { disabled: true, display: 'dropdown', options: units, value: 'county', label: 'Typ jednostki' },
};

export const LongPolishText: Story = {
  args: {
    label: 'Jednostka lub organizacja reprezentowana w partnerstwie samorządowym, którego dotyczy ta samoocena',
    hint: 'Przy kilku podmiotach (np. gminie i związku międzygminnym) prosimy wybrać ten, w imieniu którego wypełniana jest ankieta.',
    options: [
      ...roles.slice(0, 3),
      {
        value: 'lgd',
        label: 'Lokalna grupa działania lub stowarzyszenie na rzecz rozwoju obszarów wiejskich działające na terenie partnerstwa',
      },
      { value: 'university', label: 'Uczelnia, instytut badawczy lub regionalne obserwatorium terytorialne współpracujące z partnerstwem' },
    ],
    other: true,
    otherLabel: 'Inna instytucja lub organizacja (prosimy wpisać jaka)',
    required: true,
  },
};

export const English: Story = {
  args: { locale: 'en', label: 'Whom do you represent?', options: options(ROLE_OPTIONS, 'en'), other: true, value: 'ngo' },
  globals: { locale: 'en' },
};

export const DarkTheme: Story = { args: { value: 'executive', other: true }, globals: { theme: 'dark' } };

export const DarkThemeDropdown: Story = {
  args: { display: 'dropdown', options: units, value: 'rural', label: 'Typ jednostki' },
  globals: { theme: 'dark' },
};
