// Demo wiring for the partnership self-assessment: the survey (its thank-you screen shows the
// results), an example of results, and the language switch. Answers go to the collector that `npm start`
// runs (or the one named by `?collector=http://127.0.0.1:8787`), where demo/report.html shows them.
import '../src/elements.js';
import '../src/components/results/results.js';
import { partnershipSelfAssessment } from '../src/templates/partnership.js';

const definition = partnershipSelfAssessment({ partnership: 'Partnerstwo Ziemi Przykładowej' });
const params = new URLSearchParams(location.search);
/** A Vite placeholder left unfilled (the page served without `npm start`) means no collector. */
const filled = (value: string | null | undefined) => (value && !value.startsWith('%') ? value : null);
const collector = filled(params.get('collector')) ?? filled(document.querySelector('main')!.dataset.collector);

const survey = document.querySelector('ankieta-survey')!;
const example = document.querySelector<HTMLElementTagNameMap['ankieta-results']>('#example')!;

survey.definition = definition;
if (collector) {
  survey.endpoint = new URL('/api/responses', collector).href;
  document.querySelector<HTMLAnchorElement>('#report-link')!.search = `?collector=${encodeURIComponent(collector)}`;
  document.querySelector<HTMLAnchorElement>('#report-link-en')!.search = `?collector=${encodeURIComponent(collector)}&locale=en`;
}

example.definition = definition;
example.response = {
  answers: { sector: 'ngo', a1: 5, a2: 4, a3: 4, a4: 5, a5: 4, a6: 'na', b1: 2, b2: 2, b3: 1, b4: 3, b5: 2, b6: 2, b7: 3 },
};

// <ankieta-survey> shows the respondent's results on its thank-you screen (a scored survey);
// from then on "Drukuj wyniki" prints them instead of the example (print-a4.css).
survey.addEventListener('ankieta-submit', () => document.querySelector('main')!.classList.add('submitted'));

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-locale]')) {
  button.addEventListener('click', () => {
    const locale = button.dataset.locale!;
    // The elements set lang on their own roots; the page's Polish texts keep lang="pl" and the
    // English ones their own lang="en" (a page switched to "en" read the Polish in an English voice).
    for (const element of [survey, example]) element.locale = locale;
    for (const other of document.querySelectorAll('[data-locale]')) other.setAttribute('aria-pressed', String(other === button));
  });
}
