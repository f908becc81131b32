/**
 * The script-tag entry (`dist/ankieta.js`): registers every element and, when its own tag has
 * `data-survey`, puts that survey on the page. Safe to include twice, async or deferred:
 * elements are defined through `define()`, and each tag is initialised once.
 */
import './elements.js';
import { autoInit } from './script-tag.js';

autoInit(document.currentScript as HTMLScriptElement | null);
