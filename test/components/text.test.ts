import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/text/text.js';
import type { AnkietaText } from '../../src/components/text/text.js';
import { translate } from '../../src/i18n/index.js';
import { formControlSuite, type Control } from './form-control-suite.js';

const text = (el: Control) => el as unknown as AnkietaText;
const field = (el: AnkietaText) => el.shadowRoot!.querySelector<HTMLInputElement>('[part~="control"]')!;
const part = (el: AnkietaText, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`)?.textContent!.trim();
const common = {
  tag: 'ankieta-text' as const,
  empty: '',
  valid: 'Więcej warsztatów',
  validEntries: [['q', 'Więcej warsztatów']] as [string, string][],
  emptyEntries: [['q', '']] as [string, string][],
  get: (el: Control) => text(el).value,
  set: (el: Control, answer: unknown) => (text(el).value = answer as string),
  userChange: async () => {
    await sendKeys({ type: 'x' });
    await sendKeys({ press: 'Tab' });
  },
  changed: 'x',
  setTexts: (el: Control, payload: string) => (text(el).placeholder = payload),
};

formControlSuite({ ...common, variant: 'single line' });
formControlSuite({ ...common, variant: 'multiline', setup: (el) => (text(el).multiline = true) });

describe('<ankieta-text>', () => {
  it("adds the spoken full stop only where it helps, with no height under a page's fixed line-height and not in copied text", async () => {
    const hintOf = async (hint: string, style = '') => {
      const el = await fixture<AnkietaText>(html`<ankieta-text label="Kontakt" hint=${hint} style=${style}></ankieta-text>`);
      return el.shadowRoot!.querySelector<HTMLElement>('[part~="hint"]')!;
    };
    for (const hint of ['Np. „Nie wiem.”', 'Np. (tak/nie.)', 'Wpisz kod;', 'Koniec  '])
      expect((await hintOf(hint)).querySelector('.stop'), JSON.stringify(hint)).to.equal(null);
    const email = await hintOf('Pytania: ankieta@gmina.pl', 'line-height: 32px');
    expect(email.querySelector('.stop'), 'a hint without its own stop gets one').to.exist;
    expect(Math.round(email.getBoundingClientRect().height), 'one line of the page line-height').to.equal(32);
    const range = document.createRange();
    range.selectNodeContents(email);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    // WebKit's document selection does not reach into a shadow root (it reads ""); Chromium and Firefox copy it.
    const copied = getSelection()!.toString();
    if (copied || !navigator.userAgent.includes('AppleWebKit') || /Chrome/.test(navigator.userAgent))
      expect(copied.trim(), 'copied without the dot').to.equal('Pytania: ankieta@gmina.pl');
    getSelection()!.removeAllRanges();
  });

  it('labels the field with <label for>', async () => {
    const el = await fixture<AnkietaText>(html`<ankieta-text label="Uwagi"></ankieta-text>`);
    expect(field(el).labels![0]!.textContent!.trim()).to.equal('Uwagi');
    expect(field(el).localName).to.equal('input');
    el.multiline = true;
    await el.updateComplete;
    expect(field(el).localName).to.equal('textarea');
    expect(field(el).labels![0]!.textContent!.trim()).to.equal('Uwagi');
  });

  it('counts the characters left and lets the user type past the limit, then says so', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><ankieta-text name="q" label="Uwagi" maxlength="10"></ankieta-text></form>`);
    const el = form.querySelector('ankieta-text')!;
    expect(field(el).hasAttribute('maxlength'), 'no native limit').to.equal(false);
    expect(field(el).getAttribute('aria-describedby')!.split(' ')).to.include('counter');
    expect(part(el, 'counter')).to.equal('Pozostało 10 znaków.');
    el.focus();
    await sendKeys({ type: 'abcdefgh' });
    await el.updateComplete;
    expect(part(el, 'counter')).to.equal('Pozostały 2 znaki.');
    expect(part(el, 'error')).to.equal('');
    await sendKeys({ type: 'ijkl' });
    await el.updateComplete;
    expect(el.value).to.equal('abcdefghijkl');
    expect(part(el, 'counter')).to.equal('Przekroczono limit o\u00a02 znaki.');
    expect(part(el, 'error'), 'shown at once, before leaving').to.equal('Odpowiedź może mieć najwyżej 10 znaków.');
    expect(el.validity.tooLong).to.equal(true);
    expect(form.checkValidity()).to.equal(false);
    expect(field(el).getAttribute('aria-invalid')).to.equal('true');
    el.locale = 'en';
    await el.updateComplete;
    expect(part(el, 'counter')).to.equal('2 characters too many.');
  });

  it('accepts a paste past the limit and reports it', async () => {
    const el = await fixture<AnkietaText>(html`<ankieta-text label="Uwagi" maxlength="5" multiline></ankieta-text>`);
    el.focus();
    document.execCommand('insertText', false, 'Wklejony długi tekst');
    await el.updateComplete;
    expect(el.value).to.equal('Wklejony długi tekst');
    expect(part(el, 'error')).to.equal(translate('pl', 'errorMaxLength', { count: 5 }));
  });

  it('applies the engine default limit when no maxlength is given, without a counter', async () => {
    const el = await fixture<AnkietaText>(html`<ankieta-text label="Uwagi" .value=${'a'.repeat(501)}></ankieta-text>`);
    expect(el.shadowRoot!.querySelector('[part~="counter"]')).to.equal(null);
    expect(el.validationMessage).to.equal(translate('pl', 'errorMaxLength', { count: 500 }));
  });

  it('makes an e-mail field: type, keyboard, autofill, hint and format check after leaving', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><ankieta-text name="q" label="E-mail" format="email"></ankieta-text><button type="button">x</button></form>`,
    );
    const el = form.querySelector('ankieta-text')!;
    const input = field(el);
    expect([input.type, input.getAttribute('inputmode'), input.getAttribute('autocomplete')]).to.deep.equal(['email', 'email', 'email']);
    expect(part(el, 'hint')).to.equal(`${translate('pl', 'emailHint')}.`);
    el.focus();
    await sendKeys({ type: 'jan@gmina' });
    await el.updateComplete;
    expect(el.validity.typeMismatch).to.equal(true);
    expect(part(el, 'error'), 'not while typing').to.equal('');
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(part(el, 'error')).to.equal(translate('pl', 'errorEmail'));
    el.focus();
    await sendKeys({ type: '.pl' });
    await el.updateComplete;
    expect(part(el, 'error')).to.equal('');
    expect(form.checkValidity()).to.equal(true);
  });

  it('shows the required error once the user empties the field and leaves', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><ankieta-text name="q" label="Uwagi" required></ankieta-text><button type="button">x</button></form>`,
    );
    const el = form.querySelector('ankieta-text')!;
    el.focus();
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(part(el, 'error'), 'passing through is not an interaction').to.equal('');
    el.focus();
    await sendKeys({ type: 'a' });
    await sendKeys({ press: 'Backspace' });
    await el.updateComplete;
    expect(part(el, 'error')).to.equal('');
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(part(el, 'error')).to.equal(translate('pl', 'errorRequired'));
  });

  it('submits the surrounding form on Enter in a single-line field, and not in a multiline one', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form @submit=${(e: Event) => e.preventDefault()}>
        <ankieta-text name="q" label="Uwagi"></ankieta-text><ankieta-text name="long" label="Dłuższe uwagi" multiline></ankieta-text>
      </form>`,
    );
    const [line, area] = [...form.querySelectorAll('ankieta-text')] as [AnkietaText, AnkietaText];
    const heard: string[] = [];
    line.addEventListener('change', () => heard.push(`change:${line.value}`));
    form.addEventListener('submit', () => heard.push('submit'));
    line.focus();
    await sendKeys({ type: 'Dobrze' });
    const submitted = oneEvent(form, 'submit');
    await sendKeys({ press: 'Enter' });
    await submitted;
    expect(heard, 'the answer is committed before the form submits, as natively').to.deep.equal(['change:Dobrze', 'submit']);
    await sendKeys({ press: 'Enter' });
    expect(heard, 'no second change without an edit').to.deep.equal(['change:Dobrze', 'submit', 'submit']);
    let submits = 0;
    form.addEventListener('submit', () => submits++);
    area.focus();
    expect(heard, 'leaving after Enter commits nothing new').to.deep.equal(['change:Dobrze', 'submit', 'submit']);
    await sendKeys({ type: 'a' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ type: 'b' });
    expect(area.value).to.equal('a\nb');
    expect(submits).to.equal(0);
  });

  it('passes placeholder and autocomplete through to the field', async () => {
    const el = await fixture<AnkietaText>(
      html`<ankieta-text label="Imię" placeholder="np. Anna" autocomplete="given-name"></ankieta-text>`,
    );
    expect(field(el).placeholder).to.equal('np. Anna');
    expect(field(el).getAttribute('autocomplete')).to.equal('given-name');
  });
});
