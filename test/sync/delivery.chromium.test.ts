import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements.js';
import type { AnkietaSurvey } from '../../src/components/survey/survey.js';
import { clearDevice, settled } from '../components/survey-helpers.js';
import { Harness, makeResponse, sleep, until } from '../support/offline-fixtures.js';
import { fakeClock } from '../support/fake-clock.js';
import { injectFaults, proxyLog, refuseConnections, resetServers, servers, setHidden, setOffline, stored } from '../support/servers.js';

/** Needs Chromium's automation: navigator.onLine switched, the page hidden and shown again. */
describe('delivery scenarios, Chromium', () => {
  let h: Harness;
  beforeEach(async () => {
    h = new Harness();
    await resetServers();
  });
  afterEach(async () => {
    await setOffline(false);
    await h.finish();
  });

  it('offline at submit: nothing is attempted, status "offline"; back online it is delivered', async () => {
    const { endpoint } = await servers();
    const attempts: string[] = [];
    const session = h.session({
      endpoint,
      fetch: (input, init) => {
        attempts.push(String((init?.headers as Record<string, string>)['Idempotency-Key']));
        return fetch(input, init);
      },
    });
    await session.restore();
    await setOffline(true);
    await until(() => !navigator.onLine, 'navigator.onLine false');
    const response = makeResponse('konferencja', { overall: 4 }, session.responseId);
    const before = session.log.states.length;
    await session.complete(response);
    await until(() => session.status.state === 'offline', 'status offline');
    await sleep(300);
    expect(attempts).to.deep.equal([]);
    // Said once: "waiting" and then "offline" in the same moment cut the first off on a screen reader.
    expect(session.log.states.slice(before), 'one status').to.deep.equal(['offline']);
    expect(session.status.waiting).to.equal(1);
    await setOffline(false);
    await until(() => session.status.state === 'sent', 'sent after the online event');
    expect(attempts).to.deep.equal([response.id]);
    expect((await stored()).responses.map((r) => r.id)).to.deep.equal([response.id]);
  });

  it('a clock corrected backwards during a Retry-After wait, offline when the wait ends: sent as soon as the network is back', async () => {
    const { endpoint } = await servers();
    const { fake, clock } = fakeClock();
    // The phone's clock runs 2 h fast until the network time corrects it.
    let fast = 2 * 60 * 60 * 1000;
    const wall = { ...clock, now: () => clock.now() + fast };
    await injectFaults({ type: 'status', status: 503, retryAfter: 10 });
    const session = h.session({ endpoint, clock: wall, random: () => 1 });
    await session.restore();
    const response = makeResponse('konferencja', { overall: 3 }, session.responseId);
    await session.complete(response);
    await until(async () => (await proxyLog()).length === 1 && session.status.state === 'waiting', 'the 503 with Retry-After: 10');
    fast = 0;
    await setOffline(true);
    await until(() => !navigator.onLine, 'navigator.onLine false');
    await fake.tickAsync(10_000);
    // The timer's pass reads the outbox and finds the phone offline (it says nothing new).
    await sleep(500);
    expect(await proxyLog(), 'nothing sent while offline').to.have.length(1);
    await setOffline(false);
    await until(() => session.log.sent.includes(response.id), 'sent after the online event, not 2 h later');
    expect((await stored()).responses.map((r) => r.id)).to.deep.equal([response.id]);
  });

  it('returning to the page (visible) sends what waits, without waiting for the backoff timer', async function () {
    this.timeout(20000);
    const { endpoint } = await servers();
    const { clock } = fakeClock();
    const session = h.session({ endpoint, clock });
    await session.restore();
    await refuseConnections(true);
    const response = makeResponse('konferencja', { overall: 2 }, session.responseId);
    await session.complete(response);
    await until(() => session.status.state === 'waiting', 'the failed attempt');
    await refuseConnections(false);
    // The fake clock never moves, so only the return to the page can send it.
    await setHidden(true);
    await setHidden(false);
    await until(() => session.log.sent.includes(response.id), 'sent on return');
    expect((await stored()).responses.map((r) => r.id)).to.deep.equal([response.id]);
  });

  it('a respondent who submits offline is told to keep the page open or come back, not only that sending is automatic', async () => {
    await clearDevice();
    const { endpoint } = await servers();
    const definition = { id: 'konferencja', title: 'K', pages: [{ id: 'p', questions: [{ id: 'q', type: 'nps', title: 'N' }] }] };
    const el = await fixture<AnkietaSurvey>(
      html`<ankieta-survey locale="pl" endpoint=${endpoint} .definition=${definition}></ankieta-survey>`,
    );
    await settled(el);
    await setOffline(true);
    await until(() => !navigator.onLine, 'navigator.onLine false');
    el.shadowRoot!.querySelector('#q-q')!.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')[8]!.click();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button-primary"]')!.click();
    const status = () => el.shadowRoot!.querySelector('[part~="status"]')!.textContent!.trim();
    await until(() => status().startsWith('Brak połączenia'), 'the offline status');
    expect(status())
      .to.match(/zostawić tę stronę otwartą/)
      .and.match(/wrócić/);
    el.locale = 'en';
    await el.updateComplete;
    expect(status())
      .to.match(/keep this page open/)
      .and.match(/come back/);
    await setOffline(false);
    await until(() => status() === 'Your answers have been sent.', 'sent once back online');
  });
});
