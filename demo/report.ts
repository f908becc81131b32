// Demo wiring for the organiser report: read the responses from the collector that `npm start`
// runs (its URL and token are filled into the form; `?collector=…&token=…` overrides them),
// send sample responses to it, or show sample data without any server.
import '../src/components/report/report.js';
import { partnershipSelfAssessment } from '../src/templates/partnership.js';
import { surveyFromAgenda } from '../src/templates/agenda.js';
import agenda from '../src/templates/examples/opole-2016.agenda.json';
import sample from './surveys/sample.json';
import { generateResponses } from '../test/report/generate.js';

const definitions = {
  partnership: partnershipSelfAssessment({ partnership: 'Partnerstwo Ziemi Przykładowej' }),
  conference: surveyFromAgenda(agenda),
  // The survey of the demo's municipal, conference and kiosk pages (demo-spotkanie).
  sample,
};
type Which = keyof typeof definitions;

const form = document.querySelector<HTMLFormElement>('#source')!;
const report = document.querySelector('ankieta-report')!;
const message = document.querySelector<HTMLElement>('#message')!;
const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;

const params = new URLSearchParams(location.search);
for (const name of ['collector', 'token']) {
  // A Vite placeholder left unfilled: the page was served without `npm start`.
  if (field(name).value.startsWith('%')) field(name).value = name === 'collector' ? 'http://127.0.0.1:8787' : '';
}
const started = field('collector').value;
for (const name of ['collector', 'token', 'survey']) {
  const value = params.get(name);
  if (value) field(name).value = value;
}
// The token `npm start` filled in is its own collector's: a link naming another server gets none
// (it would be sent there, to whoever made the link).
if (field('collector').value !== started && !params.get('token')) field('token').value = '';

/** A definition read from a file (the organiser's own survey), under the select's "own" option. */
let own: { id?: unknown } | undefined;
const chosen = () => (field('survey').value === 'own' ? own : definitions[field('survey').value as Which]);
const surveyId = () => encodeURIComponent(String(chosen()?.id ?? ''));

document.querySelector<HTMLInputElement>('#definition-file')!.addEventListener('change', async (event) => {
  const file = (event.target as HTMLInputElement).files?.[0];
  if (!file) return;
  try {
    own = JSON.parse(await file.text()) as { id?: unknown };
  } catch {
    message.textContent = `Plik ${file.name} nie jest plikiem JSON.`;
    return;
  }
  const select = field('survey') as HTMLSelectElement;
  const option = select.querySelector<HTMLOptionElement>('option[value="own"]') ?? select.appendChild(new Option('', 'own'));
  option.text = `Z pliku: ${file.name}`;
  select.value = 'own';
  message.textContent = `Wczytano definicję ankiety z pliku ${file.name}.`;
  showFromCollector();
});
const collector = () => field('collector').value.replace(/\/+$/, '');

function showFromCollector(): void {
  const definition = chosen();
  report.responses = undefined;
  report.token = field('token').value;
  report.definition = definition;
  report.src = `${collector()}/api/surveys/${surveyId()}/responses`;
  // The same URL again is no change to the element: ask it to read the export anew.
  report.reload();
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  message.textContent = '';
  showFromCollector();
});

document.querySelector('#local-sample')!.addEventListener('click', () => {
  const definition = chosen();
  report.src = undefined;
  report.definition = definition;
  try {
    report.responses = generateResponses(definition as Parameters<typeof generateResponses>[0], 60, { seed: Date.now() % 1000 });
    message.textContent = 'Dane przykładowe: 60 wygenerowanych odpowiedzi.';
  } catch {
    report.responses = [];
  }
});

document.querySelector('#send-sample')!.addEventListener('click', async () => {
  // They land among the real responses and nothing tells them apart afterwards.
  const title = (document.querySelector<HTMLSelectElement>('#survey-id')!.selectedOptions[0]?.text ?? '').trim();
  if (
    !confirm(
      `Na serwer odpowiedzi ${collector()} trafi 40 wygenerowanych odpowiedzi do ankiety „${title}”. ` +
        'Zestawienie i pliki CSV nie odróżnią ich od prawdziwych. Wysłać?',
    )
  )
    return;
  let responses: ReturnType<typeof generateResponses>;
  try {
    responses = generateResponses(chosen() as Parameters<typeof generateResponses>[0], 40, {
      seed: Date.now() % 100_000,
      from: new Date(),
    });
  } catch {
    message.textContent = 'Dla tej definicji nie da się wygenerować przykładowych odpowiedzi (czy jest poprawna?).';
    return;
  }
  let stored = 0;
  message.textContent = 'Wysyłanie…';
  const send = async (response: (typeof responses)[number]) => {
    for (let attempt = 0; ; attempt++) {
      const reply = await fetch(`${collector()}/api/responses`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': response.id },
        body: JSON.stringify(response),
      });
      // The collector limits requests per minute; it says when to come back.
      if (reply.status === 429 && attempt < 10) {
        await new Promise((resolve) => setTimeout(resolve, 1000 * Number(reply.headers.get('Retry-After') ?? 1)));
        continue;
      }
      if (!reply.ok) throw new Error(`serwer odpowiedział ${reply.status}`);
      stored++;
      return;
    }
  };
  try {
    // A few at a time: the collector writes each to disk before it answers.
    for (let i = 0; i < responses.length; i += 8) await Promise.all(responses.slice(i, i + 8).map(send));
    message.textContent = `Serwer odpowiedzi przyjął ${stored} z ${responses.length} odpowiedzi.`;
    showFromCollector();
  } catch (error) {
    message.textContent = `Nie udało się wysłać (${(error as Error).message}). Czy serwer odpowiedzi działa i zna tę stronę (--origin)?`;
  }
});

// The report's language (the form around it is in both): the switch, or ?locale=en from the
// English link on the self-assessment page.
const setLocale = (locale: string) => {
  report.locale = locale;
  for (const button of document.querySelectorAll('[data-locale]'))
    button.setAttribute('aria-pressed', String((button as HTMLElement).dataset.locale === locale));
};
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-locale]'))
  button.addEventListener('click', () => setLocale(button.dataset.locale!));
if (params.get('locale') === 'en') setLocale('en');

if (field('token').value) showFromCollector();
