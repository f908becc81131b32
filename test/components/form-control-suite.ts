/**
 * The behaviour every question element shares, run against each of them: accessibility,
 * native form participation, keyboard, events, error display, locale and inert text.
 * Each control's test file calls `formControlSuite` with an adapter saying how to drive it.
 */
import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { translate, type MessageKey } from '../../src/i18n/index.js';
import type { FormControl } from '../../src/components/shared/form-control.js';

export type Control = FormControl & { [key: string]: unknown };

export interface ControlAdapter {
  tag: keyof HTMLElementTagNameMap;
  /** Names a configuration when one element is run through the suite more than once. */
  variant?: string;
  /** Sets what a working control needs besides name and label (options, rows…). */
  setup?(el: Control): void;
  /** The answer of an untouched control. */
  empty: unknown;
  /** A valid answer, set programmatically. */
  valid: unknown;
  /** What `new FormData(form)` holds for `valid` when the name is `q`. */
  validEntries: [string, string][];
  /** What it holds when empty: nothing, except for text, which submits "" like a native input. */
  emptyEntries?: [string, string][];
  get(el: Control): unknown;
  set(el: Control, answer: unknown): void;
  /** One user change by keyboard, starting with focus inside the control. */
  userChange(): Promise<void>;
  /** A value of the right shape that fits none of the answers (default 999); `null` for a
   * checkbox, which any value ticks or not, as a native one. */
  unfit?: unknown;
  /** `valid` as FormData hands it back (numbers as text), for the controls whose answers are numbers. */
  validAsText?: unknown;
  /** The answer after `userChange`. */
  changed: unknown;
  /** Radio groups: the answers with the first and with the second radio checked. */
  arrows?: [unknown, unknown];
  /** The message shown when a required control is left empty. */
  requiredKey?: MessageKey;
  /** Checkbox groups announce "required" in the legend, since each box is optional by itself. */
  requiredInLabel?: boolean;
  /** Puts `text` in every other author text the control shows (options, rows, anchors…). */
  setTexts?(el: Control, text: string): void;
}

export const XSS = '<img src=x onerror="window.__xss=1">';

const controlsOf = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('[part~="control"]')];
/** What carries a control's description: a matrix describes each row's group, not each of its radios. */
const describedOf = (el: Element, control: Element) =>
  el.localName === 'ankieta-matrix' ? control.closest('fieldset[part~="row"]')! : control;
const errorOf = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('[part~="error"]')!;
const entriesOf = (form: HTMLFormElement) => [...new FormData(form).entries()].filter(([key]) => key === 'q' || key.startsWith('q.'));
const press = (key: string) => sendKeys({ press: key });

interface Mounted {
  el: Control;
  form: HTMLFormElement;
  before: HTMLButtonElement;
  after: HTMLButtonElement;
}

