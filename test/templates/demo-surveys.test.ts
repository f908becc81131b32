import { expect } from '@open-wc/testing';
import { partnershipSelfAssessment } from '../../src/templates/partnership.js';
import { surveyFromAgenda } from '../../src/templates/agenda.js';

// The collector started by `npm start` checks responses against demo/surveys/*.json, while the
// demo pages build the same surveys with the template builders: the two must not drift apart.
describe('demo survey files', () => {
  const load = async (path: string) => (await fetch(path)).json();

  it('demo/surveys/partnership-self-assessment.json is what the builder makes', async () => {
    expect(await load('/demo/surveys/partnership-self-assessment.json')).to.deep.equal(
      partnershipSelfAssessment({ partnership: 'Partnerstwo Ziemi Przykładowej' }),
    );
  });

  it('demo/surveys/conference-opole-2016.json is what the example agenda makes', async () => {
    const agenda = await load('/src/templates/examples/opole-2016.agenda.json');
    expect(await load('/demo/surveys/conference-opole-2016.json')).to.deep.equal(surveyFromAgenda(agenda));
  });
});
