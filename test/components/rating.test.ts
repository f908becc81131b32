import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/rating/rating.js';
import type { AnkietaRating } from '../../src/components/rating/rating.js';
import { formControlSuite, type Control } from './form-control-suite.js';

const rating = (el: Control) => el as unknown as AnkietaRating;

formControlSuite({
  tag: 'ankieta-rating',
  empty: null,
  valid: 4,
  validEntries: [['q', '4']],
  get: (el) => rating(el).value,
  set: (el, answer) => (rating(el).value = answer as number | null),
  userChange: () => sendKeys({ press: 'Space' }),
  changed: 1,
  arrows: [1, 2],
  setTexts: (el, text) => {
    rating(el).minLabel = text;
    rating(el).maxLabel = text;
  },
});
