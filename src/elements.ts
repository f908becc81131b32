/** Registers every respondent-facing element. */
import './components/survey/survey.js';
import './components/launcher/launcher.js';
