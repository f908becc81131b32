import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/components/consent/consent.js';
import { showValidationError } from './support/controls.js';

/** An information clause under RODO art. 13 for optional contact data (domain brief, section 3). */
const CLAUSE = [
  'Administratorem danych osobowych jest organizator konferencji – Związek Miast Polskich. Dane kontaktowe administratora i inspektora ochrony danych są podane na stronie organizatora.',
  'Adres e-mail przetwarzamy wyłącznie w celu przesłania materiałów z konferencji, na podstawie zgody (art. 6 ust. 1 lit. a RODO), do czasu jej wycofania, nie dłużej niż 12 miesięcy. Podanie adresu jest dobrowolne; ankieta pozostaje anonimowa.',
  'Przysługuje Pani/Panu prawo dostępu do danych, ich sprostowania, usunięcia, ograniczenia przetwarzania, przenoszenia oraz wycofania zgody w dowolnym momencie, a także prawo wniesienia skargi do Prezesa Urzędu Ochrony Danych Osobowych.',
].join('\n\n');

const meta = {
  title: 'Questions/ankieta-consent',
  component: 'ankieta-consent',
  tags: ['autodocs'],
  args: { name: 'consent', label: 'Zgoda na przesłanie materiałów', text: CLAUSE },
} satisfies Meta;

export default meta;
type Story = StoryObj;

export const Default: Story = {};

export const Checked: Story = { args: { checked: true } };

/** Without `label`: the clause and the box only. */
export const WithoutTitle: Story = {
  args: { label: '', text: 'Wyrażam zgodę na udział w badaniu ankietowym.', checkboxLabel: 'Tak, zgadzam się' },
};

export const RequiredError: Story = { args: { required: true }, play: showValidationError };

export const Disabled: Story = { args: { disabled: true, checked: true } };

export const LongPolishText: Story = {
  args: {
    label: 'Informacja o przetwarzaniu danych osobowych i zgoda na przesłanie materiałów pokonferencyjnych',
    checkboxLabel:
      'Wyrażam zgodę na przetwarzanie mojego adresu e-mail przez Związek Miast Polskich w celu przesłania prezentacji i materiałów z konferencji „Współpraca w partnerstwach samorządowych”',
    required: true,
  },
};

export const English: Story = {
  args: {
    locale: 'en',
    label: 'Consent to receive the materials',
    text: 'The controller of your data is the Association of Polish Cities. We use your e-mail address only to send the conference materials, based on your consent, which you may withdraw at any time.',
  },
  globals: { locale: 'en' },
};

export const DarkTheme: Story = { args: { checked: true }, globals: { theme: 'dark' } };
