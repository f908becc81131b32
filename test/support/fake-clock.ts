/**
 * A sinon fake clock handed to the session as its clock. It is installed on an object of
 * its own, so the page's timers (and the test runner's) stay real.
 */
import sinon from 'sinon';
import type { Clock } from '../../src/store/clock.js';

export function fakeClock(start = Date.parse('2026-05-14T09:00:00Z')) {
  const timers = {
    Date,
    Promise,
    setTimeout: setTimeout.bind(window),
    clearTimeout: clearTimeout.bind(window),
    setInterval: setInterval.bind(window),
    clearInterval: clearInterval.bind(window),
  };
  const fake = sinon.useFakeTimers({
    now: start,
    global: timers,
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  } as Parameters<typeof sinon.useFakeTimers>[0]);
  const clock: Clock = {
    now: () => fake.now,
    setTimeout: (callback, ms) => fake.setTimeout(callback, ms),
    clearTimeout: (handle) => fake.clearTimeout(handle as number),
  };
  return { fake, clock };
}
