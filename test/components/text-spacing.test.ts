// WCAG 2.1 SC 1.4.12 Text spacing (see test/support/text-spacing.ts): no text of the survey,
// the results or the organiser report is cut off or sticks out of the room it was given, at a
// phone's 320 px and at 800 px. The launcher's dialog is checked in test/embed/narrow.test.ts.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/elements.js';
import '../../src/components/report/report.js';
import type { AnkietaSurvey } from '../../src/components/survey/survey.js';
import type { AnkietaResults } from '../../src/components/results/results.js';
import type { AnkietaReport } from '../../src/components/report/report.js';
import type { SurveyDefinition } from '../../src/schema/index.js';
import { conferenceEvaluation } from '../../src/templates/conference.js';
import { partnershipSelfAssessment } from '../../src/templates/partnership.js';
import { generateResponses } from '../report/generate.js';
import { applyTextSpacing, clippedText, removeTextSpacing, sticksOut } from '../support/text-spacing.js';
import { clearDevice, settled } from './survey-helpers.js';

/** The conference evaluation with every page's questions on one page, to see them all at once. */
function allOnOnePage(definition: SurveyDefinition): SurveyDefinition {
  return { ...definition, pages: [{ id: 'all', questions: definition.pages.flatMap((page) => page.questions) }] };
}

async function room(width: number): Promise<HTMLDivElement> {
  return fixture<HTMLDivElement>(html`<div style="width: ${width}px"></div>`);
}

const rightOf = (element: Element) => element.getBoundingClientRect().right;

describe('text spacing (WCAG 1.4.12)', () => {
  beforeEach(clearDevice);
  afterEach(() => removeTextSpacing());

  for (const width of [320, 800]) {
    it(`cuts off no text of the conference evaluation, with and without errors, at ${width} px`, async () => {
      const wrapper = await room(width);
      const el = document.createElement('ankieta-survey') as AnkietaSurvey;
      el.definition = allOnOnePage(conferenceEvaluation());
      wrapper.append(el);
      await settled(el);
      await applyTextSpacing();
      expect(el.shadowRoot!.querySelectorAll('[data-question]').length, 'the questions are on the page').to.be.greaterThan(10);
      expect(clippedText(el), 'clipped text').to.deep.equal([]);
      expect(sticksOut(el, rightOf(wrapper)), 'wider than its room').to.deep.equal([]);

      // Submit empty: the error summary and an error under every required question.
      (el.shadowRoot!.querySelector('[part~="button-primary"]') as HTMLButtonElement).click();
      await settled(el);
      await applyTextSpacing();
      expect(el.shadowRoot!.querySelector('[part~="error-summary"]'), 'errors shown').to.exist;
      expect(clippedText(el), 'clipped text with errors').to.deep.equal([]);
      expect(sticksOut(el, rightOf(wrapper)), 'wider than its room with errors').to.deep.equal([]);
    });

    it(`cuts off no text of the self-assessment results at ${width} px`, async () => {
      const definition = partnershipSelfAssessment({ crossSector: true });
      const answers = { sector: 'jst', a1: 5, a2: 4, a3: 4, a4: 3, a5: 4, a6: 4, b1: 2, b2: 1, b3: 2, b4: 3, b5: 2, b6: 3, b7: 2 };
      const wrapper = await room(width);
      const el = document.createElement('ankieta-results') as AnkietaResults;
      el.definition = definition;
      el.response = {
        id: '0b5e5c3e-8a3b-4c1e-9d2a-3f4e5a6b7c8d',
        surveyId: definition.id,
        submittedAt: '2016-04-18T12:00:00.000Z',
        answers,
      };
      wrapper.append(el);
      await el.updateComplete;
      await applyTextSpacing();
      expect(el.shadowRoot!.querySelector('svg[role="img"]'), 'the chart').to.exist;
      expect(clippedText(el), 'clipped text').to.deep.equal([]);
      expect(sticksOut(el, rightOf(wrapper)), 'wider than its room').to.deep.equal([]);
    });

    it(`cuts off no text of the organiser report at ${width} px`, async () => {
      const definition = conferenceEvaluation();
      const wrapper = await room(width);
      const el = document.createElement('ankieta-report') as AnkietaReport;
      el.locale = 'pl';
      el.definition = definition;
      el.responses = generateResponses(definition, 40);
      const ready = oneEvent(el, 'ankieta-ready');
      wrapper.append(el);
      await ready;
      await applyTextSpacing();
      expect(el.shadowRoot!.querySelectorAll('svg').length, 'the charts').to.be.greaterThan(5);
      expect(clippedText(el), 'clipped text').to.deep.equal([]);
      expect(sticksOut(el, rightOf(wrapper)), 'wider than its room').to.deep.equal([]);
    });
  }
});
