// Demo wiring for the organiser report: read the responses from the collector that `npm start`
// runs (its URL and token are filled into the form; `?collector=…&survey=…` overrides them, and a
// token is never read from the address: it would stay in the history, server logs and Referer),
// send sample responses to it, or show sample data without any server.
import '../src/components/report/report.js';
import { partnershipSelfAssessment } from '../src/templates/partnership.js';
import type { SurveyDefinition } from '../src/schema/index.js';
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

/** The page's own messages, in the language of the report (the switch above it). */
const MESSAGES = {
  pl: {
    notJson: (name: string) => `Plik ${name} nie jest plikiem JSON.`,
    fromFile: (name: string) => `Z pliku: ${name}`,
    loaded: (name: string) => `Wczytano definicję ankiety z pliku ${name}.`,
    sample: 'Dane przykładowe: 60 wygenerowanych odpowiedzi.',
    confirmSend: (server: string, title: string) =>
      `Na serwer odpowiedzi ${server} trafi 40 wygenerowanych odpowiedzi do ankiety „${title}”. ` +
      'Zestawienie i pliki CSV nie odróżnią ich od prawdziwych. Wysłać?',
    cannotGenerate: 'Dla tej definicji nie da się wygenerować przykładowych odpowiedzi (czy jest poprawna?).',
    sending: 'Wysyłanie…',
    status: (status: number) => `serwer odpowiedział kodem ${status}`,
    stored: (stored: number, all: number) => `Serwer odpowiedzi przyjął ${stored} z ${all} odpowiedzi.`,
    failed: (reason: string) => `Nie udało się wysłać (${reason}). Czy serwer odpowiedzi działa i zna tę stronę (--origin)?`,
    tokenInLink:
      'Token z adresu strony nie został użyty: w adresie trafia do historii przeglądarki i dzienników serwerów. Proszę wpisać go w pole „Token dostępu”.',
  },
  en: {
    notJson: (name: string) => `The file ${name} is not a JSON file.`,
    fromFile: (name: string) => `From the file: ${name}`,
    loaded: (name: string) => `Survey definition read from the file ${name}.`,
    sample: 'Sample data: 60 generated responses.',
    confirmSend: (server: string, title: string) =>
      `40 generated responses to the survey “${title}” will go to the response server ${server}. ` +
      'The report and the CSV files will not tell them from real ones. Send them?',
    cannotGenerate: 'No sample responses can be generated for this definition (is it valid?).',
    sending: 'Sending…',
    status: (status: number) => `the server answered with status ${status}`,
    stored: (stored: number, all: number) => `The response server accepted ${stored} of ${all} responses.`,
    failed: (reason: string) => `Sending failed (${reason}). Is the response server running, and does it know this page (--origin)?`,
    tokenInLink:
      'The token in the page address was not used: in an address it goes into the browser history and server logs. Please type it in the “Access token” field.',
  },
} satisfies Record<'pl' | 'en', unknown>;
let locale: keyof typeof MESSAGES = 'pl';
const say = () => MESSAGES[locale];

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
for (const name of ['collector', 'survey']) {
  const value = params.get(name);
  if (value) field(name).value = value;
}
// The token `npm start` filled in is its own collector's: a link naming another server gets none
// (it would be sent there, to whoever made the link).
if (field('collector').value !== started) field('token').value = '';
if (params.has('token')) {
  // Out of the address bar at least, so it is not copied on with the link.
  params.delete('token');
  history.replaceState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}${location.hash}`);
  message.textContent = say().tokenInLink;
}

/** A definition read from a file (the organiser's own survey), under the select's "own" option. */
let own: { id?: unknown } | undefined;
// A file's definition is not checked here: the report validates it and shows what is wrong with it.
const chosen = () => (field('survey').value === 'own' ? own : definitions[field('survey').value as Which]) as SurveyDefinition | undefined;
const surveyId = () => encodeURIComponent(String(chosen()?.id ?? ''));

document.querySelector<HTMLInputElement>('#definition-file')!.addEventListener('change', async (event) => {
  const file = (event.target as HTMLInputElement).files?.[0];
  if (!file) return;
  try {
    own = JSON.parse(await file.text()) as { id?: unknown };
  } catch {
    message.textContent = say().notJson(file.name);
    return;
  }
  const select = field('survey') as HTMLSelectElement;
  const option = select.querySelector<HTMLOptionElement>('option[value="own"]') ?? select.appendChild(new Option('', 'own'));
  option.text = say().fromFile(file.name);
  select.value = 'own';
  message.textContent = say().loaded(file.name);
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
    message.textContent = say().sample;
  } catch {
    report.responses = [];
  }
});

document.querySelector('#send-sample')!.addEventListener('click', async () => {
  // They land among the real responses and nothing tells them apart afterwards.
  // An option reads "Polish / English": the part in the report's language.
  const parts = (document.querySelector<HTMLSelectElement>('#survey-id')!.selectedOptions[0]?.text ?? '').split(' / ');
  const title = (parts[locale === 'en' ? parts.length - 1 : 0] ?? '').trim();
  if (!confirm(say().confirmSend(collector(), title))) return;
  let responses: ReturnType<typeof generateResponses>;
  try {
    responses = generateResponses(chosen() as Parameters<typeof generateResponses>[0], 40, {
      seed: Date.now() % 100_000,
      from: new Date(),
    });
  } catch {
    message.textContent = say().cannotGenerate;
    return;
  }
  let stored = 0;
  message.textContent = say().sending;
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
      if (!reply.ok) throw new Error(say().status(reply.status));
      stored++;
      return;
    }
  };
  try {
    // A few at a time: the collector writes each to disk before it answers.
    for (let i = 0; i < responses.length; i += 8) await Promise.all(responses.slice(i, i + 8).map(send));
    message.textContent = say().stored(stored, responses.length);
    showFromCollector();
  } catch (error) {
    message.textContent = say().failed((error as Error).message);
  }
});

// The report's language (the form around it is in both): the switch, or ?locale=en from the
// English link on the self-assessment page.
const setLocale = (to: keyof typeof MESSAGES) => {
  locale = to;
  report.locale = to;
  for (const button of document.querySelectorAll('[data-locale]'))
    button.setAttribute('aria-pressed', String((button as HTMLElement).dataset.locale === locale));
};
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-locale]'))
  button.addEventListener('click', () => setLocale(button.dataset.locale === 'en' ? 'en' : 'pl'));
if (params.get('locale') === 'en') setLocale('en');

if (field('token').value) showFromCollector();
