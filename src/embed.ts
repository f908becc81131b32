/**
 * The script-tag entry (`dist/ankieta.js`): registers every element. Safe to include twice:
 * elements are defined through `define()`, which leaves an existing definition alone.
 */
import './elements.js';
