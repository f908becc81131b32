import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/elements.js';
import type { AnkietaLauncher } from '../../src/components/launcher/launcher.js';
import type { AnkietaSurvey } from '../../src/components/survey/survey.js';
import type { SurveyDefinition } from '../../src/schema/index.js';
import { threePages } from './survey-fixtures.js';
import { clearDevice, settled } from './survey-helpers.js';
import { getFlag, setFlag } from '../../src/store/flags.js';
import { contrast } from '../support/contrast.js';
import { refuseConnections, resetServers, serveDefinition, servers, stored } from '../support/servers.js';
import { definitionTimeouts } from '../../src/sync/load-definition.js';
import { typeText } from '../support/keyboard.js';

/** The page's viewport, in WebKitGTK too (test/support/viewport-plugin.mjs). */
const setViewport = (size: { width: number; height: number }) => executeServerCommand('viewport', size);

const trigger = (el: AnkietaLauncher) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="trigger"]')!;
const dialog = (el: AnkietaLauncher) => el.shadowRoot!.querySelector('dialog')!;

function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

async function mount(attrs = '', key = `k${Math.random()}`) {
  const wrapper = await fixture(html`<div><button id="before">page button</button></div>`);
  wrapper.insertAdjacentHTML(
    'beforeend',
    `<ankieta-launcher storage-key="${key}" locale="pl" ${attrs}><ankieta-survey locale="pl"></ankieta-survey></ankieta-launcher>`,
  );
  const el = wrapper.querySelector('ankieta-launcher')!;
  const survey = el.querySelector('ankieta-survey')! as AnkietaSurvey;
  survey.definition = threePages;
  await el.updateComplete;
  await settled(survey);
  return { el, survey, wrapper };
}

