import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/components/consent/consent.js';
import { showValidationError } from './support/controls.js';

/**
 * An information clause under RODO art. 13 for optional contact data (domain brief, section 3),
 * with every item the article asks for; the bracketed parts are the organiser's to fill in. The
 * e-mail belongs in a separate survey (its own id and endpoint), never in the anonymous one.
 */
const CLAUSE = [
  'Administratorami danych osobowych są organizatorzy konferencji: Związek Miast Polskich, [adres, e-mail], oraz Ministerstwo Rozwoju, [adres, e-mail]. Kontakt z inspektorem ochrony danych: [e-mail].',
  'Adres e-mail przetwarzamy wyłącznie w celu przesłania materiałów z konferencji, na podstawie zgody (art. 6 ust. 1 lit. a RODO). Zgodę można wycofać w każdej chwili; wycofanie nie wpływa na zgodność z prawem przetwarzania sprzed wycofania.',
  'Odbiorcą danych jest [podmiot utrzymujący serwer ankiet], który przetwarza je na nasze zlecenie. Dane nie są przekazywane poza Europejski Obszar Gospodarczy. Przechowujemy je do wycofania zgody, nie dłużej niż 12 miesięcy.',
  'Przysługuje prawo dostępu do danych, ich sprostowania, usunięcia, ograniczenia przetwarzania i przenoszenia oraz prawo wniesienia skargi do Prezesa Urzędu Ochrony Danych Osobowych. Podanie adresu jest dobrowolne. Dane nie służą do zautomatyzowanego podejmowania decyzji, w tym profilowania. Adres e-mail zapisujemy osobno od odpowiedzi w ankiecie.',
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
