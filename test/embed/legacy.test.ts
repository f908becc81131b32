import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { openHost, readySurvey, waitFor, type HostWindow } from './embed-helpers.js';

type Received = { key: string; body: { id: string; answers: Record<string, unknown> } };

describe('a host page with Prototype.js-era built-ins (Array.from ignoring its mapping function, Array.prototype.toJSON, no crypto.randomUUID)', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('renders every scale, takes a condition on a rating, and delivers arrays as arrays with a UUID v4', async () => {
    await executeServerCommand('embed:received');
    const { win, doc } = await openHost('/embed/legacy');
    const host = win as HostWindow;
    // A definition whose condition compares a rating with 1 and 2 is valid here too.
    const survey = await readySurvey(doc);
    const root = survey.shadowRoot;
    const radios = (id: string) => [...root.querySelector(`#q-${id}`)!.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')];

    expect(
      radios('overall').map((r) => r.value),
      'the stars',
    ).to.deep.equal(['1', '2', '3', '4', '5']);
    expect(
      radios('nps').map((r) => r.value),
      'the 0–10 points',
    ).to.deep.equal(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);

    radios('overall')[1]!.click();
    await waitFor(() => root.querySelector('#q-overall_why'), 'the follow-up question shown for a rating of 2');
    radios('overall')[3]!.click();
    await waitFor(() => !root.querySelector('#q-overall_why'), 'the follow-up question hidden for a rating of 4');
    const boxes = root.querySelector('#q-topics')!.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=checkbox]');
    boxes[0]!.click();
    boxes[2]!.click();
    radios('nps')[9]!.click();
    radios('talks')[4]!.click();
    root.querySelector<HTMLButtonElement>('[part~="button-primary"]')!.click();
    await waitFor(() => root.querySelector('[part~="thank-you"]'), 'the thank-you screen');

    const received = await waitFor(async () => {
      const got = (await executeServerCommand('embed:received')) as Received[];
      return got.length ? got : undefined;
    }, 'the response at the same-origin collector');
    expect(received).to.have.length(1);
    const { body, key } = received[0]!;
    expect(body.answers.topics, 'a multiple choice stays an array').to.deep.equal(['roads', 'schools']);
    expect(body.answers.overall).to.equal(4);
    expect(body.answers.nps).to.equal(9);
    expect(body.answers.talks).to.deep.equal({ t1: 5 });
    expect(body.id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(key).to.equal(body.id);
    expect(host.__errors).to.deep.equal([]);
    // The page's own changes are left as they were.
    expect(typeof (host as unknown as { Array: { prototype: { toJSON?: unknown } } }).Array.prototype.toJSON).to.equal('function');
  });
});
