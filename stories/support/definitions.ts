/** The survey definitions the stories show: the built-in templates with real Polish content. */
import { partnershipSelfAssessment } from '../../src/templates/partnership.js';
import { surveyFromAgenda } from '../../src/templates/agenda.js';
import { t } from '../../src/templates/text.js';
import type { SurveyDefinition } from '../../src/schema/definition.js';
import agenda from '../../src/templates/examples/opole-2016.agenda.json';

/** Template A: the evaluation of the Opole conference of 18 April 2016, built from its agenda. */
export const conference = (): SurveyDefinition => surveyFromAgenda(agenda);

/** The partnership self-assessment (two scored dimensions, three bands each). */
export const partnership = (): SurveyDefinition => partnershipSelfAssessment({ partnership: t('Razem dla rozwoju', 'Razem dla rozwoju') });

/**
 * The same definition under a story's own id (`story-<name>`). The id keys the draft kept in IndexedDB, so a
 * story that answers questions does not leave a half-filled form in another story.
 */
export const asStory = (definition: SurveyDefinition, story: string): SurveyDefinition => ({
  ...definition,
  id: `story-${story}`.slice(0, 64),
});

/**
 * The partnership self-assessment scored in four areas (the same thirteen statements, grouped
 * the way the Partnership Assessment Tool's principles group them), for the radar chart.
 */
export function partnershipFourAreas(): SurveyDefinition {
  const definition = partnership();
  const [strategic, relationship] = definition.scoring!.dimensions;
  const area = (id: string, pl: string, en: string, questions: string[], from: typeof strategic) => ({
    ...from!,
    id,
    title: t(pl, en),
    questions,
  });
  return {
    ...definition,
    id: 'partnership-four-areas',
    scoring: {
      dimensions: [
        area('purpose', 'Wspólne cele', 'Shared purpose', ['a1', 'a2', 'a3'], strategic),
        area('arrangements', 'Plan i monitoring', 'Plans and monitoring', ['a4', 'a5', 'a6'], strategic),
        area('trust', 'Zaufanie i komunikacja', 'Trust and communication', ['b1', 'b2', 'b4'], relationship),
        area('benefit', 'Wpływ i korzyści', 'Influence and benefits', ['b3', 'b5', 'b6', 'b7'], relationship),
      ],
    },
  };
}
