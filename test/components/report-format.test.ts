import { expect } from '@open-wc/testing';
import { signed } from '../../src/components/report/format.js';

describe('report number formats', () => {
  it('writes the recommendation score with its sign, a true minus for negatives and none for 0', () => {
    expect(signed('pl', -15)).to.equal('\u221215');
    expect(signed('en', -15)).to.equal('\u221215');
    expect(signed('pl', 23)).to.equal('+23');
    expect(signed('pl', 0)).to.equal('0');
    expect(signed('pl', -0.4), 'rounds to 0, unsigned').to.equal('0');
  });
});
