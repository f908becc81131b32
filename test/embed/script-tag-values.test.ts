import { expect } from '@open-wc/testing';
import { readConfig } from '../../src/script-tag.js';

/** What readConfig makes of a tag with these attributes (and text): the values it reads and its console lines. */
function read(attributes: Record<string, string>, text = '') {
  const script = document.createElement('script');
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
  script.text = text;
  const { config, problems } = readConfig(script);
  return { ...config, problems };
}
const survey = { 'data-survey': '/ankiety/opole-2016.json', 'data-endpoint': 'https://ankiety.example.org/api/responses' };

describe('script tag: values as CMS editors leave them', () => {
  for (const value of ['', 'true', 'True', 'once', 'data-once', ' data-once ']) {
    it(`data-once="${value}" is on`, () => {
      expect(read({ ...survey, 'data-once': value })).to.deep.include({ once: true, problems: [] });
    });
  }

  it('data-kiosk="data-kiosk" and data-persist="data-persist" are on; data-once="false" is off', () => {
    expect(read({ ...survey, 'data-kiosk': 'data-kiosk', 'data-persist': 'data-persist', 'data-once': 'false' })).to.deep.include({
      kiosk: true,
      persist: true,
      once: false,
      problems: [],
    });
  });

  for (const [value, seconds] of [
    ['5,5', 5.5],
    ['5s', 5],
    ['5 s', 5],
    ['2,5s', 2.5],
    [' 7 ', 7],
  ] as const) {
    it(`data-delay="${value}" is ${seconds} s`, () => {
      expect(read({ ...survey, 'data-delay': value })).to.deep.include({ delay: seconds });
    });
  }

  for (const value of ['1,5,5', 's', '5ms', '5 min', '1e9']) {
    it(`data-delay="${value}" is refused, with the form it should have`, () => {
      const { delay, problems } = read({ ...survey, 'data-delay': value });
      expect(delay).to.equal(0);
      expect(problems).to.deep.equal([`data-delay="${value}" should be a number of seconds from 0 to 3600; using 0.`]);
    });
  }

  for (const [value, locale] of [
    ['pl-PL', 'pl'],
    ['pl_PL', 'pl'],
    ['PL', 'pl'],
    ['en-GB', 'en'],
    ['EN_us', 'en'],
  ] as const) {
    it(`data-locale="${value}" is ${locale}`, () => {
      expect(read({ ...survey, 'data-locale': value })).to.deep.include({ locale, problems: [] });
    });
  }

  it('data-locale="de-DE" is refused with the values it takes', () => {
    expect(read({ ...survey, 'data-locale': 'de-DE' }).problems).to.deep.equal([
      'data-locale="de-DE" should be "pl" or "en"; using the page language.',
    ]);
  });

  it('takes URLs padded with spaces or broken over lines by an editor', () => {
    expect(
      read({
        'data-survey': '  /ankiety/\n        opole-2016.json ',
        'data-endpoint': '\n https://ankiety.example.org/api/\r\n   responses\n',
      }),
    ).to.deep.include({ survey: '/ankiety/opole-2016.json', endpoint: 'https://ankiety.example.org/api/responses', problems: [] });
  });

  it('keeps a space inside a survey URL (a file name with a space), which the browser encodes', () => {
    expect(read({ 'data-survey': '/ankiety/opole 2016.json' })).to.deep.include({ survey: '/ankiety/opole 2016.json' });
  });

  it('says that without data-endpoint the answers reach no server', () => {
    expect(read({ 'data-survey': '/ankiety/opole-2016.json' }).problems).to.deep.equal([
      "data-endpoint is missing: answers stay on each visitor's device, and no server gets them.",
    ]);
  });

  it("names a misspelt data-* attribute with the one it looks like, and says nothing of other tools' (Cloudflare, Cookiebot, WP Rocket)", () => {
    expect(read({ ...survey, 'data-endpiont': 'x', 'data-postion': 'top-left' }).problems).to.deep.equal([
      'data-endpiont is not read by Ankieta: is it data-endpoint?',
      'data-postion is not read by Ankieta: is it data-position?',
    ]);
    const others = Object.fromEntries(
      [
        'cfasync',
        'cookieconsent',
        'cookiecategory',
        'no-optimize',
        'noptimize',
        'category',
        'module',
        'main',
        'src',
        'domain',
        'site',
        'id',
        'key',
        'token',
        'version',
        'name',
        'type',
        'time',
        'layer',
        'pagespeed-no-defer',
        'ot-ignore',
      ].map((n) => [`data-${n}`, 'x']),
    );
    expect(read({ ...survey, ...others }).problems).to.deep.equal([]);
    // The nearest of ours: data-one is data-once (not data-mode, as near); a language and a URL named as elsewhere.
    expect(read({ ...survey, 'data-one': 'true', 'data-lang': 'pl', 'data-survey-url': '/a.json' }).problems).to.deep.equal([
      'data-one is not read by Ankieta: is it data-once?',
      'data-lang is not read by Ankieta: is it data-locale?',
      'data-survey-url is not read by Ankieta: is it data-survey?',
    ]);
  });

  it('reads values an editor put in typographic quotes without them, and says so', () => {
    const quoted = read({ 'data-survey': '„/ankiety/opole-2016.json”', 'data-endpoint': '“https://ankiety.example.org/api/responses”' });
    expect(quoted).to.deep.include({ survey: '/ankiety/opole-2016.json', endpoint: 'https://ankiety.example.org/api/responses' });
    expect(quoted.problems).to.have.length(1);
    expect(quoted.problems[0]).to.match(/^the tag has typographic quotes/);
    // data-label=„Wypełnij ankietę” as the HTML parser reads it: „Wypełnij, and an attribute ankietę”.
    const cut = document.createElement('div');
    cut.innerHTML = '<script data-survey="/a.json" data-endpoint="/api/responses" data-label=„Wypełnij ankietę”></script>';
    const { config, problems } = readConfig(cut.querySelector('script')!);
    expect(config!.label).to.equal('Wypełnij');
    expect(problems).to.have.length(1);
    expect(problems[0]).to.include('one with a space is cut short');
  });

  it('keeps quotation marks inside a label: data-label="Ankieta „Rower miejski”" and "„Budżet obywatelski” – oceń"', () => {
    for (const label of ['Ankieta „Rower miejski”', '„Budżet obywatelski” – oceń'])
      expect(read({ ...survey, 'data-label': label })).to.deep.include({ label, problems: [] });
  });

  it('reads "&amp;" left in an address by an editor that encoded the tag twice as "&"', () => {
    expect(read({ ...survey, 'data-survey': '/ankiety/opole-2016.json?v=2&amp;lang=pl' })).to.deep.include({
      survey: '/ankiety/opole-2016.json?v=2&lang=pl',
      problems: [],
    });
  });
});