describe('<ankieta-launcher>', () => {
  beforeEach(clearDevice);
  // Back to the runner's 800×600 after a test on a laptop's screen or one zoomed in.
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it("keeps the floating button's focus ring visible on any page, whatever the scheme (3:1 on white and on black)", async () => {
    for (const theme of ['light', 'dark']) {
      const { el } = await mount(`data-theme="${theme}"`);
      trigger(el).focus();
      await sendKeys({ press: 'Shift' });
      const style = getComputedStyle(trigger(el));
      expect(style.outlineStyle).to.equal('solid');
      const rings = [style.outlineColor, style.boxShadow.match(/rgba?\([^)]*\)/)?.[0] ?? style.outlineColor];
      for (const page of ['rgb(255, 255, 255)', 'rgb(0, 0, 0)', 'rgb(118, 118, 118)'])
        expect(Math.max(...rings.map((ring) => contrast(ring, page))), `${theme} scheme on ${page}`).to.be.at.least(3);
      el.remove();
    }
  });

  it('turns its floating button see-through and click-through while focus is on a page link it covers (WCAG 2.4.11)', async () => {
    const { el, wrapper } = await mount();
    await new Promise((r) => setTimeout(r, 10));
    await el.updateComplete;
    const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const opacity = () => getComputedStyle(trigger(el)).opacity;
    // A link in the page's last line, where the button sits (at 400 % zoom it covered it whole).
    const link = document.createElement('a');
    link.href = '#programme';
    link.textContent = 'konkursu';
    link.style.cssText = 'position: fixed; right: 24px; bottom: 24px';
    wrapper.append(link);
    expect(opacity(), 'before').to.equal('1');
    link.focus();
    await frames();
    expect(opacity(), 'focus on the link under it').to.equal('0');
    const box = link.getBoundingClientRect();
    expect(document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2) === link, 'the link can be clicked').to.equal(true);
    trigger(el).focus();
    await frames();
    expect(opacity(), 'Tab still reaches it, and it shows').to.equal('1');
    link.focus();
    await frames();
    wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
    await frames();
    expect(opacity(), 'focus moved on').to.equal('1');
    document.body.focus();
    await frames();
    expect(opacity(), 'nor for the whole page').to.equal('1');
    // Focus leaving without a focusin anywhere: a click on plain text, the link removed (an app's navigation).
    link.focus();
    await frames();
    expect(opacity(), 'under it again').to.equal('0');
    (document.activeElement as HTMLElement).blur();
    await frames();
    expect(opacity(), 'focus gone to the page').to.equal('1');
    link.focus();
    await frames();
    link.remove();
    await frames();
    expect(opacity(), 'the focused link removed').to.equal('1');
  });

  it("keeps the words of the floating button's label whole on a page that breaks words anywhere, with large text", async () => {
    const root = document.documentElement;
    // 480 px wide (WebKitGTK's window goes no narrower) with 48 px text: "konferencję" takes most of a line.
    root.style.fontSize = '48px';
    await setViewport({ width: 480, height: 800 });
    try {
      const { el, wrapper } = await mount('label="Oceń konferencję"');
      (wrapper as HTMLElement).style.overflowWrap = 'anywhere';
      await new Promise((r) => setTimeout(r, 10));
      await el.updateComplete;
      const text = [...trigger(el).childNodes].find((n) => n.textContent!.includes('konferencję'))!;
      const range = document.createRange();
      const at = text.textContent!.indexOf('konferencję');
      range.setStart(text, at);
      range.setEnd(text, at + 'konferencję'.length);
      expect(range.getClientRects().length, '"konferencję" on one line').to.equal(1);
    } finally {
      root.style.fontSize = '';
    }
  });

  it("marks its own button text with the widget's language (English button on a Polish page), not a site owner's label", async () => {
    const page = await fixture(
      html`<div lang="pl"><ankieta-launcher locale="en"></ankieta-launcher><ankieta-launcher locale="en" label="Oceń"></ankieta-launcher></div>`,
    );
    const [own, given] = [...page.querySelectorAll('ankieta-launcher')];
    await own!.updateComplete;
    await given!.updateComplete;
    expect(trigger(own!).textContent!.trim()).to.equal('Give feedback');
    expect(trigger(own!).getAttribute('lang')).to.equal('en');
    expect(trigger(given!).getAttribute('lang'), 'the page decides the language of its own text').to.equal(null);
  });

  it('puts the floating button in each of the four corners, and bottom right for no or an unknown position', async () => {
    const corner = (el: AnkietaLauncher) => {
      const r = trigger(el).getBoundingClientRect();
      const near = (a: number, b: number) => Math.abs(a - b) < 40;
      return `${near(r.top, 0) ? 'top' : near(r.bottom, innerHeight) ? 'bottom' : `y=${Math.round(r.top)}`}-${near(r.left, 0) ? 'left' : near(r.right, innerWidth) ? 'right' : `x=${Math.round(r.left)}`}`;
    };
    for (const position of ['', 'bottom-right', 'bottom-left', 'top-right', 'top-left', 'middle']) {
      const { el } = await mount(position ? `position="${position}"` : '');
      await new Promise((r) => setTimeout(r, 10));
      await el.updateComplete;
      expect(corner(el), position || 'none').to.equal(
        ['bottom-left', 'top-right', 'top-left'].includes(position) ? position : 'bottom-right',
      );
      el.remove();
    }
  });

  it('shows a floating button that opens the survey in a modal dialog; Esc closes and focus returns', async () => {
    const { el, survey } = await mount();
    await new Promise((r) => setTimeout(r, 10));
    await el.updateComplete;
    expect(trigger(el).hidden).to.equal(false);
    expect(trigger(el).textContent!.trim()).to.equal('Podziel się opinią');
    await expect(el).to.be.accessible();
    trigger(el).focus();
    trigger(el).click();
    await el.updateComplete;
    expect(dialog(el).open).to.equal(true);
    expect(dialog(el).matches(':modal')).to.equal(true);
    expect(
      el.shadowRoot!.contains(deepActive()) || survey.contains(deepActive()) || survey.shadowRoot!.contains(deepActive()),
      'focus moved into the dialog',
    ).to.equal(true);
    expect(document.querySelector<HTMLButtonElement>('#before')!.matches(':modal'), 'page behind').to.equal(false);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(dialog(el).open).to.equal(false);
    expect(deepActive() === trigger(el), 'focus').to.equal(true);
  });

  it('keeps the answers when closed and reopened', async () => {
    const { el, survey } = await mount();
    await new Promise((r) => setTimeout(r, 10));
    el.show();
    await survey.updateComplete;
    const rating = survey.shadowRoot!.querySelector('#q-overall')!;
    rating.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')[3]!.click();
    el.close();
    el.show();
    await survey.updateComplete;
    expect((survey.shadowRoot!.querySelector('#q-overall') as unknown as { value: number }).value).to.equal(4);
  });

  it('opens a popup by itself after the delay, only once on the device with `once`', async () => {
    const key = `popup-${Math.random()}`;
    const before = performance.now();
    const first = await mount('mode="popup" delay="1" once', key);
    // A slow browser may spend most of the delay loading the survey: check "not yet" only while it is not due.
    if (performance.now() - before < 800) expect(dialog(first.el).open, 'not before the delay').to.equal(false);
    await new Promise((r) => setTimeout(r, 1300));
    expect(dialog(first.el).open).to.equal(true);
    first.el.close();
    first.wrapper.remove();
    const second = await mount('mode="popup" delay="0.05" once', key);
    await new Promise((r) => setTimeout(r, 300));
    expect(dialog(second.el).open, 'not again on this device').to.equal(false);
    expect(trigger(second.el).hidden, 'the button still offers it').to.equal(false);
  });

  it('hides the button after the survey was completed here, with `once`', async () => {
    const key = `done-${Math.random()}`;
    const { el, survey, wrapper } = await mount('once', key);
    await new Promise((r) => setTimeout(r, 10));
    survey.dispatchEvent(new CustomEvent('ankieta-submit', { bubbles: true, composed: true, detail: {} }));
    await el.updateComplete;
    expect(trigger(el).hidden).to.equal(true);
    wrapper.remove();
    const again = await mount('once', key);
    await new Promise((r) => setTimeout(r, 10));
    await again.el.updateComplete;
    expect(trigger(again.el).hidden).to.equal(true);
  });

  it('slides in a non-modal panel after the delay on a wide screen; Escape closes it', async () => {
    await setViewport({ width: 1280, height: 800 });
    const { el } = await mount('mode="slide-in" delay="0.05" position="bottom-left"');
    await new Promise((r) => setTimeout(r, 120));
    expect(dialog(el).open).to.equal(true);
    expect(dialog(el).matches(':modal')).to.equal(false);
    expect(dialog(el).classList.contains('panel')).to.equal(true);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="close"]')!.focus();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(dialog(el).open).to.equal(false);
  });

  it('never leaves keyboard focus on what the slide-in panel covers: Tab out of it at 640×400 (1280×800 zoomed to 200 %) and at 1280×800', async () => {
    // Where the focus is: "panel" inside it, "page" on the page and not under it, else the element
    // under the panel (a page's link, or the floating button).
    const inside = (el: AnkietaLauncher, node: Node | null): boolean => {
      for (; node; node = (node as Element).assignedSlot ?? node.parentNode ?? (node as ShadowRoot).host ?? null)
        if (node === dialog(el)) return true;
      return false;
    };
    const where = (el: AnkietaLauncher): string => {
      const active = deepActive();
      if (!active || active === document.body) return 'page';
      if (inside(el, active)) return 'panel';
      const a = active.getBoundingClientRect();
      const p = dialog(el).getBoundingClientRect();
      const under = a.width > 0 && a.left < p.right && a.right > p.left && a.top < p.bottom && a.bottom > p.top;
      return under ? `under the panel: ${active.localName} "${active.textContent!.trim()}"` : 'page';
    };
    for (const [width, height] of [
      [640, 400],
      [1280, 800],
    ] as const) {
      await setViewport({ width, height });
      const wrapper = await fixture(html`<div><p><a href="#a">Aktualności gminy, ogłoszenia, przetargi i komunikaty urzędu</a></p></div>`);
      // Shown by itself before on this device: it waits behind its button, which opens it.
      const key = `k${Math.random()}`;
      setFlag(`shown:${key}`);
      wrapper.insertAdjacentHTML(
        'beforeend',
        `<ankieta-launcher storage-key="${key}" once locale="pl" mode="slide-in"><ankieta-survey locale="pl"></ankieta-survey></ankieta-launcher>` +
          `<p><a href="#b">Biuletyn Informacji Publicznej urzędu miasta i wszystkie jego działy</a></p>`,
      );
      const el = wrapper.querySelector('ankieta-launcher')!;
      const survey = el.querySelector('ankieta-survey')! as AnkietaSurvey;
      survey.definition = threePages;
      await settled(survey);
      await new Promise((r) => setTimeout(r, 20));
      await el.updateComplete;
      trigger(el).focus();
      await sendKeys({ press: 'Enter' });
      for (let waited = 0; !inside(el, deepActive()) && waited < 2000; waited += 20) await new Promise((r) => setTimeout(r, 20));
      expect(dialog(el).open && inside(el, deepActive()), `${width}: open, focus inside`).to.equal(true);
      // Out of the panel both ways: Tab past its last button, Shift+Tab before its first.
      const next = survey.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button-primary"]')!;
      const close = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="close"]')!;
      expect(next.textContent!.trim(), 'the last button').to.equal('Dalej');
      const seen = [];
      for (const [from, back] of [
        [next, false],
        [close, true],
      ] as const) {
        from.focus();
        // WebDriver (WebKitGTK) cannot hold Shift: there only Tab past the last button is tried.
        if (
          back &&
          !(await sendKeys({ down: 'Shift' }).then(
            () => true,
            () => false,
          ))
        )
          continue;
        await sendKeys({ press: 'Tab' });
        if (back) await sendKeys({ up: 'Shift' });
        seen.push(`${back ? 'Shift+Tab' : 'Tab'}: ${where(el)}`);
        // Tab out of a modal dialog goes to the browser's own UI, and the page (and the test files after
        // this one) would miss keyboard focus: Tab brings it back in Firefox, a click in Chromium.
        for (let i = 0; (!document.hasFocus() || deepActive() === document.body) && i < 3; i++) await sendKeys({ press: 'Tab' });
      }
      await sendMouse({ type: 'click', position: [1, 1] });
      await resetMouse();
      expect(
        seen.filter((w) => w.includes('under')),
        `${width}×${height}: ${seen.join(', ')}`,
      ).to.deep.equal([]);
      expect(dialog(el).matches(':modal'), `${width}: modal where the panel would cover over half the page`).to.equal(width < 928);
      expect(trigger(el).checkVisibility(), `${width}: the button under the open panel`).to.equal(false);
      // Closed, focus is back on the button, which shows again.
      close.focus();
      const closed = new Promise((r) => dialog(el).addEventListener('close', r, { once: true }));
      await sendKeys({ press: 'Escape' });
      await closed;
      await el.updateComplete;
      expect(deepActive() === trigger(el) && trigger(el).checkVisibility(), `${width}: focus on the visible button`).to.equal(true);
      wrapper.remove();
    }
  });

  const until = async (done: () => boolean, timeout = 3000) => {
    for (let waited = 0; !done() && waited < timeout; waited += 20) await new Promise((r) => setTimeout(r, 20));
  };
  const rating = (survey: AnkietaSurvey) => (survey.shadowRoot!.querySelector('#q-overall') as unknown as { value: number }).value;

  it("moves the floating button off the page's own fixed bars (a cookie banner, a sticky header), and back when they go", async () => {
    // A phone-sized view (WebKitGTK's window goes no narrower than about 450 px).
    await setViewport({ width: 480, height: 760 });
    // A cookie banner as RODO has every municipal site show: fixed at the bottom, high z-index, "Akceptuję" on the right.
    const banner = document.createElement('div');
    banner.style.cssText = 'position:fixed;inset:auto 0 0 0;z-index:999999;height:90px;background:#333';
    banner.innerHTML = '<button style="position:absolute;right:16px;bottom:16px;width:120px;height:44px">Akceptuję</button>';
    document.body.append(banner);
    const accept = banner.querySelector('button')!;
    const atCentre = (element: Element) => {
      const r = element.getBoundingClientRect();
      return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    };
    const { el, wrapper } = await mount();
    try {
      await until(() => atCentre(accept) === accept, 2500);
      expect(atCentre(accept)?.localName, 'the banner’s button can be pressed').to.equal('button');
      expect(trigger(el).getBoundingClientRect().bottom, 'above the banner').to.be.at.most(banner.getBoundingClientRect().top);
      expect(trigger(el).getBoundingClientRect().top, 'still on screen').to.be.above(0);
      banner.remove();
      await until(() => Math.abs(trigger(el).getBoundingClientRect().bottom - (innerHeight - 16)) < 1, 2500);
      expect(trigger(el).getBoundingClientRect().bottom, 'back in its corner').to.be.closeTo(innerHeight - 16, 1);
      // A header fixed at the top, under a top-right button.
      el.setAttribute('position', 'top-right');
      const header = document.createElement('header');
      header.style.cssText = 'position:fixed;inset:0 0 auto 0;height:64px;background:#eee';
      document.body.append(header);
      await until(() => trigger(el).getBoundingClientRect().top >= 64, 2500);
      expect(trigger(el).getBoundingClientRect().top, 'below the header').to.be.at.least(64);
      header.remove();
      // A consent wall over the whole view: moving would only put the button mid-page.
      el.setAttribute('position', 'bottom-right');
      const wall = document.createElement('div');
      wall.style.cssText = 'position:fixed;inset:0;background:rgb(0 0 0 / 0.5)';
      document.body.append(wall);
      await new Promise((r) => setTimeout(r, 1200));
      expect(trigger(el).getBoundingClientRect().bottom, 'left in its corner').to.be.closeTo(innerHeight - 16, 1);
      wall.remove();
    } finally {
      banner.remove();
      wrapper.remove();
    }
  });

  it('moves off a cookie banner drawn in a web component (as consent tools draw theirs), and so does its slide-in panel, also after the panel closes', async () => {
    await setViewport({ width: 1280, height: 800 });
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).innerHTML =
      '<div style="position:fixed;inset:auto 0 0 0;z-index:999999;height:90px;background:#333"><button style="position:absolute;right:16px;bottom:16px;width:120px;height:44px">Akceptuję</button></div>';
    document.body.append(host);
    const accept = host.shadowRoot!.querySelector('button')!;
    const bar = accept.parentElement!;
    const pressable = () => {
      const r = accept.getBoundingClientRect();
      // The page's topmost element there: the banner's host, not the launcher.
      return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === host;
    };
    const { el, wrapper } = await mount('mode="slide-in" delay="0.05"');
    try {
      await until(() => dialog(el).open && pressable(), 2500);
      expect(pressable(), '"Akceptuję" is not under the open panel').to.equal(true);
      expect(dialog(el).getBoundingClientRect().bottom).to.be.at.most(bar.getBoundingClientRect().top);
      expect(dialog(el).getBoundingClientRect().top, 'the panel within the view').to.be.at.least(0);
      el.close();
      await el.updateComplete;
      await new Promise((r) => requestAnimationFrame(r));
      expect(pressable(), 'nor under the button when the panel closes').to.equal(true);
      // Moved to the top while lifted off the banner: on screen all the same.
      el.setAttribute('position', 'top-right');
      await el.updateComplete;
      expect(trigger(el).getBoundingClientRect().top).to.be.at.least(0);
    } finally {
      host.remove();
      wrapper.remove();
    }
  });

  it("keeps an open slide-in panel where it is under the page's fixed header (it moves off bars at its own edge only)", async () => {
    await setViewport({ width: 1280, height: 600 });
    const header = document.createElement('header');
    header.style.cssText = 'position:fixed;inset:0 0 auto 0;height:64px;background:#eee;z-index:10';
    document.body.append(header);
    const { el, wrapper } = await mount('mode="slide-in" delay="0.05"');
    try {
      await until(() => dialog(el).open);
      await new Promise((r) => setTimeout(r, 400)); // its slide-in animation, 0.25 s
      const seen = new Set<string>();
      for (let i = 0; i < 12; i++) {
        await new Promise((r) => setTimeout(r, 200));
        const r = dialog(el).getBoundingClientRect();
        seen.add(`${Math.round(r.top)}..${Math.round(r.bottom)}`);
      }
      // It blinked between its full height and none, once a second.
      expect([...seen], 'one place for 2.4 s').to.have.length(1);
      expect(dialog(el).getBoundingClientRect().height, 'its full height').to.be.above(300);
    } finally {
      header.remove();
      wrapper.remove();
    }
  });

  it('turns an open slide-in panel into a modal dialog when the screen narrows (a tablet turned, zoom to 200 %), answers and focus kept', async () => {
    await setViewport({ width: 1280, height: 800 });
    const { el, survey, wrapper } = await mount('mode="slide-in" delay="0.05"');
    await until(() => dialog(el).open);
    expect(dialog(el).matches(':modal'), 'a panel on the wide screen').to.equal(false);
    survey.shadowRoot!.querySelector('#q-overall')!.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')[1]!.click();
    await survey.updateComplete;
    const why = survey.shadowRoot!.querySelector('#q-overall_why')!.shadowRoot!.querySelector<HTMLElement>('input, textarea')!;
    why.focus();
    await typeText('za dlugo');
    // The tablet turned: 800 px is narrower than 58em.
    await setViewport({ width: 800, height: 1280 });
    await until(() => dialog(el).matches(':modal'));
    expect(dialog(el).open && dialog(el).matches(':modal'), 'modal').to.equal(true);
    expect(deepActive() === why, 'focus stayed on the text field').to.equal(true);
    expect((why as HTMLInputElement).value).to.equal('za dlugo');
    expect(rating(survey)).to.equal(2);
    expect(wrapper.querySelector<HTMLButtonElement>('#before')!.matches(':modal'), 'the page behind is inert').to.equal(false);
    // Wide again (turned back): it stays a modal dialog; switching back and forth would move the page under the respondent.
    await setViewport({ width: 1280, height: 800 });
    await new Promise((r) => setTimeout(r, 100));
    expect(dialog(el).open && dialog(el).matches(':modal'), 'still modal').to.equal(true);
    expect(deepActive() === why, 'focus still on the text field').to.equal(true);
    const closed = new Promise((r) => dialog(el).addEventListener('close', r, { once: true }));
    await sendKeys({ press: 'Escape' });
    await closed;
    await el.updateComplete;
    expect(deepActive() === trigger(el) && trigger(el).checkVisibility(), 'closed: focus on the visible button').to.equal(true);
  });

  it('when the screen narrows with focus on the page, the modal dialog takes focus as showModal() does', async () => {
    await setViewport({ width: 1280, height: 800 });
    const { el, wrapper } = await mount('mode="slide-in" delay="0.05"');
    const page = wrapper.querySelector<HTMLButtonElement>('#before')!;
    await until(() => dialog(el).open);
    page.focus();
    await setViewport({ width: 640, height: 400 });
    await until(() => dialog(el).matches(':modal'));
    expect(dialog(el).matches(':modal'), 'modal').to.equal(true);
    expect(deepActive() === el.shadowRoot!.querySelector('[part~="close"]'), 'focus in the dialog, on its first button').to.equal(true);
  });

  /** A slide-in panel open by itself on a wide screen, with a page link and a wide field under its corner. */
  async function panelOverLinks() {
    await setViewport({ width: 1280, height: 800 });
    const wrapper = await fixture(html`<div><button id="before">page button</button></div>`);
    wrapper.insertAdjacentHTML(
      'beforeend',
      `<ankieta-launcher storage-key="k${Math.random()}" locale="pl" mode="slide-in"><ankieta-survey locale="pl"></ankieta-survey></ankieta-launcher>` +
        '<input id="wide" aria-label="szukaj" style="position: fixed; left: 0; right: 0; bottom: 120px; width: 100%">' +
        '<a id="corner" href="#kontakt" style="position: fixed; right: 24px; bottom: 24px">Kontakt</a>',
    );
    const el = wrapper.querySelector('ankieta-launcher')!;
    const survey = el.querySelector('ankieta-survey')! as AnkietaSurvey;
    survey.definition = threePages;
    await settled(survey);
    await until(() => dialog(el).open);
    const link = wrapper.querySelector<HTMLAnchorElement>('#corner')!;
    const wide = wrapper.querySelector<HTMLInputElement>('#wide')!;
    const box = (e: Element) => e.getBoundingClientRect();
    const [l, w, p] = [box(link), box(wide), box(dialog(el))];
    expect(l.left > p.left && l.top > p.top && w.top < p.bottom && w.bottom > p.top && w.left < p.left, 'both under the panel').to.equal(
      true,
    );
    return { el, survey, link, wide, page: wrapper.querySelector<HTMLButtonElement>('#before')! };
  }

  it('closes the slide-in panel when Tab brings focus to a page link under it; focus stays there, the button reopens the same answers', async () => {
    const { el, survey, link } = await panelOverLinks();
    survey.shadowRoot!.querySelector('#q-overall')!.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')[3]!.click();
    await survey.updateComplete;
    // From the panel's last button, Tab goes on to the page: the field under the panel, then the link.
    survey.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button-primary"]')!.focus();
    await sendKeys({ press: 'Tab' });
    await until(() => !dialog(el).open);
    expect(dialog(el).open, 'closed').to.equal(false);
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect(deepActive()?.id, 'focus stayed on the page, not sent to the button').to.equal('wide');
    await sendKeys({ press: 'Tab' });
    expect(deepActive() === link, 'Tab goes on in the page').to.equal(true);
    expect(trigger(el).checkVisibility(), 'the button shows again').to.equal(true);
    trigger(el).focus();
    await sendKeys({ press: 'Enter' });
    await until(() => dialog(el).open);
    await survey.updateComplete;
    expect(dialog(el).open, 'reopened').to.equal(true);
    expect(rating(survey), 'the same answers').to.equal(4);
  });

  it('closes the slide-in panel when a script focuses a link under it, but a click on the page beside it leaves it open', async () => {
    const { el, link, wide, page } = await panelOverLinks();
    link.focus();
    await until(() => !dialog(el).open);
    await new Promise((r) => setTimeout(r, 50));
    expect(dialog(el).open, 'closed').to.equal(false);
    expect(deepActive() === link, 'focus on the link').to.equal(true);
    expect(trigger(el).checkVisibility(), 'the button shows again').to.equal(true);
    el.show();
    await until(() => dialog(el).open);
    // A click on the part of the wide field beside the panel focuses that field, whose box reaches under the panel.
    const w = wide.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(w.left + 20), Math.round(w.top + w.height / 2)] });
    await resetMouse();
    expect(document.activeElement === wide, 'the click focused the field').to.equal(true);
    await sendMouse({
      type: 'click',
      position: [Math.round(page.getBoundingClientRect().left + 5), Math.round(page.getBoundingClientRect().top + 5)],
    });
    await resetMouse();
    await new Promise((r) => setTimeout(r, 50));
    expect(dialog(el).open, 'a click outside the panel leaves it open').to.equal(true);
  });

  it('does not slide in over the page field that has focus: it waits behind its button, not yet "shown" with `once`', async () => {
    await setViewport({ width: 1280, height: 800 });
    const key = `k${Math.random()}`;
    const wrapper = await fixture(html`<div></div>`);
    wrapper.insertAdjacentHTML(
      'beforeend',
      '<textarea id="note" aria-label="uwagi" style="position: fixed; right: 40px; bottom: 40px"></textarea>' +
        `<ankieta-launcher storage-key="${key}" once locale="pl" mode="slide-in" delay="0.05"><ankieta-survey locale="pl"></ankieta-survey></ankieta-launcher>`,
    );
    const note = wrapper.querySelector<HTMLTextAreaElement>('#note')!;
    note.focus();
    const el = wrapper.querySelector('ankieta-launcher')!;
    (el.querySelector('ankieta-survey') as AnkietaSurvey).definition = threePages;
    await until(() => trigger(el)?.checkVisibility() === true);
    await new Promise((r) => setTimeout(r, 300));
    expect(trigger(el).checkVisibility(), 'its button shows').to.equal(true);
    expect(dialog(el).open, 'not open over the field').to.equal(false);
    expect(document.activeElement === note, 'focus still in the field').to.equal(true);
    await sendKeys({ type: 'abc' });
    expect(note.value).to.equal('abc');
    expect(getFlag(`shown:${key}`), 'not marked shown').to.equal(false);
  });

  /** A slide-in panel open by itself on a wide screen, followed in the page by `page` (HTML). */
  async function openPanel(page: string, wrapperStyle = '') {
    await setViewport({ width: 1280, height: 800 });
    const wrapper = await fixture(html`<div style=${wrapperStyle}></div>`);
    wrapper.insertAdjacentHTML(
      'beforeend',
      `<ankieta-launcher storage-key="k${Math.random()}" locale="pl" mode="slide-in"><ankieta-survey locale="pl"></ankieta-survey></ankieta-launcher>${page}`,
    );
    const el = wrapper.querySelector('ankieta-launcher')!;
    const survey = el.querySelector('ankieta-survey')! as AnkietaSurvey;
    survey.definition = threePages;
    await settled(survey);
    await until(() => dialog(el)?.open === true);
    return { el, survey, wrapper };
  }

  it('closes the slide-in panel when Tab takes focus into a frame under it (a map, a chat), focus left in the frame', async () => {
    const { el, survey, wrapper } = await openPanel(
      '<iframe title="czat" srcdoc="<button>Czat</button>" style="position: fixed; right: 24px; bottom: 24px; width: 200px; height: 80px"></iframe>',
    );
    const frame = wrapper.querySelector('iframe')!;
    await until(() => frame.contentDocument?.querySelector('button') !== null);
    survey.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button-primary"]')!.focus();
    await sendKeys({ press: 'Tab' });
    await until(() => !dialog(el).open);
    await new Promise((r) => setTimeout(r, 50));
    expect(dialog(el).open, 'closed').to.equal(false);
    const inFrame = document.activeElement === frame && frame.contentDocument!.activeElement?.localName === 'button';
    // Focus back in this page before the frame goes: WebKit leaves the window without focus for the next test file.
    trigger(el).focus();
    expect(inFrame, 'focus on the button in the frame').to.equal(true);
    expect(document.hasFocus(), 'the page has focus again').to.equal(true);
  });

  it('two slide-in panels in one corner, both opening by themselves, leave focus in the page field', async () => {
    await setViewport({ width: 1280, height: 800 });
    const wrapper = await fixture(html`<div><input id="search" aria-label="szukaj" /></div>`);
    const input = wrapper.querySelector<HTMLInputElement>('#search')!;
    input.focus();
    for (const delay of ['0.05', '0.4'])
      wrapper.insertAdjacentHTML(
        'beforeend',
        `<ankieta-launcher storage-key="k${Math.random()}" locale="pl" mode="slide-in" delay="${delay}"><ankieta-survey locale="pl"></ankieta-survey></ankieta-launcher>`,
      );
    const [first, second] = [...wrapper.querySelectorAll('ankieta-launcher')];
    for (const el of [first!, second!]) (el.querySelector('ankieta-survey') as AnkietaSurvey).definition = threePages;
    await until(() => dialog(second!)?.open === true);
    await new Promise((r) => setTimeout(r, 200));
    expect(document.activeElement === input, `focus still in the field, not on ${document.activeElement?.localName}`).to.equal(true);
    await sendKeys({ type: 'ab' });
    expect(input.value).to.equal('ab');
  });

  it('stays open when the window loses focus (another tab, the address bar) with focus on the page', async () => {
    const { el } = await openPanel('<p>Tekst strony</p>', 'height: 2000px');
    (document.activeElement as HTMLElement | null)?.blur();
    window.dispatchEvent(new FocusEvent('blur'));
    await new Promise((r) => setTimeout(r, 100));
    expect(dialog(el).open, 'still open').to.equal(true);
  });

  it('closes the slide-in panel when Tab reaches a page button below the fold that scrolls in under it', async () => {
    const { el, survey, wrapper } = await openPanel(
      '<div style="height: 1400px"></div><p style="text-align: right; margin-bottom: 300px"><button id="far">Dalej w stronie</button></p>',
    );
    survey.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button-primary"]')!.focus();
    await sendKeys({ press: 'Tab' });
    const far = wrapper.querySelector('#far')!;
    expect(document.activeElement === far, 'focus on the page button').to.equal(true);
    await until(() => !dialog(el).open);
    expect(dialog(el).open, 'closed once it scrolled in under the panel').to.equal(false);
    scrollTo(0, 0);
  });

  it('asks a survey that could not be loaded to load again when opened, once per opening', async function () {
    this.timeout(30000);
    await resetServers();
    const giveUp = definitionTimeouts.giveUp;
    definitionTimeouts.giveUp = 1000;
    const realFetch = window.fetch;
    let requests = 0;
    window.fetch = (...args: Parameters<typeof fetch>) => {
      if (String(args[0]).includes('/offline/survey')) requests++;
      return realFetch(...args);
    };
    try {
      // The venue's Wi-Fi connects but passes nothing: the first request is given up.
      await serveDefinition({ text: JSON.stringify(threePages), stall: true });
      const wrapper = await fixture(html`<div></div>`);
      wrapper.innerHTML = `<ankieta-launcher storage-key="k${Math.random()}" locale="pl"><ankieta-survey locale="pl" src="/offline/survey"></ankieta-survey></ankieta-launcher>`;
      const el = wrapper.querySelector('ankieta-launcher')!;
      const survey = el.querySelector('ankieta-survey')! as AnkietaSurvey;
      const message = () => survey.shadowRoot?.querySelector('[part~="message"]')?.getAttribute('role');
      await until(() => message() === 'alert', 5000);
      expect(requests, 'failed once').to.equal(1);
      // Opened while the network still passes nothing: one more request, not a loop.
      trigger(el).click();
      await until(() => requests > 1);
      expect(requests, 'asked again on opening').to.equal(2);
      await until(() => message() === 'alert', 5000);
      await new Promise((r) => setTimeout(r, 1500));
      expect(requests, 'failed again: not asked in a loop').to.equal(2);
      el.close();
      // The network is back: the next opening loads it.
      await serveDefinition({ stall: false });
      trigger(el).click();
      await until(() => !!survey.shadowRoot!.querySelector('[part~="title"]'), 5000);
      expect(survey.shadowRoot!.querySelector('[part~="title"]')?.textContent).to.equal('Ankieta testowa');
      expect(requests).to.equal(3);
      el.close();
      el.show();
      await new Promise((r) => setTimeout(r, 300));
      expect(requests, 'a loaded survey is not loaded again').to.equal(3);
    } finally {
      window.fetch = realFetch;
      definitionTimeouts.giveUp = giveUp;
      await serveDefinition({ text: '{}', stall: false });
    }
  });

  it('does not open a popup by itself over a survey that could not be loaded (its button stays, to try again) or is invalid (no button)', async () => {
    const wrapper = await fixture(html`<div></div>`);
    // A survey address that is wrong for good (404), as a site owner can paste it.
    wrapper.innerHTML =
      `<ankieta-launcher mode="popup" storage-key="k${Math.random()}" locale="pl"><ankieta-survey locale="pl" src="/no-such-survey.json"></ankieta-survey></ankieta-launcher>` +
      `<ankieta-launcher mode="popup" storage-key="k${Math.random()}" locale="pl"><ankieta-survey locale="pl"></ankieta-survey></ankieta-launcher>`;
    const [missing, invalid] = [...wrapper.querySelectorAll('ankieta-launcher')];
    const failed = new Promise((resolve) => missing!.addEventListener('ankieta-error', resolve, { once: true }));
    const refused = new Promise((resolve) => invalid!.addEventListener('ankieta-error', resolve, { once: true }));
    // @ts-expect-error: no pages, on purpose (the type says so too; the element must, at run time)
    (invalid!.querySelector('ankieta-survey') as AnkietaSurvey).definition = { id: 'bez-stron', title: 'Bez stron' };
    await Promise.all([failed, refused]);
    await new Promise((r) => setTimeout(r, 300));
    await Promise.all([missing!.updateComplete, invalid!.updateComplete]);
    expect([dialog(missing!).open, dialog(invalid!).open], 'neither opened by itself').to.deep.equal([false, false]);
    expect(trigger(missing!).hidden, 'the button of the survey not loaded').to.equal(false);
    expect(trigger(invalid!).hidden, 'no button for an invalid survey').to.equal(true);
  });

  it('opens a popup by itself once its survey has arrived from the network', async () => {
    await resetServers();
    try {
      await serveDefinition({ text: JSON.stringify(threePages), stall: false });
      const wrapper = await fixture(html`<div></div>`);
      wrapper.innerHTML = `<ankieta-launcher mode="popup" storage-key="k${Math.random()}" locale="pl"><ankieta-survey locale="pl" src="/offline/survey"></ankieta-survey></ankieta-launcher>`;
      const el = wrapper.querySelector('ankieta-launcher')!;
      const survey = el.querySelector('ankieta-survey')! as AnkietaSurvey;
      await until(() => !!dialog(el)?.open, 5000);
      expect(survey.shadowRoot!.querySelector('[part~="title"]')?.textContent).to.equal('Ankieta testowa');
      el.close();
    } finally {
      await serveDefinition({ text: '{}', stall: false });
    }
  });

  /** Focus on a page button first, then a launcher that opens by itself: focus is on the page when it opens. */
  async function openingByItself(mode: 'popup' | 'slide-in') {
    const wrapper = await fixture(html`<div><button id="before">page button</button></div>`);
    const page = wrapper.querySelector<HTMLButtonElement>('#before')!;
    page.focus();
    wrapper.insertAdjacentHTML(
      'beforeend',
      `<ankieta-launcher storage-key="k${Math.random()}" locale="pl" mode="${mode}" delay="0.05"><ankieta-survey locale="pl"></ankieta-survey></ankieta-launcher>`,
    );
    const el = wrapper.querySelector('ankieta-launcher')!;
    (el.querySelector('ankieta-survey') as AnkietaSurvey).definition = threePages;
    await el.updateComplete;
    for (let waited = 0; !dialog(el).open && waited < 3000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    expect(dialog(el).open, 'opened by itself').to.equal(true);
    return { el, page };
  }

  it('leaves focus in the page when a panel slides in by itself, so typing goes on there', async () => {
    await setViewport({ width: 1280, height: 800 });
    const { page } = await openingByItself('slide-in');
    expect(deepActive() === page, 'focus stayed on the page').to.equal(true);
  });

  it('returns focus to the page after a popup that opened by itself is closed', async () => {
    const { el, page } = await openingByItself('popup');
    expect(deepActive() === page, 'the modal took focus').to.equal(false);
    // Firefox fires "close" a task after the key: wait for it, not for a render.
    const closed = new Promise((r) => dialog(el).addEventListener('close', r, { once: true }));
    await sendKeys({ press: 'Escape' });
    await closed;
    await el.updateComplete;
    expect(deepActive() === page, 'back where the respondent was, not the corner button').to.equal(true);
  });

  it('with `once`, keeps the button after completion until focus leaves it, so focus is not lost', async () => {
    const { el, survey, wrapper } = await mount('once');
    await new Promise((r) => setTimeout(r, 10));
    trigger(el).focus();
    trigger(el).click();
    survey.dispatchEvent(new CustomEvent('ankieta-submit', { bubbles: true, composed: true, detail: {} }));
    el.close();
    await new Promise((r) => dialog(el).addEventListener('close', r, { once: true }));
    await el.updateComplete;
    expect(deepActive() === trigger(el), 'focus on the button').to.equal(true);
    expect(trigger(el).hidden).to.equal(false);
    wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
    await el.updateComplete;
    expect(trigger(el).hidden, 'gone once focus moved on').to.equal(true);
  });

  it('with `once`, knows the survey was completed even when an app puts the survey in after the launcher', async () => {
    setFlag('done:/late.json');
    const wrapper = await fixture(html`<div></div>`);
    const el = document.createElement('ankieta-launcher') as AnkietaLauncher;
    el.once = true;
    wrapper.append(el);
    const survey = document.createElement('ankieta-survey');
    survey.setAttribute('src', '/late.json');
    el.append(survey);
    await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
    expect(trigger(el).hidden).to.equal(true);
  });

  it('with `once`, keeps the button after a reload while a response completed here waits to be sent, and hides it once sent', async () => {
    await resetServers();
    const { endpoint } = await servers();
    const key = `waiting-${Math.random()}`;
    // The offline test collector takes survey "konferencja".
    const definition: SurveyDefinition = {
      id: 'konferencja',
      title: 'Konferencja',
      pages: [{ id: 'p', questions: [{ id: 'q', type: 'rating', title: 'Ocena' }] }],
    };
    const visit = async () => {
      const wrapper = await fixture(html`<div></div>`);
      wrapper.innerHTML = `<ankieta-launcher storage-key="${key}" locale="pl" once><ankieta-survey locale="pl" endpoint="${endpoint}"></ankieta-survey></ankieta-launcher>`;
      const el = wrapper.querySelector('ankieta-launcher')!;
      const survey = el.querySelector('ankieta-survey')! as AnkietaSurvey;
      survey.definition = definition;
      await settled(survey);
      await new Promise((r) => setTimeout(r, 50));
      await el.updateComplete;
      return { el, survey, wrapper };
    };
    const statusOf = (survey: AnkietaSurvey) => survey.shadowRoot!.querySelector('[part~="status"]')!.textContent!.trim();
    try {
      await refuseConnections(true);
      const first = await visit();
      trigger(first.el).click();
      first.survey.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button-primary"]')!.click();
      for (let waited = 0; !/czeka|Brak połączenia/.test(statusOf(first.survey)) && waited < 5000; waited += 20)
        await new Promise((r) => setTimeout(r, 20));
      first.wrapper.remove(); // the page is closed with the response still on the device

      const reload = await visit();
      expect(trigger(reload.el).hidden, 'the button leads to the waiting response').to.equal(false);
      trigger(reload.el).click();
      // The reloaded page tries it at once ("Wysyłanie…"), and on a busy machine the refusal comes a moment later.
      for (let waited = 0; statusOf(reload.survey) === 'Wysyłanie…' && waited < 5000; waited += 20)
        await new Promise((r) => setTimeout(r, 20));
      expect(statusOf(reload.survey)).to.match(/czeka na wysłanie|Brak połączenia/);
      reload.el.close();
      reload.wrapper.remove();

      await refuseConnections(false);
      const later = await visit();
      for (let waited = 0; (await stored()).responses.length === 0 && waited < 5000; waited += 50)
        await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 50));
      await later.el.updateComplete;
      expect(trigger(later.el).hidden, 'sent: nothing more to show').to.equal(true);
    } finally {
      await refuseConnections(false);
    }
  });

  it('labels the dialog and the button in English with locale="en"', async () => {
    const { el } = await mount('label="Oceń konferencję"');
    el.locale = 'en';
    await new Promise((r) => setTimeout(r, 10));
    await el.updateComplete;
    expect(trigger(el).textContent!.trim(), 'a given label wins').to.equal('Oceń konferencję');
    expect(el.shadowRoot!.querySelector('[part~="close"]')!.textContent).to.equal('Close');
    expect(dialog(el).getAttribute('aria-label')).to.equal('Oceń konferencję');
  });
});
