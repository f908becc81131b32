/** A sinon fake clock handed to the session as its clock (the page's own timers stay real). */
import sinon from 'sinon';
import type { Clock } from '../../src/store/clock.js';

export function fakeClock(start = Date.parse('2026-05-14T09:00:00Z')) {
  const fake = sinon.clock.create(start);
  const clock: Clock = {
    now: () => fake.now,
    setTimeout: (callback, ms) => fake.setTimeout(callback, ms),
    clearTimeout: (handle) => fake.clearTimeout(handle as number),
  };
  return { fake, clock };
}
