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
});
