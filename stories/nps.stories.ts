import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/components/nps/nps.js';
import { showValidationError } from './support/controls.js';

const meta = {
  title: 'Questions/ankieta-nps',
  component: 'ankieta-nps',
  tags: ['autodocs'],
  args: {
    name: 'nps',
    label: 'Na ile prawdopodobne jest polecenie takiej konferencji koleżance lub koledze z innej JST?',
  },
} satisfies Meta;

export default meta;
type Story = StoryObj;

export const Default: Story = {};

export const Answered: Story = { args: { value: 9 } };

export const RequiredError: Story = { args: { required: true }, play: showValidationError };

export const Disabled: Story = { args: { disabled: true, value: 6 } };

export const LongPolishText: Story = {
  args: {
    label:
      'Na ile prawdopodobne jest polecenie udziału w kolejnej konferencji Związku Miast Polskich poświęconej partnerstwom samorządowym koleżance lub koledze z innej jednostki samorządu terytorialnego albo organizacji pozarządowej?',
    hint: '0 oznacza „na pewno nie polecę”, a 10 – „na pewno polecę”. Prosimy nie zastanawiać się zbyt długo.',
    minLabel: 'Zdecydowanie nie, w żadnym wypadku',
    maxLabel: 'Na pewno, bez żadnego wahania',
    required: true,
  },
};

export const English: Story = {
  args: {
    locale: 'en',
    label: 'How likely are you to recommend a conference like this to a colleague from another local government?',
    value: 10,
  },
  globals: { locale: 'en' },
};

export const DarkTheme: Story = { args: { value: 7 }, globals: { theme: 'dark' } };
