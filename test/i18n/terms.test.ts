import { expect } from '@open-wc/testing';
import { pl } from '../../src/i18n/index.js';

/** Every Polish phrase of the catalog, plural forms included. */
const phrases = Object.entries(pl).flatMap(([key, message]) =>
  typeof message === 'string' ? [[key, message]] : Object.values(message).map((text) => [key, text as string]),
);

describe('Polish terms', () => {
  it('says answers are "zapisane" on this device, as the saved status does, never "zachowane"', () => {
    expect(pl.statusSaved).to.include('zapisane na tym urządzeniu');
    const onDevice = phrases.filter(([, text]) => text.includes('na tym urządzeniu'));
    expect(onDevice.filter(([, text]) => /zachowa/.test(text)).map(([key]) => key)).to.deep.equal([]);
  });
});
