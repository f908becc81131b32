import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { clearDevice } from '../components/survey-helpers.js';
import { openHost, readySurvey, waitFor } from './embed-helpers.js';

describe('a real page reload', () => {
  beforeEach(clearDevice);
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('restores what was typed a moment before, with the choices made', async () => {
    const { frame, doc } = await openHost('/embed/reload');
    const survey = await readySurvey(doc);
    const control = (root: ShadowRoot, id: string) => root.querySelector(`#q-${id}`)!;
    control(survey.shadowRoot, 'overall').shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')[3]!.click();
    frame.focus();
    control(survey.shadowRoot, 'comments').shadowRoot!.querySelector<HTMLElement>('input, textarea')!.focus();
    await sendKeys({ type: 'Nagłośnienie' });
    const reloaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.contentWindow!.location.reload();
    await reloaded;
    const again = await readySurvey(frame.contentDocument!);
    const root = again.shadowRoot;
    await waitFor(() => (control(root, 'overall') as unknown as { value: number }).value === 4, 'the rating restored');
    expect((control(root, 'comments') as unknown as { value: string }).value).to.equal('Nagłośnienie');
    expect(root.querySelector('[part~="notice"]')!.textContent).to.contain('Przywrócono zapisane wcześniej odpowiedzi.');
  });

  /**
   * Completes the survey in the frame, then reloads it without its localStorage, as after a
   * browser killed right after sending: Chromium writes localStorage to disk about a second later.
   */
  async function completeThenLoseLocalStorage(frame: HTMLIFrameElement, doc: Document): Promise<void> {
    const root = (await readySurvey(doc)).shadowRoot;
    const radios = (id: string) => root.querySelector(`#q-${id}`)!.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]');
    radios('overall')[4]!.click();
    radios('workshop')[3]!.click();
    root.querySelector<HTMLButtonElement>('[part~="button-primary"]')!.click();
    await waitFor(() => root.querySelector('[part~="thank-you"]'), 'the thank-you screen');
    // The completion is in IndexedDB a moment after the thank-you screen.
    await new Promise((r) => setTimeout(r, 500));
    frame.contentWindow!.localStorage.clear();
    const reloaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.contentWindow!.location.reload();
    await reloaded;
  }

  it('does not open a data-once popup by itself again after a browser killed right after sending lost its localStorage', async () => {
    const { frame, doc } = await openHost('/embed/once-popup');
    const launcher = await waitFor(() => doc.querySelector('ankieta-launcher'), 'the launcher');
    const open = () => !!launcher.shadowRoot?.querySelector('dialog')?.open;
    await waitFor(() => open() || undefined, 'the popup, the first time');
    await completeThenLoseLocalStorage(frame, doc);
    const again = await waitFor(() => frame.contentDocument!.querySelector('ankieta-launcher'), 'the launcher after the reload');
    await readySurvey(frame.contentDocument!);
    await new Promise((r) => setTimeout(r, 500));
    expect(again.shadowRoot!.querySelector('dialog')!.open, 'not opened by itself').to.equal(false);
  });

  it('says the survey was already completed here after a browser killed right after sending lost its localStorage', async () => {
    const { frame, doc } = await openHost('/embed/reload');
    await completeThenLoseLocalStorage(frame, doc);
    const again = (await readySurvey(frame.contentDocument!)).shadowRoot;
    const notices = [...again.querySelectorAll('[part~="notice"]')].map((n) => n.textContent!.trim());
    expect(notices).to.deep.equal(['Ankieta została już wypełniona na tym urządzeniu.']);
  });
});
