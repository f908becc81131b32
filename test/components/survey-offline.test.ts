import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/elements.js';
import type { AnkietaSurvey } from '../../src/components/survey/survey.js';
import type { Response, SurveyDefinition } from '../../src/schema/index.js';
import {
  definitionReferer,
  injectFaults,
  proxyLog,
  refuseConnections,
  resetServers,
  serveDefinition,
  servers,
  stored,
} from '../support/servers.js';
import { definitionTimeouts } from '../../src/sync/load-definition.js';
import { typeText } from '../support/keyboard.js';
import { clearDevice, settled } from './survey-helpers.js';
import { rawKeys } from '../support/offline-fixtures.js';

/** The offline test collector exports survey "konferencja". */
const survey: SurveyDefinition = {
  id: 'konferencja',
  title: 'Konferencja',
  pages: [
    {
      id: 'p1',
      title: 'Pierwsza',
      questions: [
        { id: 'overall', type: 'rating', required: true, title: 'Ocena' },
        { id: 'comments', type: 'text', title: 'Uwagi' },
      ],
    },
    { id: 'p2', title: 'Druga', questions: [{ id: 'nps', type: 'nps', title: 'Polecenie' }] },
  ],
};

const part = (el: AnkietaSurvey, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const control = (el: AnkietaSurvey, id: string) => el.shadowRoot!.querySelector<HTMLElement & { value: unknown }>(`#q-${id}`)!;
const primary = (el: AnkietaSurvey) => part(el, 'button-primary') as HTMLButtonElement;
const status = (el: AnkietaSurvey) => part(el, 'status')!.textContent!.trim();

async function until(check: () => boolean, what: string, timeout = 8000) {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function mount(endpoint?: string) {
  const el = await fixture<AnkietaSurvey>(
    html`<ankieta-survey locale="pl" endpoint=${endpoint ?? ''} .definition=${survey}></ankieta-survey>`,
  );
  await settled(el);
  return el;
}

/** The survey at a kiosk with a 2 s idle time, not yet loaded. */
const kiosk = () => fixture<AnkietaSurvey>(html`<ankieta-survey locale="pl" kiosk kiosk-idle="2" .definition=${survey}></ankieta-survey>`);

async function rate(el: AnkietaSurvey, stars: number) {
  control(el, 'overall').shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')[stars - 1]!.click();
  await settled(el);
}

async function submitBothPages(el: AnkietaSurvey, stars = 4): Promise<Response> {
  await rate(el, stars);
  primary(el).click();
  await settled(el);
  const submitted = oneEvent(el, 'ankieta-submit');
  primary(el).click();
  return (await submitted).detail.response;
}

/** A response of survey "konferencja" left waiting on the device (the collector unreachable), its page closed. */
async function leftWaiting(): Promise<{ endpoint: string; response: Response }> {
  const { endpoint } = await servers();
  await refuseConnections(true);
  const el = await mount(endpoint);
  const response = await submitBothPages(el);
  await until(() => /czeka|Brak połączenia/.test(status(el)), 'the response waiting');
  el.remove();
  return { endpoint, response };
}

/** Another survey ("inna-ankieta") on the same collector. */
const otherSurvey = (endpoint: string) =>
  fixture<AnkietaSurvey>(
    html`<ankieta-survey locale="pl" endpoint=${endpoint} .definition=${{ ...survey, id: 'inna-ankieta' }}></ankieta-survey>`,
  );

describe('<ankieta-survey> on the device and over the network', () => {
  beforeEach(async () => {
    await clearDevice();
    await resetServers();
  });

  it('keeps answers, the page and the start time across a reload; "Zacznij od nowa" clears them', async () => {
    const before = Date.now();
    const first = await mount();
    await rate(first, 3);
    control(first, 'comments').shadowRoot!.querySelector<HTMLElement>('input, textarea')!.focus();
    // ASCII only: WebKitGTK's WebDriver loses the key after a non-ASCII one when typing.
    await typeText('Za krotkie przerwy');
    primary(first).click();
    await settled(first);
    first.remove(); // what a reload does to the element; the text was never blurred

    const second = await mount();
    expect(part(second, 'page-title')!.textContent!.trim(), 'back on the page left').to.equal('Druga');
    const notice = second.shadowRoot!.querySelector('[part~="notice"]')!;
    expect(notice.textContent).to.contain('Przywrócono zapisane wcześniej odpowiedzi.');
    second.shadowRoot!.querySelector<HTMLButtonElement>('button.secondary')!.click(); // Wstecz
    await settled(second);
    expect(control(second, 'overall').value).to.equal(3);
    expect(control(second, 'comments').value).to.equal('Za krotkie przerwy');
    primary(second).click();
    await settled(second);
    const submitted = oneEvent(second, 'ankieta-submit');
    primary(second).click();
    const response: Response = (await submitted).detail.response;
    // The first visit's start, to the hour (the response carries times to the hour).
    expect(Date.parse(response.startedAt))
      .to.be.at.least(Math.floor((before - 1000) / 36e5) * 36e5)
      .and.at.most(Date.now());
    second.remove();

    const third = await mount();
    const notices = () => [...third.shadowRoot!.querySelectorAll('[part~="notice"]')].map((n) => n.textContent!.trim());
    expect(notices(), 'a completed response is no draft, but the device says it was sent').to.deep.equal([
      'Ankieta została już wypełniona na tym urządzeniu.',
    ]);
    third.locale = 'en';
    await settled(third);
    expect(notices()).to.deep.equal(['This survey has already been completed on this device.']);
    third.locale = 'pl';
    expect(control(third, 'overall').value, 'a fresh form, for someone else on the device').to.equal(null);
    await rate(third, 2);
    third.remove();
    const fourth = await mount();
    expect(control(fourth, 'overall').value).to.equal(2);
    control(fourth, 'overall').focus();
    await rate(fourth, 5); // touched, then left for the button below
    const startOver = fourth.shadowRoot!.querySelector<HTMLButtonElement>('[part~="notice"] button')!;
    const focusins: Element[] = [];
    const onFocusOut = (e: FocusEvent) => !e.relatedTarget && focusins.push(document.body);
    fourth.addEventListener('focusout', onFocusOut);
    startOver.focus();
    startOver.click();
    await settled(fourth);
    await new Promise((r) => setTimeout(r, 50));
    fourth.removeEventListener('focusout', onFocusOut);
    expect(control(fourth, 'overall').value).to.equal(null);
    const stars = control(fourth, 'overall').shadowRoot!;
    expect(stars.querySelector('[part~="error"]')!.textContent, 'a blank form shows no error').to.equal('');
    expect([...stars.querySelectorAll('input')].map((i) => i.getAttribute('aria-invalid'))).to.deep.equal(Array(5).fill('false'));
    expect(focusins, 'focus never fell to <body>').to.deep.equal([]);
    expect(fourth.shadowRoot!.activeElement).to.equal(part(fourth, 'page-title'));
    expect(status(fourth), 'the clearing is announced').to.equal('Odpowiedzi zostały usunięte.');
    fourth.locale = 'en';
    await settled(fourth);
    expect(status(fourth), 'in the language switched to, not left in Polish').to.equal('Your answers were cleared.');
    fourth.locale = 'pl';
    await settled(fourth);
    await rate(fourth, 4);
    await until(() => status(fourth) === 'Odpowiedzi są zapisane na tym urządzeniu.', 'the saving status again after the next answer');
    fourth.remove();
    const fifth = await mount();
    expect(control(fifth, 'overall').value, 'start over removed the old draft: only the answer given after it').to.equal(4);
  });

  it('"Zacznij od nowa" can be undone until the next answer: the answers and the page come back, saved again', async () => {
    const first = await mount();
    await rate(first, 3);
    primary(first).click();
    await settled(first);
    first.remove();

    const second = await mount();
    const startOver = second.shadowRoot!.querySelector<HTMLButtonElement>('[part~="notice"] button')!;
    expect(Math.round(startOver.getBoundingClientRect().height), 'a 44 px target').to.be.at.least(44);
    startOver.click();
    await settled(second);
    await new Promise((r) => setTimeout(r, 50));
    expect(part(second, 'page-title')!.textContent!.trim(), 'cleared: back on the first page').to.equal('Pierwsza');
    expect(control(second, 'overall').value).to.equal(null);
    const undo = second.shadowRoot!.querySelector<HTMLButtonElement>('[part~="notice"] button')!;
    expect(undo.textContent!.trim()).to.equal('Przywróć usunięte odpowiedzi');
    expect(Math.round(undo.getBoundingClientRect().height), 'a 44 px target').to.be.at.least(44);
    second.locale = 'en';
    await settled(second);
    expect(undo.textContent!.trim()).to.equal('Bring back the cleared answers');
    second.locale = 'pl';
    await settled(second);
    undo.click();
    await settled(second);
    await new Promise((r) => setTimeout(r, 50));
    expect(part(second, 'page-title')!.textContent!.trim(), 'back on the page it was on').to.equal('Druga');
    expect(second.shadowRoot!.activeElement === part(second, 'page-title'), 'focus on the page heading, not <body>').to.equal(true);
    expect(status(second)).to.equal('Przywrócono zapisane wcześniej odpowiedzi.');
    const notices = [...second.shadowRoot!.querySelectorAll('[part~="notice"]')].map((n) => n.textContent!.replace(/\s+/g, ' ').trim());
    expect(notices, 'the undo button gone, "restored" above again').to.deep.equal([
      'Przywrócono zapisane wcześniej odpowiedzi. Zacznij od nowa',
    ]);
    expect(part(second, 'status')!.querySelector('.visually-hidden')?.textContent, 'spoken, not shown twice').to.equal(
      'Przywrócono zapisane wcześniej odpowiedzi.',
    );
    second.shadowRoot!.querySelector<HTMLButtonElement>('button.secondary')!.click(); // Wstecz
    await settled(second);
    expect(control(second, 'overall').value).to.equal(3);
    second.remove();

    const third = await mount();
    expect(control(third, 'overall').value, 'the undone clearing is saved on the device').to.equal(3);
    third.shadowRoot!.querySelector<HTMLButtonElement>('[part~="notice"] button')!.click();
    await settled(third);
    expect(third.shadowRoot!.querySelector('[part~="notice"] button')!.textContent!.trim()).to.equal('Przywróć usunięte odpowiedzi');
    await rate(third, 5);
    expect(third.shadowRoot!.querySelector('[part~="notice"] button'), 'a new answer: no undo any more').to.equal(null);
    third.remove();
    const fourth = await mount();
    expect(control(fourth, 'overall').value, 'only the answer given after the clearing').to.equal(5);
    fourth.remove();
  });

  it('the same draft open twice: "Zacznij od nowa" undone in one is still that draft, so sending it clears the other instead of sending it twice', async () => {
    const first = await mount();
    await rate(first, 3);
    first.remove();
    const here = await mount();
    const there = await mount();
    expect(control(there, 'overall').value, 'the draft, restored in the other tab').to.equal(3);
    here.shadowRoot!.querySelector<HTMLButtonElement>('[part~="notice"] button')!.click(); // Zacznij od nowa
    await settled(here);
    await new Promise((r) => setTimeout(r, 50));
    here.shadowRoot!.querySelector<HTMLButtonElement>('[part~="notice"] button')!.click(); // Przywróć usunięte odpowiedzi
    await settled(here);
    expect(control(here, 'overall').value).to.equal(3);
    primary(here).click();
    await settled(here);
    const submitted = oneEvent(here, 'ankieta-submit');
    primary(here).click();
    await submitted;
    await until(() => control(there, 'overall').value === null, 'the untouched copy in the other tab cleared, not left to be sent again');
  });

  it('the same draft open twice: sent from the other tab while "Przywróć usunięte odpowiedzi" shows, it is not offered any more', async () => {
    const first = await mount();
    await rate(first, 3);
    first.remove();
    const here = await mount();
    const there = await mount();
    here.shadowRoot!.querySelector<HTMLButtonElement>('[part~="notice"] button')!.click(); // Zacznij od nowa
    await settled(here);
    await new Promise((r) => setTimeout(r, 50));
    expect(here.shadowRoot!.querySelector('[part~="notice"] button')!.textContent!.trim()).to.equal('Przywróć usunięte odpowiedzi');
    await submitBothPages(there, 3);
    await until(() => !here.shadowRoot!.querySelector('[part~="notice"] button'), 'the undo of a draft sent elsewhere withdrawn');
    await settled(here);
    const notices = [...here.shadowRoot!.querySelectorAll('[part~="notice"]')].map((n) => n.textContent!.trim());
    expect(notices).to.deep.equal(['Ankieta została już wypełniona na tym urządzeniu.']);
  });

  it('the same draft open twice: sent from one, the untouched other starts afresh instead of sending it again', async () => {
    const first = await mount();
    await rate(first, 3);
    const second = await mount();
    expect(control(second, 'overall').value, 'the draft, restored').to.equal(3);
    await submitBothPages(first);
    await until(() => control(second, 'overall').value === null, 'the copy cleared');
    await settled(second);
    const notices = [...second.shadowRoot!.querySelectorAll('[part~="notice"]')].map((n) => n.textContent!.trim());
    expect(notices).to.deep.equal(['Ankieta została już wypełniona na tym urządzeniu.']);
    // What is answered there now is a new response, under a new id.
    expect((await submitBothPages(second, 2)).answers).to.deep.equal({ overall: 2 });
  });

  it('the same draft open twice: answered in one, restored and sent (with a change) from the other, the first starts afresh instead of keeping a copy to send again', async () => {
    const first = await mount();
    await rate(first, 3);
    const second = await mount();
    expect(control(second, 'overall').value, 'the draft, restored').to.equal(3);
    await submitBothPages(second, 4);
    await until(() => control(first, 'overall').value === null, 'the tab where the answers were given cleared');
    await settled(first);
    const notices = [...first.shadowRoot!.querySelectorAll('[part~="notice"]')].map((n) => n.textContent!.trim());
    expect(notices).to.deep.equal(['Ankieta została już wypełniona na tym urządzeniu.']);
    first.remove();
    second.remove();
    const later = await mount();
    expect(control(later, 'overall').value, 'no copy of the sent answers comes back later').to.equal(null);
  });

  it('the same draft open twice: text typed in the first while the second reads the draft is not lost when the second sends its copy', async () => {
    const first = await mount();
    await rate(first, 3);
    // The keystroke lands between the second tab's read of the draft and its announcement of it.
    const announce = BroadcastChannel.prototype.postMessage;
    let typed = false;
    BroadcastChannel.prototype.postMessage = function (this: BroadcastChannel, message: unknown) {
      if (Array.isArray(message) && !typed) {
        typed = true;
        const field = control(first, 'comments').shadowRoot!.querySelector('input')!;
        field.value = 'Za krótkie przerwy';
        field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      }
      return announce.call(this, message);
    };
    let second: AnkietaSurvey;
    try {
      second = await mount();
    } finally {
      BroadcastChannel.prototype.postMessage = announce;
    }
    expect(typed, 'the read was announced').to.equal(true);
    const sent = await submitBothPages(second, 3);
    expect(sent.answers.comments, 'not in the copy sent').to.equal(undefined);
    await new Promise((r) => setTimeout(r, 300));
    await settled(first);
    expect(control(first, 'comments').value, 'kept where it was typed, to go as a response of its own').to.equal('Za krótkie przerwy');
  });

  it('the same draft open twice: answers given in the other tab stay there when the first is sent, and go as their own response', async () => {
    const first = await mount();
    await rate(first, 3);
    const second = await mount();
    await rate(second, 5);
    const sentFirst = await submitBothPages(first);
    await new Promise((r) => setTimeout(r, 300));
    await settled(second);
    expect(control(second, 'overall').value).to.equal(5);
    const sentSecond = await submitBothPages(second, 5);
    expect(sentSecond.answers).to.deep.equal({ overall: 5 });
    expect(sentSecond.id).to.not.equal(sentFirst.id);
  });

  it('the same draft open twice: the cleared copy shows no errors from before, also when the first was sent by the page itself', async () => {
    const twoRequired: SurveyDefinition = {
      id: 'dwie-oceny',
      title: 'Dwie oceny',
      pages: [
        {
          id: 'p',
          questions: [
            { id: 'overall', type: 'rating', required: true, title: 'Ocena' },
            { id: 'second', type: 'rating', required: true, title: 'Druga ocena' },
          ],
        },
      ],
    };
    const place = () => fixture<AnkietaSurvey>(html`<ankieta-survey locale="pl" .definition=${twoRequired}></ankieta-survey>`);
    const first = await place();
    await settled(first);
    await rate(first, 3);
    const second = await place();
    await settled(second);
    primary(second).click(); // "Druga ocena" still missing: an error summary
    await settled(second);
    expect(part(second, 'error-summary')).to.exist;
    // The page sends it itself (a cancelled ankieta-submit): still the same draft, sent.
    first.addEventListener('ankieta-submit', (event) => event.preventDefault());
    control(first, 'second').shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')[1]!.click();
    await settled(first);
    primary(first).click();
    await until(() => control(second, 'overall').value === null, 'the copy cleared');
    await settled(second);
    expect(part(second, 'error-summary'), 'no summary from before').to.equal(null);
    for (const id of ['overall', 'second'])
      expect(control(second, id).shadowRoot!.querySelector('[part~="error"]')!.textContent, id).to.equal('');
  });

  it('a kiosk never says the survey was completed on the device (each person is new)', async () => {
    const first = await mount();
    await submitBothPages(first);
    first.remove();
    const kiosk = await fixture<AnkietaSurvey>(html`<ankieta-survey locale="pl" kiosk .definition=${survey}></ankieta-survey>`);
    await settled(kiosk);
    expect(kiosk.shadowRoot!.querySelector('[part~="notice"]')).to.equal(null);
  });

  it("a kiosk reloaded with someone's unfinished answers clears them after the idle time, as it does an abandoned form", async () => {
    const first = await kiosk();
    await settled(first);
    await rate(first, 2);
    first.remove(); // the tablet's browser reloads the page (or staff refresh it) mid-survey
    const second = await kiosk();
    await settled(second);
    expect(control(second, 'overall').value, 'restored').to.equal(2);
    await new Promise((r) => setTimeout(r, 2300)); // nobody touches it
    await settled(second);
    expect(control(second, 'overall').value, "the next person does not get the previous person's answers").to.equal(null);
  });

  it('a kiosk reloaded after its idle time has passed starts with a blank form: the unfinished answers left before are gone from the device', async () => {
    const first = await kiosk();
    await settled(first);
    await rate(first, 2);
    first.remove(); // the page closed with someone's answers on it
    await new Promise((r) => setTimeout(r, 2300)); // longer than the idle time
    const second = await kiosk();
    await settled(second);
    expect(control(second, 'overall').value, "the previous person's answer").to.equal(null);
    const notices = [...second.shadowRoot!.querySelectorAll('[part~="notice"]')].map((n) => n.textContent!.trim());
    expect(notices, 'no "Przywrócono…" and nothing to bring back').to.deep.equal([]);
    await new Promise((r) => setTimeout(r, 200));
    expect(await rawKeys('ankieta', 'answer:'), 'the draft removed from the device').to.deep.equal([]);
  });

  it('a kiosk whose clock was hours fast when someone left their answers does not restore them once the clock is right', async () => {
    const now = Date.now;
    Date.now = () => now() + 2 * 60 * 60 * 1000;
    try {
      const first = await kiosk();
      await settled(first);
      await rate(first, 2);
      first.remove();
    } finally {
      Date.now = now; // the network time corrects the clock
    }
    const second = await kiosk();
    await settled(second);
    expect(control(second, 'overall').value, "the previous person's answer").to.equal(null);
  });

  it('delivers a submitted response to the collector exactly once and says so: sending, then sent', async () => {
    const { endpoint } = await servers();
    const el = await mount(endpoint);
    const said: string[] = [];
    const observer = new MutationObserver(() => {
      const text = status(el);
      if (text && text !== said.at(-1)) said.push(text);
    });
    observer.observe(el.shadowRoot!, { childList: true, subtree: true, characterData: true });
    const sent = oneEvent(el, 'ankieta-sent');
    const queued = oneEvent(el, 'ankieta-queued');
    const response = await submitBothPages(el);
    expect((await queued).detail.responseId).to.equal(response.id);
    expect((await sent).detail.responseId).to.equal(response.id);
    await until(() => status(el) === 'Odpowiedzi zostały wysłane.', 'the sent status');
    observer.disconnect();
    // Online, the response goes at once: a screen reader heard "1 wypełniona ankieta czeka na wysłanie.
    // Wyślemy ją automatycznie." for the few ms before "Wysyłanie…".
    expect(
      said.filter((text) => text !== 'Odpowiedzi są zapisane na tym urządzeniu.'),
      JSON.stringify(said),
    ).to.deep.equal(['Wysyłanie…', 'Odpowiedzi zostały wysłane.']);
    expect(part(el, 'status')!.getAttribute('role')).to.equal('status');
    const { responses } = await stored();
    expect(responses.map((r) => r.id)).to.deep.equal([response.id]);
    expect(responses[0]).to.deep.equal(response);
  });

  it('sends to an endpoint set after the survey loaded (a framework setting attributes late), answers kept', async () => {
    const { endpoint } = await servers();
    const el = await mount();
    await rate(el, 3);
    el.setAttribute('endpoint', endpoint);
    await settled(el);
    expect(control(el, 'overall').value, 'the answer on screen stays').to.equal(3);
    const sent = oneEvent(el, 'ankieta-sent');
    const response = await submitBothPages(el);
    expect((await sent).detail.responseId).to.equal(response.id);
    expect((await stored()).responses.map((r) => r.id)).to.deep.equal([response.id]);
  });

  it('keeps a response the collector refuses (400) as "not delivered" and offers it as JSON', async () => {
    const { endpoint } = await servers();
    await injectFaults({ type: 'status', status: 400, body: { error: 'invalid' } });
    const el = await mount(endpoint);
    const error = oneEvent(el, 'ankieta-error');
    const response = await submitBothPages(el);
    const detail = (await error).detail;
    expect(detail.kind).to.equal('delivery');
    expect(detail.status).to.equal(400);
    await until(
      () => status(el) === 'Serwer nie przyjął odpowiedzi. Są zapisane na tym urządzeniu; prosimy powiadomić administratora strony.',
      'the not-delivered status',
    );
    const exportButton = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.delivery-actions button')].find((b) =>
      b.textContent!.includes('Pobierz'),
    )!;
    expect(exportButton.textContent!.trim()).to.equal('Pobierz plik z\u00a0odpowiedziami');
    // The download is a temporary <a download> with a blob: URL; read what it would save.
    const links: HTMLAnchorElement[] = [];
    const observer = new MutationObserver((records) =>
      records.forEach((r) => r.addedNodes.forEach((n) => n instanceof HTMLAnchorElement && links.push(n))),
    );
    observer.observe(el.shadowRoot!, { childList: true, subtree: true });
    const preventNavigation = (event: Event) => event.preventDefault();
    el.shadowRoot!.addEventListener('click', preventNavigation, true);
    exportButton.click();
    await new Promise((r) => setTimeout(r, 20));
    observer.disconnect();
    el.shadowRoot!.removeEventListener('click', preventNavigation, true);
    expect(links).to.have.length(1);
    expect(links[0]!.download).to.equal('konferencja-niewyslane.json');
    const exported = await (await fetch(links[0]!.href)).json();
    expect(exported.undelivered.map((u: { response: Response; status: number }) => [u.response.id, u.status])).to.deep.equal([
      [response.id, 400],
    ]);
    expect((await stored()).responses).to.deep.equal([]);
  });

  it('tells a screen reader about a flaky collector once: sending, waiting, sent, not again on every retry', async function () {
    this.timeout(20000);
    const { endpoint } = await servers();
    await injectFaults({ type: 'status', status: 500, times: 3 });
    const el = await mount(endpoint);
    await rate(el, 4);
    const said: string[] = [];
    const observer = new MutationObserver(() => {
      const text = status(el);
      if (text && text !== said.at(-1)) said.push(text);
    });
    observer.observe(el.shadowRoot!, { childList: true, subtree: true, characterData: true });
    primary(el).click();
    await settled(el);
    primary(el).click();
    await until(() => status(el) === 'Odpowiedzi zostały wysłane.', 'sent after three failures', 15000);
    observer.disconnect();
    const spoken = said.filter((text) => text !== 'Odpowiedzi są zapisane na tym urządzeniu.');
    // The first attempt, its failure ("1 … czeka"), and the delivery: before, every one of the
    // three retries said "Wysyłanie…" and "czeka" again (9 changes).
    expect(spoken, JSON.stringify(spoken)).to.have.length.at.most(3);
    expect(spoken.filter((text) => text === 'Wysyłanie…')).to.have.length(1);
    expect(spoken.at(-1)).to.equal('Odpowiedzi zostały wysłane.');
    expect(spoken.join(' '), 'never "0 waiting"').not.to.contain('0 odpowiedzi');
    expect((await stored()).responses).to.have.length(1);
  });

  it("does not show one survey's refused response in another survey on the same collector", async () => {
    const { endpoint } = await servers();
    await injectFaults({ type: 'status', status: 422, body: { error: 'invalid' } });
    const el = await mount(endpoint);
    await submitBothPages(el);
    await until(() => status(el).startsWith('Serwer nie przyjął odpowiedzi.'), 'the not-delivered status');
    el.remove();
    const other = await otherSurvey(endpoint);
    await settled(other);
    await new Promise((r) => setTimeout(r, 500));
    expect(status(other), "the next respondent is not told about someone else's answers").to.equal('');
    expect(other.shadowRoot!.querySelector('.delivery-actions'), 'no download of them').to.equal(null);
    other.remove();
    const same = await mount(endpoint);
    await until(() => !!same.shadowRoot!.querySelector('.delivery-actions button'), 'the download button, back in its own survey');
  });

  it("a survey that sends another survey's waiting response says nothing about it, in its status or its events", async () => {
    const { endpoint, response } = await leftWaiting();
    const meanwhile = await otherSurvey(endpoint);
    await settled(meanwhile);
    await new Promise((r) => setTimeout(r, 500));
    expect(status(meanwhile), 'nothing of its own waits').to.equal('');
    meanwhile.remove();
    await refuseConnections(false);
    await injectFaults({ type: 'status', status: 422, body: { error: 'invalid' } });
    const heard: string[] = [];
    const other = document.createElement('ankieta-survey') as AnkietaSurvey;
    for (const type of ['ankieta-error', 'ankieta-sent', 'ankieta-queued']) other.addEventListener(type, () => heard.push(type));
    other.locale = 'pl';
    other.endpoint = endpoint;
    other.definition = { ...survey, id: 'inna-ankieta' };
    document.body.append(other);
    await settled(other);
    await new Promise((r) => setTimeout(r, 800));
    const tried = (await proxyLog()).filter((entry) => entry.key === response.id);
    expect(
      tried.map((entry) => entry.status),
      'the waiting response was tried and refused',
    ).to.deep.equal([422]);
    expect(status(other), "the next respondent is not told about someone else's answers").to.equal('');
    expect(heard, 'no event of this survey is about them').to.deep.equal([]);
    other.remove();
    const same = await mount(endpoint);
    await until(() => status(same).startsWith('Serwer nie przyjął odpowiedzi.'), 'the refusal, in its own survey');
    expect((await stored()).responses.map((r) => r.id)).not.to.include(response.id);
  });

  it("another survey's 404 (unknown to the collector) neither shows here nor stops this survey's responses", async () => {
    const { endpoint, response: left } = await leftWaiting();
    await refuseConnections(false);
    await injectFaults({ type: 'status', status: 404, body: { error: 'unknown survey' } });
    const heard: string[] = [];
    const other = await otherSurvey(endpoint);
    other.addEventListener('ankieta-error', (event) => heard.push((event as CustomEvent<{ message: string }>).detail.message));
    await settled(other);
    await new Promise((r) => setTimeout(r, 500));
    expect(status(other), 'not "the server refuses this page"').to.equal('');
    const own = await submitBothPages(other);
    await until(() => status(other) === 'Odpowiedzi zostały wysłane.', 'its own response sent');
    const log = await proxyLog();
    expect(log.filter((entry) => entry.key === own.id).map((entry) => entry.status)).to.deep.equal([201]);
    expect(
      log.filter((entry) => entry.key === left.id).map((entry) => entry.status),
      'tried once on this page',
    ).to.deep.equal([404]);
    expect(heard).to.deep.equal([]);
  });

  it('two surveys on one page and one collector: each tells only of its own response being sent', async () => {
    const { endpoint } = await servers();
    const heard: string[] = [];
    const mountAs = async (id: string) => {
      const el = await fixture<AnkietaSurvey>(
        html`<ankieta-survey locale="pl" endpoint=${endpoint} .definition=${{ ...survey, id }}></ankieta-survey>`,
      );
      await settled(el);
      el.addEventListener('ankieta-sent', (event) =>
        heard.push(`${id}: ${(event as CustomEvent<{ responseId: string }>).detail.responseId}`),
      );
      return el;
    };
    const first = await mountAs('konferencja');
    const second = await mountAs('inna-ankieta');
    await refuseConnections(true);
    const response = await submitBothPages(second);
    await until(() => /czeka|Brak połączenia/.test(status(second)), 'the response waiting');
    await refuseConnections(false);
    // The first survey's session flushes on "online" as well; whichever sends it, only the second tells.
    window.dispatchEvent(new Event('online'));
    await until(() => heard.length > 0, 'ankieta-sent');
    await new Promise((r) => setTimeout(r, 500));
    expect(heard).to.deep.equal([`inna-ankieta: ${response.id}`]);
    expect(status(first)).to.equal('');
  });

  it("at a kiosk, never offers the next person a file of the earlier people's undelivered answers", async () => {
    const { endpoint } = await servers();
    await injectFaults({ type: 'status', status: 403, times: 1 });
    const el = await fixture<AnkietaSurvey>(
      html`<ankieta-survey locale="pl" kiosk kiosk-thanks="1" endpoint=${endpoint} .definition=${survey}></ankieta-survey>`,
    );
    await settled(el);
    const first = await submitBothPages(el);
    await until(() => !!part(el, 'thank-you'), 'the thank-you screen');
    await until(() => !part(el, 'thank-you') && !!part(el, 'form'), 'a fresh form for the next person', 5000);
    const buttons = () => [...el.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent!.trim());
    await until(() => buttons().includes('Spróbuj ponownie'), 'delivery to be retried from the fresh form');
    expect(buttons()).not.to.include('Pobierz plik z\u00a0odpowiedziami');
    // The button comes with its reason: "ready for the next person" does not hide the refusal.
    expect(status(el)).to.match(/^Serwer nie przyjmuje odpowiedzi z\u00a0tej strony\./);
    const retry = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find(
      (b) => b.textContent!.trim() === 'Spróbuj ponownie',
    )!;
    const sent = oneEvent(el, 'ankieta-sent');
    retry.click();
    expect((await sent).detail.responseId, 'kept on the device and delivered once the server accepts').to.equal(first.id);
    expect((await stored()).responses.map((r) => r.id)).to.deep.equal([first.id]);
  });

  it('at a kiosk, an earlier refused response (422, kept, nothing to offer here) does not replace "ready for the next person"', async () => {
    const { endpoint } = await servers();
    await injectFaults({ type: 'status', status: 422, times: 1 });
    const el = await fixture<AnkietaSurvey>(
      html`<ankieta-survey locale="pl" kiosk kiosk-thanks="1" endpoint=${endpoint} .definition=${survey}></ankieta-survey>`,
    );
    await settled(el);
    const refused = oneEvent(el, 'ankieta-error');
    await submitBothPages(el);
    expect((await refused).detail.status).to.equal(422);
    await until(() => !part(el, 'thank-you') && !!part(el, 'form'), 'a fresh form for the next person', 5000);
    await settled(el);
    expect(status(el)).to.equal('Ankieta jest gotowa dla kolejnej osoby.');
    expect(el.shadowRoot!.querySelector('.delivery-actions'), 'no button without its words').to.equal(null);
  });

  it('offers "Spróbuj ponownie" while a response waits for the next attempt, and sends it at once', async () => {
    const { endpoint } = await servers();
    // The collector asks for an hour's pause: without the button the response would sit there.
    await injectFaults({ type: 'status', status: 503, retryAfter: 3600, times: 1 });
    const el = await mount(endpoint);
    const response = await submitBothPages(el);
    await until(() => status(el).includes('czeka na wysłanie'), 'the waiting status');
    const retry = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.delivery-actions button')].find(
      (b) => b.textContent!.trim() === 'Spróbuj ponownie',
    );
    expect(retry, 'a way to try now').to.exist;
    const sent = oneEvent(el, 'ankieta-sent');
    retry!.click();
    expect((await sent).detail.responseId).to.equal(response.id);
    await settled(el);
    expect(status(el)).to.equal('Odpowiedzi zostały wysłane.');
    expect(el.shadowRoot!.querySelector('.delivery-actions'), 'nothing left to retry').to.equal(null);
    expect((await stored()).responses.map((r) => r.id)).to.deep.equal([response.id]);
  });

  it('stops on 403, says the server refuses this page, and sends after "Spróbuj ponownie"', async () => {
    const { endpoint } = await servers();
    await injectFaults({ type: 'status', status: 403, times: 1 });
    const el = await mount(endpoint);
    const response = await submitBothPages(el);
    await until(() => status(el).startsWith('Serwer nie przyjmuje odpowiedzi z\u00a0tej strony.'), 'the forbidden status');
    const retry = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.delivery-actions button')].find(
      (b) => b.textContent!.trim() === 'Spróbuj ponownie',
    )!;
    const exportButton = [...el.shadowRoot!.querySelectorAll('.delivery-actions button')].map((b) => b.textContent!.trim());
    expect(exportButton, 'the answers can be handed over while the server refuses').to.include('Pobierz plik z\u00a0odpowiedziami');
    const sent = oneEvent(el, 'ankieta-sent');
    retry.focus();
    retry.click();
    expect((await sent).detail.responseId).to.equal(response.id);
    await settled(el);
    expect(document.activeElement, 'focus stays in the survey when the button goes').to.equal(el);
    expect(el.shadowRoot!.activeElement, 'on the thank-you heading').to.equal(
      el.shadowRoot!.querySelector('[part~="thank-you"] [tabindex="-1"]'),
    );
    expect((await stored()).responses.map((r) => r.id)).to.deep.equal([response.id]);
  });

  it('says why the download button is there on a later visit, after the server refused a response', async () => {
    const { endpoint } = await servers();
    await injectFaults({ type: 'status', status: 400, body: { error: 'invalid' } });
    const el = await mount(endpoint);
    await submitBothPages(el);
    await until(() => status(el).startsWith('Serwer nie przyjął odpowiedzi.'), 'the not-delivered status');
    el.remove();
    const later = await mount(endpoint);
    await until(() => !!later.shadowRoot!.querySelector('.delivery-actions button'), 'the download button');
    expect(status(later)).to.equal(
      'Serwer nie przyjął odpowiedzi. Są zapisane na tym urządzeniu; prosimy powiadomić administratora strony.',
    );
    // A language switch does not make the live region say the old news again, in English: the
    // words come in a new region (a region that appears with its text is not read out).
    const region = later.shadowRoot!.querySelector('[part~="status"]')!;
    const changed: string[] = [];
    const observer = new MutationObserver(() => changed.push(region.textContent!));
    observer.observe(region, { childList: true, subtree: true, characterData: true });
    later.locale = 'en';
    await settled(later);
    observer.disconnect();
    expect(status(later)).to.equal('The server did not accept your answers. They are kept on this device; please tell the site owner.');
    expect(changed, 'the Polish region left as it was').to.deep.equal([]);
    expect(later.shadowRoot!.querySelector('[part~="status"]') !== region, 'a new region').to.equal(true);
  });

  it('works in memory without IndexedDB: a translated notice, ankieta-error {kind: storage}, and delivery', async () => {
    const { endpoint } = await servers();
    const original = Object.getOwnPropertyDescriptor(window, 'indexedDB')!;
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
    const errors: CustomEvent[] = [];
    const onError = (e: Event) => errors.push(e as CustomEvent);
    window.addEventListener('ankieta-error', onError);
    try {
      const el = await mount(endpoint);
      await until(() => !!el.shadowRoot!.querySelector('[part~="notice"]'), 'the storage notice');
      expect(el.shadowRoot!.querySelector('[part~="notice"]')!.textContent).to.contain(
        'Przeglądarka nie pozwala zapisać odpowiedzi na tym urządzeniu.',
      );
      const sent = oneEvent(el, 'ankieta-sent');
      const response = await submitBothPages(el);
      expect((await sent).detail.responseId).to.equal(response.id);
      expect(errors.map((e) => e.detail.kind)).to.include('storage');
    } finally {
      Object.defineProperty(window, 'indexedDB', original);
      window.removeEventListener('ankieta-error', onError);
    }
  });

  it('sends a response within a second of submit when IndexedDB never answers an open (Safari), as from memory', async function () {
    this.timeout(60000);
    const { endpoint } = await servers();
    const original = Object.getOwnPropertyDescriptor(window, 'indexedDB')!;
    // Every open hangs: a request whose events never fire. Each open is given its 3 s.
    const hanging = { open: () => ({}) as IDBOpenDBRequest, deleteDatabase: () => ({}) as IDBOpenDBRequest, cmp: () => 0 };
    Object.defineProperty(window, 'indexedDB', { value: hanging, configurable: true });
    try {
      const el = await mount(endpoint);
      await rate(el, 4);
      primary(el).click();
      await settled(el);
      // A respondent takes some seconds over a page.
      await new Promise((r) => setTimeout(r, 3500));
      const sent = oneEvent(el, 'ankieta-sent');
      const submitted = oneEvent(el, 'ankieta-submit');
      const clicked = Date.now();
      primary(el).click();
      const response: Response = (await submitted).detail.response;
      expect((await sent).detail.responseId).to.equal(response.id);
      const posts = await proxyLog();
      expect(posts.map((post) => post.key)).to.deep.equal([response.id]);
      const delay = posts[0]!.start - clicked;
      console.log(`submit -> POST at the collector, every IndexedDB open hanging: ${delay} ms`);
      expect(delay).to.be.below(1000);
      expect((await stored()).responses.map((r) => r.id)).to.deep.equal([response.id]);
    } finally {
      Object.defineProperty(window, 'indexedDB', original);
    }
  });

  it('without IndexedDB never says the answers are kept on the device: after a 403 it asks to download them', async () => {
    const { endpoint } = await servers();
    await injectFaults({ type: 'status', status: 403 });
    const original = Object.getOwnPropertyDescriptor(window, 'indexedDB')!;
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
    try {
      const el = await mount(endpoint);
      await until(() => !!el.shadowRoot!.querySelector('[part~="notice"]'), 'the storage notice');
      const visible = () =>
        [...el.shadowRoot!.querySelectorAll('[part~="notice"], [part~="status"]')]
          .filter((n) => n.textContent!.includes('Przeglądarka nie pozwala zapisać'))
          .filter((n) => n.getBoundingClientRect().height > 1 && !n.querySelector('.visually-hidden')).length;
      expect(visible(), 'the storage warning is on screen once').to.equal(1);
      await submitBothPages(el);
      await until(() => status(el).startsWith('Serwer nie przyjmuje odpowiedzi z\u00a0tej strony'), 'the forbidden status');
      expect(status(el)).to.equal(
        'Serwer nie przyjmuje odpowiedzi z\u00a0tej strony. Prosimy pobrać plik z\u00a0odpowiedziami przed zamknięciem strony i\u00a0powiadomić administratora strony.',
      );
      expect(status(el)).not.to.include('zapisane');
      expect(part(el, 'thank-you')!.querySelector('[part~="notice"]')!.textContent, 'the thank-you screen keeps the warning').to.include(
        'prosimy nie zamykać strony',
      );
      const buttons = [...el.shadowRoot!.querySelectorAll('.delivery-actions button')].map((b) => b.textContent!.trim());
      expect(buttons).to.deep.equal(['Pobierz plik z\u00a0odpowiedziami', 'Spróbuj ponownie']);
    } finally {
      Object.defineProperty(window, 'indexedDB', original);
    }
  });

  it("a new survey and a new endpoint set together: answers are kept as the new survey's draft", async () => {
    const { endpoint } = await servers();
    const el = await mount();
    const other: SurveyDefinition = { ...survey, id: 'inna' };
    el.definition = other;
    await el.updateComplete;
    el.endpoint = endpoint; // while the new survey's draft is being read
    await settled(el);
    await rate(el, 2);
    await new Promise((r) => setTimeout(r, 300));
    el.remove();
    const again = await fixture<AnkietaSurvey>(html`<ankieta-survey locale="pl" .definition=${other}></ankieta-survey>`);
    await settled(again);
    expect(control(again, 'overall').value, 'the draft of "inna"').to.equal(2);
    again.remove();
    const first = await mount();
    expect(control(first, 'overall').value, 'nothing in the draft of "konferencja"').to.equal(null);
  });

  it('without IndexedDB and without an endpoint never says the answers are saved on the device', async () => {
    const original = Object.getOwnPropertyDescriptor(window, 'indexedDB')!;
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
    try {
      const el = await mount();
      await until(() => !!el.shadowRoot!.querySelector('[part~="notice"]'), 'the storage notice');
      await submitBothPages(el);
      await settled(el);
      await new Promise((r) => setTimeout(r, 200));
      expect(status(el)).not.to.include('zapisane na tym urządzeniu');
      expect(part(el, 'thank-you')!.querySelector('[part~="notice"]')!.textContent).to.include('prosimy nie zamykać strony');
    } finally {
      Object.defineProperty(window, 'indexedDB', original);
    }
  });

  it('lets a developer cancel ankieta-submit and deliver the response themselves', async () => {
    const { endpoint } = await servers();
    const el = await mount(endpoint);
    el.addEventListener('ankieta-submit', (event) => event.preventDefault());
    await submitBothPages(el);
    await settled(el);
    expect(part(el, 'thank-you')).to.exist;
    await new Promise((r) => setTimeout(r, 300));
    expect((await stored()).responses, 'nothing sent by the widget').to.deep.equal([]);
    el.remove();
    const again = await mount(endpoint);
    expect(control(again, 'overall').value, 'and no draft left behind').to.equal(null);
  });

  it("fetches the definition without the page's address (a newsletter's ?subscriber=… stays on the page)", async () => {
    await serveDefinition({ text: JSON.stringify(survey), stall: false });
    expect(location.search, 'the test page has a query string').to.not.equal('');
    const el = await fixture<AnkietaSurvey>(html`<ankieta-survey locale="pl" src="/offline/survey"></ankieta-survey>`);
    await settled(el);
    expect(part(el, 'title')!.textContent).to.equal('Konferencja');
    expect(await definitionReferer()).to.equal('');
  });

  it('on Wi-Fi that passes nothing, shows the copy from the last visit with its draft after a few seconds', async function () {
    this.timeout(20000);
    await serveDefinition({ text: JSON.stringify(survey), stall: false });
    const load = () => fixture<AnkietaSurvey>(html`<ankieta-survey locale="pl" src="/offline/survey"></ankieta-survey>`);
    const first = await load();
    await settled(first);
    await rate(first, 3);
    await until(() => status(first) === 'Odpowiedzi są zapisane na tym urządzeniu.', 'the draft saved');
    first.remove();

    await serveDefinition({ stall: true });
    const started = performance.now();
    const again = await load();
    await settled(again, 15000);
    const waited = performance.now() - started;
    expect(waited, 'not before the network had its few seconds').to.be.at.least(definitionTimeouts.copy - 100);
    expect(part(again, 'title')!.textContent).to.equal('Konferencja');
    expect(control(again, 'overall').value, 'the draft is back').to.equal(3);
  });

  it('without a copy, gives up on a request that is never answered and says the survey could not be loaded', async function () {
    this.timeout(20000);
    await serveDefinition({ text: JSON.stringify(survey), stall: true });
    const giveUp = definitionTimeouts.giveUp;
    definitionTimeouts.giveUp = 2000;
    try {
      const el = await fixture<AnkietaSurvey>(html`<ankieta-survey locale="pl" src="/offline/survey"></ankieta-survey>`);
      const error = await oneEvent(el, 'ankieta-error');
      await el.updateComplete;
      expect(error.detail).to.include({ kind: 'definition' });
      expect(error.detail.message).to.contain('no answer in 2 s');
      expect(part(el, 'message')!.getAttribute('role')).to.equal('alert');
    } finally {
      definitionTimeouts.giveUp = giveUp;
    }
  });

  /** Counts the requests for /offline/survey until `stop()` (the venue's Wi-Fi, seen from the page). */
  function countDefinitionRequests() {
    const realFetch = window.fetch;
    const counter = {
      requests: 0,
      stop: () => (window.fetch = realFetch),
    };
    window.fetch = (...args: Parameters<typeof fetch>) => {
      if (String(args[0]).includes('/offline/survey')) counter.requests++;
      return realFetch(...args);
    };
    return counter;
  }

  /** A survey from `src` whose first request is never answered: given up after a second. */
  async function failedToLoad() {
    await serveDefinition({ text: JSON.stringify(survey), stall: true });
    const el = await fixture<AnkietaSurvey>(html`<ankieta-survey locale="pl" src="/offline/survey"></ankieta-survey>`);
    await oneEvent(el, 'ankieta-error');
    await settled(el);
    return el;
  }

  const message = (el: AnkietaSurvey) => part(el, 'message')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const retryButton = (el: AnkietaSurvey) => part(el, 'message')?.querySelector<HTMLButtonElement>('button') ?? null;

  it('a survey that could not be loaded loads by itself when the connection returns, one request at a time, and never again once loaded', async function () {
    this.timeout(20000);
    const giveUp = definitionTimeouts.giveUp;
    definitionTimeouts.giveUp = 1000;
    const counter = countDefinitionRequests();
    try {
      const el = await failedToLoad();
      expect(message(el)).to.equal('Nie udało się wczytać ankiety. Prosimy odświeżyć stronę lub spróbować później. Spróbuj ponownie');
      expect(counter.requests).to.equal(1);
      el.locale = 'en';
      await settled(el);
      expect(retryButton(el)?.textContent?.trim()).to.equal('Try again');
      el.locale = 'pl';
      await settled(el);

      // The browser says it is online, but the Wi-Fi still passes nothing: one request, not two.
      const failedAgain = oneEvent(el, 'ankieta-error');
      window.dispatchEvent(new Event('online'));
      window.dispatchEvent(new Event('online'));
      await el.updateComplete;
      expect(message(el), 'said while it loads').to.equal('Wczytywanie ankiety…');
      expect(part(el, 'message')!.getAttribute('role')).to.equal('status');
      window.dispatchEvent(new Event('online'));
      expect(counter.requests, 'a load under way is not started again').to.equal(2);
      await failedAgain;
      await settled(el);
      expect(part(el, 'message')!.getAttribute('role')).to.equal('alert');
      expect(retryButton(el)?.textContent?.trim()).to.equal('Spróbuj ponownie');

      await serveDefinition({ stall: false });
      const ready = oneEvent(el, 'ankieta-ready');
      window.dispatchEvent(new Event('online'));
      await ready;
      await settled(el);
      expect(part(el, 'title')!.textContent).to.equal('Konferencja');
      expect(counter.requests).to.equal(3);

      await rate(el, 3);
      window.dispatchEvent(new Event('online'));
      await new Promise((r) => setTimeout(r, 300));
      await settled(el);
      expect(counter.requests, 'a loaded survey is not loaded again').to.equal(3);
      expect(control(el, 'overall').value, 'the answer stays').to.equal(3);
    } finally {
      counter.stop();
      definitionTimeouts.giveUp = giveUp;
    }
  });

  it('"Spróbuj ponownie" loads a survey that could not be loaded at once; focus goes to what is said, then to the first page', async function () {
    this.timeout(20000);
    const giveUp = definitionTimeouts.giveUp;
    definitionTimeouts.giveUp = 1000;
    try {
      const el = await failedToLoad();
      const focusedMessage = () => document.activeElement === el && el.shadowRoot!.activeElement === part(el, 'message');

      // Still nothing on the Wi-Fi: loading, then the failure again, focus never on <body>.
      const failedAgain = oneEvent(el, 'ankieta-error');
      retryButton(el)!.focus();
      retryButton(el)!.click();
      await el.updateComplete;
      expect(message(el)).to.equal('Wczytywanie ankiety…');
      expect(focusedMessage(), 'focus on the loading message, not <body>').to.equal(true);
      await failedAgain;
      await settled(el);
      expect(part(el, 'message')!.getAttribute('role'), 'the failure is announced again').to.equal('alert');
      expect(focusedMessage(), 'focus on the failure message, its button next').to.equal(true);

      await serveDefinition({ stall: false });
      const ready = oneEvent(el, 'ankieta-ready');
      retryButton(el)!.focus();
      retryButton(el)!.click();
      await ready;
      await settled(el);
      expect(part(el, 'title')!.textContent).to.equal('Konferencja');
      expect(document.activeElement === el && el.shadowRoot!.activeElement === part(el, 'page-title'), 'focus on the first page').to.equal(
        true,
      );
    } finally {
      definitionTimeouts.giveUp = giveUp;
    }
  });

  it('an invalid definition from src is no network failure: no "Spróbuj ponownie", and not loaded again when online', async () => {
    await serveDefinition({ text: JSON.stringify({ ...survey, pages: 'none' }), stall: false });
    const counter = countDefinitionRequests();
    try {
      const el = await fixture<AnkietaSurvey>(html`<ankieta-survey locale="pl" src="/offline/survey"></ankieta-survey>`);
      await oneEvent(el, 'ankieta-error');
      await settled(el);
      expect(el.shadowRoot!.querySelector('.issues'), 'the issues are listed').to.exist;
      expect(retryButton(el), 'no button').to.equal(null);
      window.dispatchEvent(new Event('online'));
      await new Promise((r) => setTimeout(r, 300));
      expect(counter.requests).to.equal(1);
    } finally {
      counter.stop();
    }
  });
});
