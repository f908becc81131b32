/**
 * The script-tag entry (`dist/ankieta.js`): registers every element and, when its own tag has
 * `data-survey` (or, run without such a tag, a pasted tag on the page has), puts that survey on
 * the page. Safe to include twice, async or deferred:
 * elements are defined through `define()`, and each tag is initialised once.
 */
// The style sheets first, so the bundle keeps them side by side: gzip finds repeats only
// within 32 kB, and CSS repeats CSS (about 0.35 kB gzip). They have no side effects.
import './components/shared/theme.js';
import './components/shared/form-control.styles.js';
import './components/rating/rating.styles.js';
import './components/scale/scale.styles.js';
import './components/nps/nps.styles.js';
import './components/choice/choice.styles.js';
import './components/text/text.styles.js';
import './components/matrix/matrix.styles.js';
import './components/consent/consent.styles.js';
import './components/survey/survey.styles.js';
import './components/results/results.styles.js';
import './components/launcher/launcher.styles.js';
import './elements.js';
import { autoInit } from './script-tag.js';

const current = document.currentScript as HTMLScriptElement | null;
autoInit(current);
// Run by a tag without data-survey, or by none: a module, a CMS plugin's combined file, jQuery's
// copy of a pasted tag. The tag that was pasted, with its data-*, may be on the page: use it (a
// script whose src names ankieta, so another widget's data-survey is left alone).
if (!current?.dataset.survey)
  for (const tag of document.querySelectorAll<HTMLScriptElement>('script[src*="ankieta" i][data-survey]:not([data-ankieta-mounted])'))
    autoInit(tag);
