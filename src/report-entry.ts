/**
 * The organisers' script-tag entry (`dist/ankieta-report.js`): `<ankieta-report>` on its own,
 * so respondents never download it.
 */
import './components/report/report.js';
