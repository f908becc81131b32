import { expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/elements.js';
import type { AnkietaSurvey } from '../../src/components/survey/survey.js';
import { checkResponse } from '../../src/engine/index.js';
import { parseDefinition, parseResponse, type Response } from '../../src/schema/index.js';
import { hostileValue, plausibleAnswer, validDefinition } from '../schema/arbitraries.js';
import { clearDevice, settled } from './survey-helpers.js';

/** Element runs are heavier than engine runs: fewer of them, still seeded and repeatable. */
const RUNS = { seed: 20161004, numRuns: 40, includeErrorInReport: true } as const;

type Json = Record<string, unknown> | unknown[];

/** Changes one place of a definition: a value replaced by a hostile one, or a key removed. */
function mutate(definition: unknown, [pick, key, kind]: number[], value: unknown): unknown {
  const copy = structuredClone(definition) as Json;
  const containers: Json[] = [];
  const walk = (node: unknown) => {
    if (node === null || typeof node !== 'object') return;
    containers.push(node as Json);
    Object.values(node).forEach(walk);
  };
  walk(copy);
  const target = containers[pick! % containers.length]!;
  const keys = Object.keys(target);
  if (!keys.length) return copy;
  const name = keys[key! % keys.length]!;
  if (kind! % 3 === 0 && !Array.isArray(target)) delete (target as Record<string, unknown>)[name];
  else (target as Record<string, unknown>)[name] = value;
  return copy;
}

/** Collects what must never happen: uncaught errors and unhandled rejections. */
function watchForCrashes() {
  const crashes: string[] = [];
  const onError = (event: ErrorEvent) => crashes.push(`error: ${event.message}`);
  const onRejection = (event: PromiseRejectionEvent) => crashes.push(`unhandled rejection: ${String(event.reason)}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  const quiet = console.error;
  console.error = () => {}; // an invalid definition is reported on the console on purpose
  return {
    crashes,
    stop() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
      console.error = quiet;
    },
  };
}

describe('<ankieta-survey> under random and hostile input (fast-check)', () => {
  beforeEach(clearDevice);

  it('renders a form or a message with a JSON path for mutated definitions, and never throws', async () => {
    const watch = watchForCrashes();
    let invalid = 0;
    try {
      await fc.assert(
        fc.asyncProperty(
          validDefinition,
          fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
          hostileValue,
          async (definition, picks, value) => {
            const input = mutate(definition, picks, value);
            const el = await fixture<AnkietaSurvey>(html`<ankieta-survey locale="pl" .definition=${input}></ankieta-survey>`);
            await settled(el);
            const expectedValid = parseDefinition(input).ok;
            const shown = el.shadowRoot!.querySelector('[part~="page-title"]');
            const message = el.shadowRoot!.querySelector('[part~="message"][role=alert]');
            if (expectedValid) expect(shown, 'a valid definition shows its first page').to.exist;
            else {
              invalid++;
              expect(message?.querySelector('code')?.textContent, 'an invalid one names a JSON path').to.be.a('string').and.not.equal('');
            }
            el.remove();
          },
        ),
        RUNS,
      );
    } finally {
      watch.stop();
    }
    expect(watch.crashes).to.deep.equal([]);
    expect(invalid, 'the mutations must produce invalid definitions too').to.be.greaterThan(5);
  });

  it('takes random answers (right and wrong types), Next, Back and Submit without throwing; what it submits is valid', async () => {
    const watch = watchForCrashes();
    let submitted = 0;
    const actions = fc.array(
      fc.oneof(
        fc.record({
          kind: fc.constant('answer' as const),
          question: fc.nat(),
          seeds: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
          hostile: fc.boolean(),
          value: hostileValue,
        }),
        fc.record({ kind: fc.constantFrom('next' as const, 'back' as const, 'submit' as const) }),
      ),
      { maxLength: 20 },
    );
    try {
      await fc.assert(
        fc.asyncProperty(validDefinition, actions, async (definition, steps) => {
          const el = await fixture<AnkietaSurvey>(html`<ankieta-survey locale="en" .definition=${definition}></ankieta-survey>`);
          await settled(el);
          let response: Response | undefined;
          el.addEventListener('ankieta-submit', (event) => (response = event.detail.response));
          const root = el.shadowRoot!;
          for (const step of steps) {
            if (step.kind === 'answer') {
              const controls = [...root.querySelectorAll<HTMLElement & { value: unknown; checked?: boolean }>('[data-question]')].filter(
                (c) => c.localName !== 'div',
              );
              if (!controls.length) continue;
              const control = controls[step.question % controls.length]!;
              const question = definition.pages.flatMap((p) => p.questions).find((q) => q.id === control.dataset.question)!;
              const value = step.hostile ? step.value : plausibleAnswer(question, [...step.seeds]);
              if (control.localName === 'ankieta-consent') control.checked = value === true;
              else control.value = value;
              control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
            } else if (step.kind === 'back') root.querySelector<HTMLButtonElement>('button.secondary')?.click();
            else root.querySelector<HTMLButtonElement>('[part~="button-primary"]')?.click();
            await settled(el);
            if (response) break;
          }
          if (response) {
            submitted++;
            const parsed = parseResponse(response);
            expect(parsed.ok, JSON.stringify(parsed)).to.equal(true);
            expect(checkResponse(definition, response)).to.deep.equal([]);
          }
          el.remove();
        }),
        RUNS,
      );
    } finally {
      watch.stop();
    }
    expect(watch.crashes).to.deep.equal([]);
    expect(submitted, 'some runs reach a submitted response').to.be.greaterThan(3);
  });
});
