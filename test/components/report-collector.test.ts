// <ankieta-report> reading a real collector's export (test/support/offline-plugin.mjs starts it,
// the test page's origin allowed, with a known export token).
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/report/report.js';
import type { AnkietaReport } from '../../src/components/report/report.js';
import type { Response, SurveyDefinition } from '../../src/schema/index.js';
import { collectorElsewhere, organiser, refuseConnections, servers } from '../support/servers.js';

/** A survey of its own per test: the collector keeps what earlier tests stored. */
const survey = (name: string): SurveyDefinition => ({
  id: `${name}-${Date.now().toString(36)}`,
  title: 'Zebranie sołeckie',
  locale: 'pl',
  pages: [{ id: 'p', questions: [{ id: 'overall', type: 'rating', title: 'Ocena zebrania' }] }],
});

async function send(collector: string, surveyId: string, ratings: number[]) {
  for (const overall of ratings) {
    const response: Response = {
      id: crypto.randomUUID(),
      surveyId,
      surveyVersion: 1,
      locale: 'pl',
      startedAt: new Date().toISOString(),
      submittedAt: new Date().toISOString(),
      answers: { overall },
    };
    const reply = await fetch(`${collector}/api/responses`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': response.id },
      body: JSON.stringify(response),
    });
    expect(reply.status, 'the collector stored it').to.be.oneOf([200, 201]);
  }
}

async function mount(definition: SurveyDefinition, src: string, token: string, locale = 'pl') {
  const el = document.createElement('ankieta-report');
  el.locale = locale;
  el.definition = definition;
  el.token = token;
  el.src = src;
  const ready = oneEvent(el, 'ankieta-ready');
  await fixture(html`<div>${el}</div>`);
  await ready;
  return el as AnkietaReport;
}

