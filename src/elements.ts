/** Registers every respondent-facing element (the organisers' report is `ankieta/report.js`). */
import './components/survey/survey.js';
import './components/launcher/launcher.js';
import './components/results/results.js';