export function formControlSuite(adapter: ControlAdapter): void {
  const emptyEntries = adapter.emptyEntries ?? [];
  const requiredMessage = (locale: 'pl' | 'en') => translate(locale, adapter.requiredKey ?? 'errorRequired');

  /** A form with a button before and after the control; `init` runs before it is connected. */
  async function mount(init: (el: Control) => void = () => {}, wrap: 'form' | 'fieldset' = 'form'): Promise<Mounted> {
    // Firefox moves focus to the browser's own UI when Tab leaves the page's last control;
    // keyboard tests after that would fail for reasons that have nothing to do with the control.
    if (!document.hasFocus()) throw new Error('The test page lost focus: a test tabbed out of the document.');
    const form = await fixture<HTMLFormElement>(html`
      <form @submit=${(e: Event) => e.preventDefault()}>
        <button type="button" id="before">Before</button>
        <fieldset ?disabled=${wrap === 'fieldset'}><legend>Group</legend></fieldset>
        <button type="button" id="after">After</button>
      </form>
    `);
    const el = document.createElement(adapter.tag) as unknown as Control;
    el.name = 'q';
    el.label = 'Jak oceniają Państwo konferencję?';
    adapter.setup?.(el);
    init(el);
    form.querySelector('fieldset')!.append(el);
    await el.updateComplete;
    return { el, form, before: form.querySelector('#before')!, after: form.querySelector('#after')! };
  }

  async function settle(el: Control): Promise<void> {
    await el.updateComplete;
    await el.updateComplete;
  }

  describe(`<${adapter.tag}>${adapter.variant ? ` (${adapter.variant})` : ''}: shared form-control behaviour`, () => {
    describe('accessibility', () => {
      it('passes axe when empty', async () => {
        const { el } = await mount((e) => (e.hint = 'Prosimy o szczerą odpowiedź.'));
        await expect(el).to.be.accessible();
      });

      it('passes axe when answered', async () => {
        const { el } = await mount((e) => adapter.set(e, adapter.valid));
        await expect(el).to.be.accessible();
      });

      it('passes axe while showing an error', async () => {
        const { el } = await mount((e) => {
          e.required = true;
          e.hint = 'Prosimy o szczerą odpowiedź.';
        });
        el.reportValidity();
        await settle(el);
        expect(errorOf(el).textContent!.trim()).to.equal(requiredMessage('pl'));
        await expect(el).to.be.accessible();
      });

      it('shows the label, with a decorative asterisk only when required', async () => {
        const { el } = await mount();
        const label = el.shadowRoot!.querySelector('[part~="label"]')!;
        expect(label.textContent!.trim()).to.equal('Jak oceniają Państwo konferencję?');
        el.required = true;
        await settle(el);
        const star = label.querySelector('[aria-hidden="true"]')!;
        expect(star.textContent!.trim()).to.equal('*');
        const visible = label.cloneNode(true) as Element;
        visible.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
        expect(visible.textContent!.trim()).to.equal('Jak oceniają Państwo konferencję?\u00a0*');
      });

      it('exposes the requirement to assistive technology', async () => {
        const spokenRequired = `(${translate('pl', 'required')})`;
        // Chromium exposes `required` of a text field and `aria-required` of a radio group, but
        // neither of a checkbox or a select: those say it in their label (or the group's legend).
        const exposed = (control: HTMLInputElement) => {
          if (control.type === 'radio') return control.closest('[role="radiogroup"]')?.getAttribute('aria-required') === 'true';
          if (control.type === 'checkbox' || control.localName === 'select') {
            const legend = control.closest('fieldset')?.querySelector('legend')?.textContent ?? '';
            return [...control.labels!].some((l) => l.textContent!.includes(spokenRequired)) || legend.includes(spokenRequired);
          }
          return control.required;
        };
        const { el } = await mount((e) => (e.required = true));
        expect(controlsOf(el).length).to.be.greaterThan(0);
        for (const control of controlsOf(el)) expect(exposed(control), control.outerHTML).to.equal(true);
        if (adapter.requiredInLabel) {
          const label = el.shadowRoot!.querySelector('[part~="label"]')!;
          expect(label.querySelector('.visually-hidden')?.textContent).to.contain(spokenRequired);
        }
        el.required = false;
        await settle(el);
        for (const control of controlsOf(el)) expect(exposed(control), `${control.outerHTML} after required = false`).to.equal(false);
      });

      it('reflows at 320 px with touch targets of at least 44 px', async () => {
        const { el, form } = await mount((e) => {
          e.hint = 'Prosimy o szczerą odpowiedź.';
          e.required = true;
          adapter.set(e, adapter.valid);
        });
        form.style.width = '320px';
        await settle(el);
        expect(el.scrollWidth, 'no horizontal scrolling').to.be.at.most(el.clientWidth);
        const targets = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="option"], [part~="control"]')].filter(
          (t) => t.getBoundingClientRect().width > 1,
        );
        expect(targets.length).to.be.greaterThan(0);
        for (const target of targets) {
          const box = target.closest('[part~="option"]') ?? target;
          const { width, height } = box.getBoundingClientRect();
          expect(Math.round(height), box.outerHTML).to.be.at.least(44);
          expect(Math.round(width), box.outerHTML).to.be.at.least(44);
        }
      });
    });

    describe('layout', () => {
      it('never leaves the required asterisk alone at the start of a line', async () => {
        // At 320 px "Funkcja lub reprezentowana instytucja" wrapped and its "*" stood on a line of its own
        // (narrower than a word and the asterisk, the browser breaks anyway).
        const { el, form } = await mount((e) => {
          e.required = true;
          e.label = 'Funkcja lub reprezentowana instytucja';
        });
        const star = el.shadowRoot!.querySelector<HTMLElement>('.required')!;
        let before = star.previousSibling;
        while (before && !(before instanceof Text && before.data.trim())) before = before.previousSibling;
        expect(before, 'the label text before the asterisk').to.be.instanceOf(Text);
        const text = before as Text;
        const top = (node: Text, at: number) => {
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + 1);
          return range.getBoundingClientRect().top;
        };
        const starText = star.firstChild as Text;
        const wrapped: number[] = [];
        for (let width = 200; width <= 420; width += 2) {
          form.style.width = `${width}px`;
          const last = top(text, text.data.trimEnd().length - 1);
          if (Math.abs(top(starText, starText.data.indexOf('*')) - last) > 2) wrapped.push(width);
        }
        form.style.width = '';
        expect(wrapped, 'widths (px) where the asterisk went to a line of its own').to.deep.equal([]);
      });
    });

    describe('inside a native form', () => {
      it('submits nothing (text: "") when empty, and the answer under its name', async () => {
        const { el, form } = await mount();
        expect(entriesOf(form)).to.deep.equal(emptyEntries);
        adapter.set(el, adapter.valid);
        await settle(el);
        expect(entriesOf(form)).to.deep.equal(adapter.validEntries);
      });

      if (adapter.unfit !== null)
        it('says on the console, once, that a value set from script fits none of its answers, and submits nothing', async () => {
          const { el, form } = await mount();
          const warnings: string[] = [];
          const warn = console.warn;
          console.warn = (message: string) => warnings.push(message);
          try {
            adapter.set(el, adapter.unfit ?? 999);
            await settle(el);
            el.requestUpdate();
            await settle(el);
          } finally {
            console.warn = warn;
          }
          expect(entriesOf(form)).to.deep.equal([]);
          expect(warnings).to.have.length(1);
          expect(warnings[0])
            .to.contain(`<${adapter.tag} name="q">`)
            .and.contain(JSON.stringify(adapter.unfit ?? 999));
        });

      if (adapter.validAsText !== undefined)
        it('takes a number given as text (what FormData hands back) as the number', async () => {
          const { el, form } = await mount();
          adapter.set(el, adapter.validAsText);
          await settle(el);
          expect(entriesOf(form)).to.deep.equal(adapter.validEntries);
          expect(el.checkValidity()).to.equal(true);
        });

      it('submits what the user picked by keyboard', async () => {
        const { el, form } = await mount();
        el.focus();
        await adapter.userChange();
        await settle(el);
        expect(adapter.get(el)).to.deep.equal(adapter.changed);
        expect(entriesOf(form)).to.not.deep.equal([]);
      });

      it('blocks the form while required and unanswered', async () => {
        const { el, form } = await mount((e) => (e.required = true));
        expect(form.checkValidity()).to.equal(false);
        expect(el.validity.valid).to.equal(false);
        expect(el.validity.valueMissing).to.equal(true);
        expect(el.validationMessage).to.equal(requiredMessage('pl'));
        el.focus();
        await adapter.userChange();
        await settle(el);
        expect(form.checkValidity()).to.equal(true);
        expect(el.validity.valid).to.equal(true);
      });

      it('counts a value set from script and a form.reset() at once, as a native control does', async () => {
        const { el, form } = await mount((e) => (e.required = true));
        adapter.set(el, adapter.valid);
        // No await: a page that sets the answer and then submits in the same task.
        expect(form.checkValidity(), 'valid right after the value is set').to.equal(true);
        expect(entriesOf(form)).to.deep.equal(adapter.validEntries);
        form.reset();
        expect(entriesOf(form), 'nothing submitted right after reset').to.deep.equal(emptyEntries);
        expect(form.checkValidity(), 'required again right after reset').to.equal(false);
        el.required = false;
        expect(form.checkValidity(), 'valid right after required is dropped').to.equal(true);
      });

      it('counts an answer set before it joins the form, in the same task', async () => {
        const { el, form } = await mount();
        el.remove();
        const answered = document.createElement(adapter.tag) as unknown as Control;
        answered.name = 'q';
        answered.label = 'Pytanie';
        adapter.setup?.(answered);
        adapter.set(answered, adapter.valid);
        answered.required = true;
        const empty = document.createElement(adapter.tag) as unknown as Control;
        empty.name = 'other';
        empty.label = 'Pytanie';
        adapter.setup?.(empty);
        empty.required = true;
        form.append(answered, empty);
        expect(entriesOf(form), 'the answer is in FormData at once').to.deep.equal(adapter.validEntries);
        expect(form.checkValidity(), 'the empty required one blocks the form at once').to.equal(false);
        empty.remove();
        expect(form.checkValidity()).to.equal(true);
        // A new name and disabled count at once too.
        answered.name = 'renamed';
        expect(
          [...new FormData(form).keys()].filter((k) => k.startsWith('renamed')),
          'renamed at once',
        ).to.have.length.greaterThan(0);
        answered.disabled = true;
        expect(
          entriesOf(form).concat([...new FormData(form).entries()].filter(([k]) => k.startsWith('renamed'))),
          'disabled at once',
        ).to.deep.equal([]);
      });

      it('returns to its empty default on form.reset()', async () => {
        const { el, form } = await mount((e) => (e.required = true));
        el.focus();
        await adapter.userChange();
        el.reportValidity();
        await settle(el);
        form.reset();
        await settle(el);
        expect(adapter.get(el)).to.deep.equal(adapter.empty);
        expect(entriesOf(form)).to.deep.equal(emptyEntries);
        expect(el.shadowRoot!.querySelectorAll('input:checked')).to.have.length(0);
        for (const field of el.shadowRoot!.querySelectorAll<HTMLInputElement>('input:not([type=radio]):not([type=checkbox]), textarea'))
          expect(field.value).to.equal('');
        expect(errorOf(el).textContent!.trim(), 'a reset clears the shown error').to.equal('');
      });

      it('returns to the answer it started with on form.reset()', async () => {
        const { el, form } = await mount((e) => adapter.set(e, adapter.valid));
        adapter.set(el, adapter.empty);
        await settle(el);
        expect(entriesOf(form)).to.deep.equal(emptyEntries);
        form.reset();
        await settle(el);
        expect(adapter.get(el)).to.deep.equal(adapter.valid);
        expect(entriesOf(form)).to.deep.equal(adapter.validEntries);
      });

      it('is disabled, unfocusable and left out of FormData inside a disabled fieldset', async () => {
        const { el, form, before, after } = await mount((e) => adapter.set(e, adapter.valid), 'fieldset');
        expect(el.matches(':disabled')).to.equal(true);
        expect(entriesOf(form)).to.deep.equal([]);
        for (const control of controlsOf(el)) expect(control.matches(':disabled'), control.outerHTML).to.equal(true);
        before.focus();
        await press('Tab');
        expect(document.activeElement).to.equal(after);
        el.focus();
        expect(document.activeElement).to.not.equal(el);
        expect(form.checkValidity(), 'a disabled control is not validated').to.equal(true);

        form.querySelector('fieldset')!.disabled = false;
        await settle(el);
        expect(el.matches(':disabled')).to.equal(false);
        expect(entriesOf(form)).to.deep.equal(adapter.validEntries);
        for (const control of controlsOf(el)) expect(control.matches(':disabled')).to.equal(false);
      });

      it('is disabled by its own disabled attribute', async () => {
        const { el, form, before, after } = await mount((e) => {
          adapter.set(e, adapter.valid);
          e.disabled = true;
        });
        expect(el.hasAttribute('disabled')).to.equal(true);
        expect(entriesOf(form)).to.deep.equal([]);
        for (const control of controlsOf(el)) expect(control.matches(':disabled')).to.equal(true);
        before.focus();
        await press('Tab');
        expect(document.activeElement).to.equal(after);
      });

      it('restores what it submitted through formStateRestoreCallback', async () => {
        const { el: source, form } = await mount((e) => adapter.set(e, adapter.valid));
        const entries = entriesOf(form);
        let state: string | FormData;
        if (entries.length === 1 && entries[0]![0] === 'q') state = entries[0]![1] as string;
        else {
          state = new FormData();
          for (const [key, value] of entries) state.append(key, value);
        }
        source.remove();
        const { el } = await mount();
        el.formStateRestoreCallback(state, 'restore');
        await settle(el);
        expect(adapter.get(el)).to.deep.equal(adapter.valid);
        expect(entriesOf(form)).to.deep.equal([]);
        expect(entriesOf(el.form!)).to.deep.equal(adapter.validEntries);
      });
    });

    describe('keyboard', () => {
      it('is reached by Tab, shows a focus ring, and is left by Tab', async () => {
        const { el, before, after } = await mount();
        before.focus();
        await press('Tab');
        expect(document.activeElement).to.equal(el);
        const focused = el.shadowRoot!.activeElement as HTMLElement;
        expect(controlsOf(el)).to.include(focused);
        // Visually hidden radios draw their ring on the box or star that follows them.
        const ring = focused.getBoundingClientRect().width <= 1 ? (focused.nextElementSibling as Element) : focused;
        const style = getComputedStyle(ring);
        expect(style.outlineStyle).to.equal('solid');
        expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
        for (let stops = 0; document.activeElement === el && stops < 20; stops++) await press('Tab');
        expect(document.activeElement).to.equal(after);
      });

      if (adapter.arrows) {
        const [first, second] = adapter.arrows;
        it('moves the choice with arrow keys inside the group and never advances on its own', async () => {
          const { el } = await mount();
          el.focus();
          await press('ArrowRight');
          expect(adapter.get(el)).to.deep.equal(second);
          await press('ArrowLeft');
          expect(adapter.get(el)).to.deep.equal(first);
          await press('ArrowDown');
          expect(adapter.get(el)).to.deep.equal(second);
          await press('ArrowUp');
          expect(adapter.get(el)).to.deep.equal(first);
          await aTimeout(300);
          expect(document.activeElement, 'focus stays in the control').to.equal(el);
          expect(el.shadowRoot!.activeElement).to.have.property('checked', true);
          expect(adapter.get(el)).to.deep.equal(first);
        });

        it('focus() goes to the checked radio', async () => {
          const { el } = await mount((e) => adapter.set(e, second));
          el.focus();
          const active = el.shadowRoot!.activeElement as HTMLInputElement;
          expect(active).to.have.property('checked', true);
          expect(active).to.equal(controlsOf(el)[1]);
        });
      }

      it('focus() goes to the first control when nothing is chosen', async () => {
        const { el } = await mount();
        el.focus();
        expect(document.activeElement).to.equal(el);
        expect(el.shadowRoot!.activeElement).to.equal(controlsOf(el)[0]);
      });
    });

    describe('events', () => {
      it('fires one input and one change per user change, seen by a parent shadow root and the page', async () => {
        const page = await fixture<HTMLDivElement>(html`<div><div></div><button type="button">After</button></div>`);
        const holder = page.firstElementChild!;
        const root = holder.attachShadow({ mode: 'open' });
        const el = document.createElement(adapter.tag) as unknown as Control;
        el.name = 'q';
        el.label = 'Pytanie';
        adapter.setup?.(el);
        root.append(el);
        await el.updateComplete;
        const heard: string[] = [];
        const listeners = ['input', 'change'].flatMap((type) => {
          const onRoot = (e: Event) => heard.push(`root:${type}:${(e.target as Element).localName}`);
          const onPage = (e: Event) => heard.push(`page:${type}:${(e.target as Element).localName}`);
          root.addEventListener(type, onRoot);
          document.addEventListener(type, onPage);
          return [() => document.removeEventListener(type, onPage)];
        });
        el.focus();
        await adapter.userChange();
        await settle(el);
        for (const remove of listeners) remove();
        for (const type of ['input', 'change']) {
          expect(
            heard.filter((h) => h === `root:${type}:${adapter.tag}`),
            heard.join(),
          ).to.have.length(1);
          expect(
            heard.filter((h) => h === `page:${type}:div`),
            heard.join(),
          ).to.have.length(1);
        }
        expect(heard, 'no inner event leaks out').to.have.length(4);
      });

      it('fires nothing when the answer is set programmatically', async () => {
        const { el } = await mount();
        let count = 0;
        el.addEventListener('input', () => count++);
        el.addEventListener('change', () => count++);
        adapter.set(el, adapter.valid);
        await settle(el);
        el.formResetCallback();
        await settle(el);
        expect(count).to.equal(0);
      });
    });

    describe('errors', () => {
      it('shows nothing before the user acts, then after reportValidity() shows, describes and marks the error', async () => {
        const { el } = await mount((e) => (e.required = true));
        const error = errorOf(el);
        const live = () => [...el.shadowRoot!.querySelectorAll('[aria-live="polite"]')];
        expect(live(), 'one live region, there before any error').to.have.length(1);
        expect(live()[0]!.textContent!.trim()).to.equal('');
        expect(error.textContent!.trim()).to.equal('');
        // Explicitly "false": an empty required radio, checkbox or select is natively invalid, and
        // Chromium would announce it as invalid before the user has done anything.
        for (const control of controlsOf(el)) expect(control.getAttribute('aria-invalid')).to.equal('false');

        expect(el.reportValidity()).to.equal(false);
        await settle(el);
        expect(error.textContent!.trim()).to.equal(requiredMessage('pl'));
        expect(error.getBoundingClientRect().height).to.be.greaterThan(0);
        expect(el.label, 'the suite names its controls').to.not.equal('');
        expect(live()[0]!.textContent!.trim(), 'announced with the question it belongs to').to.equal(
          `${el.label.replace(/[.?]$/, '')}: ${requiredMessage('pl')[0]!.toLowerCase()}${requiredMessage('pl').slice(1)}`,
        );
        for (const control of controlsOf(el)) {
          expect(control.getAttribute('aria-invalid')).to.equal('true');
          const ids = describedOf(el, control).getAttribute('aria-describedby')!.split(/\s+/);
          expect(ids).to.include(error.id);
          expect(el.shadowRoot!.getElementById(error.id)).to.equal(error);
        }

        el.focus();
        await adapter.userChange();
        await settle(el);
        expect(error.textContent!.trim(), 'a fixed answer clears the error at once').to.equal('');
        for (const control of controlsOf(el)) expect(control.getAttribute('aria-invalid')).to.equal('false');
      });

      it('with quiet-errors, shows and describes the error without a live region', async () => {
        const { el } = await mount((e) => {
          e.required = true;
          e.setAttribute('quiet-errors', '');
        });
        expect(el.quietErrors).to.equal(true);
        expect(el.reportValidity()).to.equal(false);
        await settle(el);
        const error = errorOf(el);
        expect(el.shadowRoot!.querySelector('[aria-live]:not([aria-live="off"])')).to.equal(null);
        expect(error.textContent!.trim()).to.equal(requiredMessage('pl'));
        for (const control of controlsOf(el))
          expect(describedOf(el, control).getAttribute('aria-describedby')!.split(/\s+/)).to.include(error.id);
      });

      it('references the hint from the inner controls', async () => {
        const { el } = await mount((e) => (e.hint = 'Skala od najgorszej do najlepszej.'));
        const hint = el.shadowRoot!.querySelector('[part~="hint"]')!;
        expect(hint.textContent!.trim()).to.equal('Skala od najgorszej do najlepszej.');
        // A matrix: once, on the question's group, not on each row.
        const holder = (control: Element) =>
          el.localName === 'ankieta-matrix' ? el.shadowRoot!.querySelector('fieldset[part~="base"]')! : control;
        for (const control of controlsOf(el)) {
          expect(holder(control).getAttribute('aria-describedby')!.split(/\s+/)).to.include(hint.id);
        }
      });

      it('shows an error set from outside and is invalid until it is cleared', async () => {
        const { el, form } = await mount((e) => adapter.set(e, adapter.valid));
        el.error = 'Błąd zgłoszony przez ankietę.';
        await settle(el);
        expect(errorOf(el).textContent!.trim()).to.equal('Błąd zgłoszony przez ankietę.');
        expect(el.validity.customError).to.equal(true);
        expect(el.validationMessage).to.equal('Błąd zgłoszony przez ankietę.');
        expect(form.checkValidity()).to.equal(false);
        for (const control of controlsOf(el)) expect(control.getAttribute('aria-invalid')).to.equal('true');
        el.error = '';
        await settle(el);
        expect(errorOf(el).textContent!.trim()).to.equal('');
        expect(form.checkValidity()).to.equal(true);
      });

      it('matches :state(user-invalid) only while an error shows', async () => {
        const { el } = await mount((e) => (e.required = true));
        expect(el.matches(':state(user-invalid)')).to.equal(false);
        el.reportValidity();
        await settle(el);
        expect(el.matches(':state(user-invalid)')).to.equal(true);
      });
    });

    describe('locale', () => {
      it('uses Polish or English built-in strings by the locale attribute or the closest lang', async () => {
        const { el } = await mount((e) => {
          e.required = true;
          e.locale = 'en';
        });
        el.reportValidity();
        await settle(el);
        expect(errorOf(el).textContent!.trim()).to.equal(requiredMessage('en'));
        expect(el.validationMessage).to.equal(requiredMessage('en'));
        el.locale = 'pl';
        await settle(el);
        expect(errorOf(el).textContent!.trim()).to.equal(requiredMessage('pl'));

        const holder = await fixture<HTMLDivElement>(html`<div lang="en-GB"></div>`);
        const other = document.createElement(adapter.tag) as unknown as Control;
        other.required = true;
        adapter.setup?.(other);
        holder.append(other);
        await other.updateComplete;
        expect(other.validationMessage).to.equal(requiredMessage('en'));
      });
    });

    describe('hostile text', () => {
      it('renders markup in the label, hint and other texts as inert text', async () => {
        (window as { __xss?: number }).__xss = undefined;
        const { el } = await mount((e) => {
          e.label = XSS;
          e.hint = XSS;
          adapter.setTexts?.(e, XSS);
        });
        await aTimeout(100);
        expect((window as { __xss?: number }).__xss).to.equal(undefined);
        expect(el.shadowRoot!.querySelector('img')).to.equal(null);
        expect(el.shadowRoot!.querySelector('[part~="label"]')!.textContent).to.contain(XSS);
        expect(el.shadowRoot!.querySelector('[part~="hint"]')!.textContent).to.contain(XSS);
      });
    });
  });
}
