import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { openHost, readySurvey, waitFor, type HostWindow } from './embed-helpers.js';

/** Answers the first page's questions of demo/surveys/sample.json and the rest, then submits. */
async function completeSample(survey: HTMLElement & { shadowRoot: ShadowRoot }) {
  const root = survey.shadowRoot;
  const radios = (id: string) => root.querySelector(`#q-${id}`)!.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]');
  const next = async () => {
    root.querySelector<HTMLButtonElement>('[part~="button-primary"]')!.click();
    await new Promise((r) => setTimeout(r, 50));
  };
  radios('role')[1]!.click();
  radios('overall')[4]!.click();
  await next();
  await waitFor(() => root.querySelector('#q-workshop'), 'page 2');
  radios('workshop')[3]!.click();
  radios('nps')[9]!.click();
  const talks = radios('talks');
  talks[4]!.click();
  await next();
  await waitFor(() => root.querySelector('#q-comments'), 'page 3');
  await next();
  await waitFor(() => root.querySelector('[part~="thank-you"]'), 'the thank-you screen');
}

/** Opens a host page (the sink emptied first), completes the sample survey there and returns what reached the sink. */
async function submitOn(path: string) {
  await executeServerCommand('embed:received');
  const { win, doc } = await openHost(path);
  await completeSample(await readySurvey(doc));
  const received = await waitFor(async () => {
    const got = (await executeServerCommand('embed:received')) as { key: string; body: { id: string } }[];
    return got.length ? got : undefined;
  }, 'the response at the same-origin collector');
  return { host: win as HostWindow, received };
}

describe('strict Content-Security-Policy with Trusted Types', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('loads with SRI, completes and submits a survey with zero violations', async () => {
    const { host, received } = await submitOn('/embed/csp/strict');
    expect(received).to.have.length(1);
    expect(received[0]!.key).to.equal(received[0]!.body.id);
    expect(host.__violations, JSON.stringify(host.__violations)).to.deep.equal([]);
    expect(host.__errors).to.deep.equal([]);
  });

  it('on a page whose old scripts add enumerable members to Object.prototype, loads, completes and delivers a survey', async () => {
    const { host, received } = await submitOn('/embed/polluted');
    expect(received).to.have.length(1);
    expect(Object.keys(received[0]!.body), 'nothing of the page in the response').to.not.include('type');
    expect(host.__errors).to.deep.equal([]);
  });

  it("with 'allow-duplicates', the bundle included twice shows both surveys; without it, only the first", async () => {
    const { win, doc } = await openHost('/embed/csp-twice/twice');
    await readySurvey(doc, 0);
    await readySurvey(doc, 1);
    const host = win as HostWindow;
    expect(host.__violations, JSON.stringify(host.__violations)).to.deep.equal([]);
    expect(host.__errors).to.deep.equal([]);
    // What README warns of: Lit's policy name taken by the first copy, the second copy stops.
    const strict = await openHost('/embed/csp/twice');
    await readySurvey(strict.doc, 0);
    await new Promise((r) => setTimeout(r, 500));
    expect((strict.win as HostWindow).__errors.join(' ')).to.contain('lit-html');
  });

  it("moves the floating button off the page's cookie banner with zero violations (the one style the widget sets, through the CSSOM)", async () => {
    const { win, doc } = await openHost('/embed/csp/cookie-banner', { width: 480, height: 700 });
    const accept = doc.querySelector('#accept')!;
    const launcher = await waitFor(() => doc.querySelector('ankieta-launcher'), 'the launcher');
    await waitFor(() => {
      const r = accept.getBoundingClientRect();
      return doc.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === accept || undefined;
    }, '"Akceptuję" uncovered');
    const trigger = launcher.shadowRoot!.querySelector('[part~="trigger"]')!;
    expect(trigger.getBoundingClientRect().bottom).to.be.at.most(doc.querySelector('.cookies')!.getBoundingClientRect().top);
    const host = win as HostWindow;
    expect(host.__violations, JSON.stringify(host.__violations)).to.deep.equal([]);
    expect(host.__errors).to.deep.equal([]);
  });

  it('the policy is really enforced on that page (an inline style attribute from a string is blocked)', async () => {
    const { win, doc } = await openHost('/embed/csp/strict');
    await readySurvey(doc);
    const probe = doc.createElement('div');
    probe.setAttribute('style', 'color: red');
    doc.body.append(probe);
    const host = win as HostWindow;
    // Chromium, Firefox and WebKit all enforce style-src on style attributes set from markup
    // parsing, and report a violation; a setAttribute is enough in each of them.
    await waitFor(() => host.__violations.length > 0 || undefined, 'a reported violation', 2000).catch(() => undefined);
    const innerHtmlBlocked = (() => {
      try {
        doc.body.innerHTML += '';
        return false;
      } catch {
        return true;
      }
    })();
    expect(host.__violations.length > 0 || innerHtmlBlocked, 'the test page must enforce its policy').to.equal(true);
  });
});
