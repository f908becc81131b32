import { expect } from '@open-wc/testing';
import { openHost, readySurvey, type HostWindow } from './embed-helpers.js';
import { pl } from '../../src/i18n/pl.js';

describe('a host page in windows-1250 that serves dist/ankieta.js with no charset', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('shows the Polish of the catalogs, not the bundle decoded as windows-1250 ("WyĹ›lij odpowiedzi")', async () => {
    const { win, doc } = await openHost('/embed/windows-1250');
    expect(doc.characterSet, 'the page is read as windows-1250').to.equal('windows-1250');
    const survey = await readySurvey(doc);
    const root = survey.shadowRoot;
    const text = (selector: string) => root.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
    expect(text('[part~="button-primary"]')).to.equal(pl.submit);
    expect(root.textContent!.replace(/\s+/g, ' ')).to.include(pl.requiredLegend.replace(/\s+/g, ' '));
    expect((win as HostWindow).__errors).to.deep.equal([]);
  });
});
