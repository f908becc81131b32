import { expect } from '@open-wc/testing';
import { openHost, readySurvey, waitFor } from './embed-helpers.js';

describe('dist/ankieta.js as a script tag', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('works included twice, async and deferred, with two surveys on one page', async () => {
    const { win, doc } = await openHost('/embed/twice');
    const first = await readySurvey(doc, 0);
    const second = await readySurvey(doc, 1);
    expect(doc.querySelector('#a ankieta-survey')).to.equal(first);
    expect(doc.querySelector('#b ankieta-survey')).to.equal(second);
    expect(first.shadowRoot.querySelector('[part~="title"]')!.textContent).to.equal('Krótka ankieta');
    expect(second.shadowRoot.querySelector('[part~="title"]')!.textContent).to.equal('Ocena spotkania informacyjnego');
    expect(doc.querySelectorAll('ankieta-survey')).to.have.length(2);
    expect(win.__errors, 'no uncaught errors (e.g. a second customElements.define)').to.deep.equal([]);
  });

  it('ignores the same tag pasted twice, with a console message, so the survey shows once', async () => {
    const { win, doc } = await openHost('/embed/same-twice');
    await readySurvey(doc, 0);
    await waitFor(() => doc.querySelector('ankieta-launcher'), 'the button-mode tag, a different placement, still works');
    const surveys = [...doc.querySelectorAll('ankieta-survey')];
    expect(
      surveys.filter((s) => !s.closest('ankieta-launcher')),
      'one inline survey',
    ).to.have.length(1);
    expect(
      surveys,
      'a tag that leaves data-mode to its default "button", or adds an unused target, is the button tag again',
    ).to.have.length(2);
    expect(doc.querySelectorAll('ankieta-launcher')).to.have.length(1);
    expect(
      win.__console!.filter(
        (m) =>
          `${m.level}: ${m.text}` ===
          'warn: [ankieta] data-survey="/test/embed/pages/short.json" is already on this page from another tag; this one is ignored.',
      ),
      'one message per ignored tag',
    ).to.have.length(3);
    expect(win.__errors).to.deep.equal([]);
  });

  it('reads an inline definition of a survey the parser reaches after the script ran (script in <head>)', async () => {
    const { win, doc } = await openHost('/embed/inline-child');
    const survey = await readySurvey(doc, 0);
    expect(survey.shadowRoot.querySelector('[part~="title"]')!.textContent).to.equal('Definicja w\u00a0stronie');
    expect(win.__errors).to.deep.equal([]);
  });

  it('with the script at the end of <body>, starts on the inline definition at once, not after the page is parsed', async () => {
    const { win, doc } = await openHost('/embed/inline-end');
    const survey = await readySurvey(doc, 0);
    expect(survey.shadowRoot.querySelector('[part~="title"]')!.textContent).to.equal('Skrypt na końcu strony');
    expect((win as unknown as { __atDomReady: string }).__atDomReady, 'already loading when the document was parsed').to.equal(
      'Wczytywanie ankiety…',
    );
  });

  it('upgrades elements a single-page app adds later', async () => {
    const { win, doc } = await openHost('/embed/twice');
    await readySurvey(doc, 0);
    const late = doc.createElement('ankieta-survey');
    late.setAttribute('src', '/test/embed/pages/short.json');
    doc.body.append(late);
    const survey = await readySurvey(doc, 2);
    expect(survey).to.equal(late);
    expect(win.__errors).to.deep.equal([]);
  });

  for (const [page, how] of [
    ['module', 'run as a module (document.currentScript is null)'],
    ['builder', 'pasted into a page builder that inserts it with innerHTML, with the bundle loaded by the theme'],
  ]) {
    it(`finds its pasted tag when ${how}`, async () => {
      const { win, doc } = await openHost(`/embed/${page}`);
      const survey = await readySurvey(doc);
      expect(survey.parentElement!.id, 'where the pasted tag asks for it').to.equal(page === 'module' ? 'ankieta' : 'block');
      expect(doc.querySelectorAll('ankieta-survey')).to.have.length(1);
      expect(win.__errors).to.deep.equal([]);
    });
  }

  it('names the survey URL it could not load on the console, for the site owner', async () => {
    const { win, doc } = await openHost('/embed/missing');
    const survey = await waitFor(() => doc.querySelector('ankieta-survey')?.shadowRoot?.querySelector('[role="alert"]'), 'the alert');
    expect(survey.querySelector('p')!.textContent!.trim()).to.equal(
      'Nie udało się wczytać ankiety. Prosimy odświeżyć stronę lub spróbować później.',
    );
    expect(survey.querySelector('button')!.textContent!.trim(), 'and a way to try again').to.equal('Spróbuj ponownie');
    const messages = win.__console!.filter((m) => m.level === 'error' && m.text.startsWith('<ankieta-survey>'));
    expect(messages.map((m) => m.text)).to.deep.equal([
      // The address as requested, where a relative one is read from the page's.
      `<ankieta-survey>: Could not load ${win.location.origin}/test/embed/pages/no-such-survey.json: HTTP 404 Not Found`,
    ]);
    expect(win.__errors).to.deep.equal([]);
  });

  it("leaves another widget's data-survey alone when looking for its pasted tag", async () => {
    const { win, doc } = await openHost('/embed/foreign');
    await waitFor(() => customElements && win.customElements.get('ankieta-survey'), 'the elements registered');
    await new Promise((r) => setTimeout(r, 300));
    expect(doc.querySelectorAll('ankieta-survey, ankieta-launcher')).to.have.length(0);
    expect(win.__errors).to.deep.equal([]);
  });

  it('does not mark a tag it could not show as shown, so a correct tag for that survey is not turned away', async () => {
    const { doc } = await openHost('/embed/head-inline');
    const tag = doc.querySelector<HTMLScriptElement>('head script[data-survey]')!;
    await waitFor(() => tag.dataset.ankietaMounted === undefined || undefined, 'the refused tag unmarked');
  });

  it('says an inline survey from a tag in <head> needs data-target, instead of mounting it where no one sees it', async () => {
    const { win, doc } = await openHost('/embed/head-inline');
    await waitFor(() => win.__console!.some((m) => m.level === 'error'), 'the console message');
    expect(win.__console!.filter((m) => m.level === 'error').map((m) => m.text)).to.deep.equal([
      '[ankieta] data-mode="inline" in <head> needs data-target (where the survey goes); the survey is not shown.',
    ]);
    expect(doc.querySelector('head ankieta-survey')).to.equal(null);
    expect(win.__errors).to.deep.equal([]);
  });

  it('explains bad data-* values on the console and keeps the page working', async () => {
    const { win, doc } = await openHost('/embed/bad');
    const launcher = await waitFor(() => doc.querySelector('ankieta-launcher'), 'the launcher');
    expect(launcher.getAttribute('mode'), 'an unknown mode falls back to the button').to.equal('button');
    expect(launcher.getAttribute('position')).to.equal('bottom-right');
    expect(launcher.hasAttribute('delay')).to.equal(false);
    const messages = win.__console!.map((m) => `${m.level}: ${m.text}`);
    expect(messages).to.include.members([
      'warn: [ankieta] data-mode="fullscreen" is not one of inline, button, popup, slide-in; using "button".',
      'warn: [ankieta] data-position="middle" is not one of bottom-right, bottom-left, top-right, top-left; using "bottom-right".',
      'warn: [ankieta] data-once="maybe" should be "true" or "false"; using false.',
      'warn: [ankieta] data-delay="soon" should be a number of seconds from 0 to 3600; using 0.',
      'error: [ankieta] data-target="#nowhere" matches nothing on this page; the survey is not shown.',
      'warn: [ankieta] data-survey is missing, so data-endpoint is ignored.',
    ]);
    expect(doc.querySelector('#host-text')!.textContent).to.equal('Strona działa dalej.');
    expect(win.__errors).to.deep.equal([]);
  });
  it('shows the same tag pasted twice once, also when the editor turned its quotes into „…”', async () => {
    const { win, doc } = await openHost('/embed/quotes-twice');
    await readySurvey(doc, 0);
    await new Promise((r) => setTimeout(r, 500));
    expect(doc.querySelectorAll('ankieta-survey')).to.have.length(1);
    const said = win.__console!.filter((m) => m.text.startsWith('[ankieta]')).map((m) => m.text);
    expect(
      said.some((text) => text.includes('is already on this page from another tag')),
      said.join(' | '),
    ).to.equal(true);
  });

  it('takes data-* values written with capitals or spaces, as a CMS editor may leave them', async () => {
    const { win, doc } = await openHost('/embed/stray');
    const launcher = await waitFor(() => doc.querySelector('ankieta-launcher'), 'the launcher');
    expect(launcher.getAttribute('mode')).to.equal('popup');
    expect(launcher.getAttribute('position')).to.equal('top-left');
    expect(launcher.hasAttribute('once')).to.equal(true);
    expect(launcher.getAttribute('locale')).to.equal('pl');
    expect(launcher.getAttribute('data-theme')).to.equal('dark');
    expect(
      win.__console!.filter((m) => m.text.startsWith('[ankieta]')),
      'nothing to explain',
    ).to.deep.equal([]);
    expect(win.__errors).to.deep.equal([]);
  });

  it('takes data-once="data-once", a decimal comma in data-delay, pl-PL / en_GB and a line break inside data-survey', async () => {
    const { win, doc } = await openHost('/embed/cms-values');
    const inline = await readySurvey(doc, 0);
    expect(inline.closest('#inline'), 'the inline survey, from a data-survey broken over two lines').to.not.equal(null);
    expect(inline.getAttribute('src')).to.equal('/test/embed/pages/small-root.json');
    expect(inline.getAttribute('locale'), 'en_GB').to.equal('en');
    const launcher = await waitFor(() => doc.querySelector('ankieta-launcher'), 'the launcher');
    expect(launcher.hasAttribute('once'), 'data-once="data-once"').to.equal(true);
    expect(launcher.getAttribute('delay'), 'data-delay="0,5"').to.equal('0.5');
    expect(launcher.getAttribute('locale'), 'pl-PL').to.equal('pl');
    expect(
      win.__console!.filter((m) => m.text.startsWith('[ankieta]')),
      'nothing to explain',
    ).to.deep.equal([]);
    expect(win.__errors).to.deep.equal([]);
  });
});