describe('<ankieta-report> with a collector', () => {
  it('reload() reads the export again, so responses sent since show', async () => {
    const { collector, token } = await organiser();
    const definition = survey('reload');
    const src = `${collector}/api/surveys/${definition.id}/responses`;
    await send(collector, definition.id, [5]);
    const el = await mount(definition, src, token);
    expect(el.aggregate!.report.n).to.equal(1);

    await send(collector, definition.id, [4, 3]);
    // What the demo does after sending: the same properties again, then reload().
    el.token = token;
    el.definition = definition;
    el.src = src;
    const ready = oneEvent(el, 'ankieta-ready');
    el.reload();
    await ready;
    expect(el.aggregate!.report.n).to.equal(3);
    expect(el.shadowRoot!.querySelector('.summary')!.textContent).to.include('3 odpowiedzi');
  });

  it("writes the collector's CSV export, byte for byte, from its responses button (in English too)", async () => {
    const { collector, token } = await organiser();
    const definition: SurveyDefinition = {
      id: `csv-${Date.now().toString(36)}`,
      title: 'Konferencja',
      locale: 'pl',
      pages: [
        {
          id: 'p',
          questions: [
            { id: 'overall', type: 'rating', title: 'Ocena' },
            {
              id: 'role',
              type: 'choice',
              title: 'Rola',
              other: true,
              options: [
                { value: 'mayor', label: 'Burmistrz' },
                { value: 'councillor', label: 'Radny' },
              ],
            },
            {
              id: 'topics',
              type: 'choice',
              title: 'Tematy',
              multiple: true,
              options: [
                { value: 'a', label: 'A' },
                { value: 'b', label: 'B' },
              ],
            },
            {
              id: 'talks',
              type: 'matrix',
              title: 'Wystąpienia',
              scale: 'quality5',
              notApplicable: true,
              rows: [
                { id: 't1', label: 'Otwarcie' },
                { id: 't2', label: 'Warsztat' },
              ],
            },
            { id: 'comments', type: 'text', title: 'Uwagi' },
            { id: 'consent', type: 'consent', title: 'Zgoda', text: 'Zgadzam się.' },
          ],
        },
      ],
    };
    // The collector here has no definitions: its columns follow the answers of the first response
    // it exports (by id), given in the definition's order so both files name the same columns.
    const answers: Response['answers'][] = [
      {
        overall: 4,
        role: 'other',
        'role.other': '=SUM(A1)',
        topics: ['a', 'b'],
        talks: { t1: 5, t2: 'na' },
        comments: 'Dobra "współpraca"; dziękuję',
        consent: true,
      },
      { overall: 2, role: 'mayor', consent: false },
    ];
    const ids = answers.map(() => crypto.randomUUID()).sort();
    for (const [index, given] of answers.entries()) {
      const response: Response = {
        id: ids[index]!,
        surveyId: definition.id,
        surveyVersion: 1,
        locale: 'pl',
        startedAt: '2016-04-18T09:00:00.000Z',
        submittedAt: '2016-04-18T09:05:00.000+02:00',
        answers: given,
      };
      const reply = await fetch(`${collector}/api/responses`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': response.id },
        body: JSON.stringify(response),
      });
      expect(reply.status).to.equal(201);
    }
    const src = `${collector}/api/surveys/${definition.id}/responses`;
    // Decoded with the byte order mark kept (text() drops it): equal strings, equal bytes.
    const bytes = async (url: string, init?: RequestInit) =>
      new TextDecoder('utf-8', { ignoreBOM: true }).decode(await (await fetch(url, init)).arrayBuffer());
    const exported = await bytes(`${src}?format=csv`, { headers: { Authorization: `Bearer ${token}` } });
    expect(exported.split('\r\n')[0]).to.equal(
      '\uFEFF"id";"surveyVersion";"locale";"startedAt";"submittedAt";"overall";"role";"role.other";"topics";"talks.t1";"talks.t2";"comments";"consent"',
    );

    const el = await mount(definition, src, token, 'en');
    const original = HTMLAnchorElement.prototype.click;
    const links: HTMLAnchorElement[] = [];
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      links.push(this);
    };
    try {
      el.shadowRoot!.querySelector<HTMLButtonElement>('[data-export="responses"]')!.click();
    } finally {
      HTMLAnchorElement.prototype.click = original;
    }
    const downloaded = await bytes(links[0]!.href);
    expect(downloaded).to.equal(exported);
  });

  async function failure(src: string, token = 'a-token-of-at-least-16-characters') {
    const el = document.createElement('ankieta-report');
    el.locale = 'pl';
    el.definition = survey('refused');
    el.token = token;
    el.src = src;
    await fixture(html`<div>${el}</div>`);
    await new Promise((resolve) => {
      const check = () => (el.shadowRoot?.querySelector('[role="alert"]') ? resolve(null) : setTimeout(check, 20));
      check();
    });
    return el.shadowRoot!.querySelector('[role="alert"]')!.textContent!.replace(/\s+/g, ' ').trim();
  }

  it('tells a missing token from a wrong one', async () => {
    const { collector } = await organiser();
    const src = `${collector}/api/surveys/refused/responses`;
    expect(await failure(src, '')).to.equal('Serwer odpowiedzi wymaga tokenu dostępu. Proszę go podać.');
    expect(await failure(src)).to.equal('Serwer odrzucił token dostępu. Proszę sprawdzić token i spróbować ponownie.');
  });

  it('says so when the collector runs but does not allow this page, instead of "no connection"', async () => {
    // A real collector started with --origin https://elsewhere.example: its export refuses this page.
    const { endpoint } = await collectorElsewhere();
    const src = endpoint.replace(/\/api\/responses$/, '/api/surveys/refused/responses');
    expect(await failure(src)).to.equal(
      `Serwer odpowiedzi działa, ale nie udostępnia odpowiedzi tej stronie (${location.origin}). ` +
        'Najpewniej jej adresu nie ma wśród stron dopuszczonych przez serwer odpowiedzi (opcja --origin).',
    );
  });

  it('still says "no connection" when nothing answers', async () => {
    const { endpoint } = await servers();
    await refuseConnections(true);
    try {
      expect(await failure(endpoint.replace(/\/api\/responses$/, '/api/surveys/refused/responses'))).to.equal(
        'Brak połączenia z serwerem odpowiedzi. Proszę sprawdzić adres i połączenie.',
      );
    } finally {
      await refuseConnections(false);
    }
  });
});
