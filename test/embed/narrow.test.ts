import { expect } from '@open-wc/testing';
import { openHost, readySurvey, waitFor } from './embed-helpers.js';
import { clearDevice } from '../components/survey-helpers.js';
import { applyTextSpacing, clippedText, sticksOut } from '../support/text-spacing.js';

describe('a 320 px wide phone screen', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  // The host page in a 320 px iframe: its viewport is what the widget sees, in every browser
  // (WebDriver, used for WebKit, cannot resize the test page itself).
  it('the floating button and the survey dialog fit without horizontal scrolling', async () => {
    const { doc, win } = await openHost('/embed/launcher', { width: 320, height: 640 });
    const launcher = await waitFor(
      () => doc.querySelector('ankieta-launcher')?.shadowRoot?.querySelector<HTMLButtonElement>('[part~="trigger"]:not([hidden])'),
      'the button',
    );
    expect(launcher.getBoundingClientRect().right).to.be.at.most(320);
    launcher.click();
    const survey = doc.querySelector('ankieta-survey')!;
    await waitFor(() => survey.shadowRoot?.querySelector('[part~="page-title"]'), 'the survey');
    const dialog = doc.querySelector('ankieta-launcher')!.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    const box = dialog.getBoundingClientRect();
    expect(box.left).to.be.at.least(0);
    expect(box.right).to.be.at.most(320);
    expect(doc.documentElement.scrollWidth, 'no horizontal scroll on the page').to.be.at.most(320);
    expect(dialog.scrollWidth, 'no horizontal scroll in the dialog').to.be.at.most(dialog.clientWidth + 1);
    expect(win.__errors).to.deep.equal([]);
  });

  it('with text at 200 % (a 32 px root font) on a 360 px phone, the dialog takes the width and no text sticks out', async () => {
    const { doc } = await openHost('/embed/launcher', { width: 360, height: 740 });
    doc.documentElement.style.fontSize = '32px';
    const launcher = await waitFor(
      () => doc.querySelector('ankieta-launcher')?.shadowRoot?.querySelector<HTMLButtonElement>('[part~="trigger"]:not([hidden])'),
      'the button',
    );
    launcher.click();
    const survey = doc.querySelector('ankieta-survey')!;
    await waitFor(() => survey.shadowRoot?.querySelector('[part~="page-title"]'), 'the survey');
    const dialog = doc.querySelector('ankieta-launcher')!.shadowRoot!.querySelector('dialog')!;
    const box = dialog.getBoundingClientRect();
    expect(box.width, 'the width less 1em (32 px) of margins, not the browser default of 2em + 6 px').to.be.at.least(360 - 32 - 1);
    expect(sticksOut(survey, box.right)).to.deep.equal([]);
  });

  it('a slide-in does not open by itself over the page: only its button shows, and opens it', async () => {
    const { doc, win } = await openHost('/embed/slide-in', { width: 320, height: 640 });
    const launcher = await waitFor(() => doc.querySelector('ankieta-launcher'), 'the launcher');
    const button = await waitFor(
      () => launcher.shadowRoot?.querySelector<HTMLButtonElement>('[part~="trigger"]:not([hidden])'),
      'the button',
    );
    await new Promise((r) => setTimeout(r, 300));
    const dialog = launcher.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open, 'not opened by itself at 320 px').to.equal(false);
    button.click();
    expect(dialog.open).to.equal(true);
    expect(win.__errors).to.deep.equal([]);
  });

  it('with text spacing (WCAG 1.4.12) the button and the open survey dialog cut off no text and still fit', async () => {
    const { doc, win } = await openHost('/embed/launcher', { width: 320, height: 640 });
    const launcherEl = await waitFor(() => doc.querySelector('ankieta-launcher'), 'the launcher');
    const button = await waitFor(
      () => launcherEl.shadowRoot?.querySelector<HTMLButtonElement>('[part~="trigger"]:not([hidden])'),
      'the button',
    );
    await applyTextSpacing(doc);
    expect(clippedText(launcherEl), 'clipped text of the button').to.deep.equal([]);
    expect(button.getBoundingClientRect().right).to.be.at.most(320);
    button.click();
    const survey = doc.querySelector('ankieta-survey')!;
    await waitFor(() => survey.shadowRoot?.querySelector('[part~="page-title"]'), 'the survey');
    await applyTextSpacing(doc);
    expect(clippedText(launcherEl), 'clipped text in the dialog').to.deep.equal([]);
    expect(clippedText(survey), 'clipped text of the survey').to.deep.equal([]);
    expect(sticksOut(survey, 320), 'survey wider than the screen').to.deep.equal([]);
    expect(sticksOut(launcherEl, 320), 'dialog wider than the screen').to.deep.equal([]);
    expect(doc.documentElement.scrollWidth, 'no horizontal scroll on the page').to.be.at.most(320);
    expect(win.__errors).to.deep.equal([]);
  });

  it('at 400 % zoom (320 × 200), what takes focus in the dialog is not under its sticky close bar: error summary, page heading', async () => {
    const { doc } = await openHost('/embed/launcher', { width: 320, height: 200 });
    const launcher = doc.querySelector('ankieta-launcher')!;
    const button = await waitFor(
      () => launcher.shadowRoot?.querySelector<HTMLButtonElement>('[part~="trigger"]:not([hidden])'),
      'the button',
    );
    button.click();
    const survey = doc.querySelector('ankieta-survey')!;
    const root = await waitFor(() => survey.shadowRoot?.querySelector('[part~="page-title"]') && survey.shadowRoot, 'the survey');
    const bar = launcher.shadowRoot!.querySelector('.bar')!;
    const dialog = launcher.shadowRoot!.querySelector('dialog')!;
    const settle = () => new Promise((r) => setTimeout(r, 100));
    /** The focused element's top edge and its focus ring (3 px + 2 px offset) below the bar, inside the dialog. */
    const shown = (what: string) => {
      const focused = root.activeElement as HTMLElement;
      expect(focused?.matches(what), `focus on ${what}, not ${focused?.outerHTML.slice(0, 60)}`).to.equal(true);
      const top = focused.getBoundingClientRect().top - 5;
      expect(top, `${what}: top ${top} vs the bar's bottom ${bar.getBoundingClientRect().bottom}`).to.be.at.least(
        bar.getBoundingClientRect().bottom - 0.5,
      );
      expect(top).to.be.below(dialog.getBoundingClientRect().bottom - 40);
    };
    const primary = () => root.querySelector<HTMLButtonElement>('[part~="button-primary"]')!;
    const control = (id: string) => root.querySelector<HTMLElement>(`#q-${id}`)!.shadowRoot!;

    primary().click();
    await settle();
    shown('[part~="error-summary"]');

    control('role').querySelector<HTMLInputElement>('input[type=radio]')!.click();
    control('overall').querySelectorAll<HTMLInputElement>('input[type=radio]')[3]!.click();
    primary().click();
    await settle();
    shown('[part~="page-title"]');
    expect(root.activeElement!.textContent).to.not.include('spotkani');

    root.querySelector<HTMLButtonElement>('button.secondary')!.click();
    await settle();
    shown('[part~="page-title"]');
  });

  it('at 400 % zoom (320 × 200), the kiosk idle warning leaves room for the form and keeps its button in view', async () => {
    await clearDevice(); // no draft from the tests before (a kiosk restores one after a reload)
    const { doc, win } = await openHost('/embed/kiosk', { width: 320, height: 200 });
    const survey = await readySurvey(doc);
    survey.setAttribute('kiosk-idle', '2'); // the warning after 1 s
    await (survey as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const root = survey.shadowRoot;
    const stars = root.querySelector('#q-overall')!.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]');
    stars[1]!.click();
    win.scrollTo(0, doc.documentElement.scrollHeight); // someone at the end of the form
    const warning = await waitFor(() => root.querySelector<HTMLElement>('[part~="kiosk-warning"]'), 'the warning', 3000);
    await new Promise((r) => setTimeout(r, 50));
    const box = warning.getBoundingClientRect();
    // It covered 362 px of the 200 px view, its own button out of sight.
    expect(box.height, 'the line and the button, room left for the form').to.be.at.most(120);
    const button = warning.querySelector('button')!.getBoundingClientRect();
    expect(button.top, 'the button in view').to.be.at.least(0);
    expect(button.bottom).to.be.at.most(200);
    expect(warning.querySelector('[role=alert]')!.textContent, 'what happens and how to keep the answers, for a screen reader').to.include(
      'Kontynuuj',
    );
    // On screen, more than a bare number: what is about to happen.
    const line = warning.querySelector<HTMLElement>('.line')!;
    expect(line.getClientRects().length, 'the line is shown').to.be.greaterThan(0);
    expect(line.textContent).to.match(/^Ekran zostanie wyczyszczony za \d+\u00a0s$/);
  });

  it('with a page that doubles its text (root font 32 px) on a 320 × 256 view, the kiosk warning fits the view and its button can be reached', async () => {
    await clearDevice();
    const { doc, win } = await openHost('/embed/kiosk', { width: 320, height: 256 });
    doc.documentElement.style.fontSize = '32px';
    const survey = await readySurvey(doc);
    survey.setAttribute('kiosk-idle', '2');
    await (survey as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const root = survey.shadowRoot;
    root.querySelector('#q-overall')!.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')[1]!.click();
    win.scrollTo(0, doc.documentElement.scrollHeight);
    const warning = await waitFor(() => root.querySelector<HTMLElement>('[part~="kiosk-warning"]'), 'the warning', 3000);
    await new Promise((r) => setTimeout(r, 50));
    expect(warning.getBoundingClientRect().height, 'no taller than the view').to.be.at.most(256);
    const button = warning.querySelector('button')!;
    button.focus();
    await new Promise((r) => setTimeout(r, 50));
    const box = button.getBoundingClientRect();
    expect(box.top, 'the button in view').to.be.at.least(0);
    expect(box.bottom).to.be.at.most(256);
  });
});
