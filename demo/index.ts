// Demo wiring: the language switch and an event log. The survey itself needs none of this.
import '../src/elements.js';
import { EVENT_NAMES } from '../src/components/survey/events.js';

const survey = document.querySelector('ankieta-survey')!;
const log = document.querySelector('#log')!;

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-locale]')) {
  button.addEventListener('click', () => {
    const locale = button.dataset.locale!;
    // The survey sets lang on its own root; the page around it stays Polish with English beside it
    // (an English page language made a screen reader read the Polish links in an English voice).
    survey.locale = locale;
    for (const other of document.querySelectorAll('[data-locale]')) other.setAttribute('aria-pressed', String(other === button));
  });
}

for (const type of EVENT_NAMES) {
  survey.addEventListener(type, (event) => {
    const detail = type === 'ankieta-ready' ? { surveyId: (event as CustomEvent).detail.surveyId } : (event as CustomEvent).detail;
    log.textContent = `${new Date().toLocaleTimeString('pl-PL')} ${type} ${JSON.stringify(detail)}\n${log.textContent}`;
  });
}
