import { expect } from '@open-wc/testing';
import {
  aggregate,
  aggregateInSlices,
  hideFigure,
  MIN_GROUP_SIZE,
  visibleGroups,
  type QuestionSummary,
} from '../../src/report/aggregate.js';
import { isDivergent, nps, standardDeviation } from '../../src/report/statistics.js';
import type { ChoiceQuestion, MatrixQuestion, Response, SurveyDefinition } from '../../src/schema/index.js';
import { benchmarkDefinition, generateResponses } from './generate.js';

// Independent arithmetic: plain loops over the raw answers, nothing shared with src/report.
const numbers = (values: unknown[]) => values.filter((v): v is number => typeof v === 'number');
const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const popSd = (xs: number[]) => Math.sqrt(xs.reduce((s, x) => s + (x - avg(xs)) ** 2, 0) / xs.length);
const close = (actual: number | null, expected: number, what: string) => expect(actual, what).to.be.closeTo(expected, 1e-9);

const find = <K extends QuestionSummary['kind']>(summaries: QuestionSummary[], id: string, kind: K) => {
  const found = summaries.find((s) => s.question.id === id);
  expect(found?.kind, id).to.equal(kind);
  return found as Extract<QuestionSummary, { kind: K }>;
};

function tiny(questions: SurveyDefinition['pages'][0]['questions'], scored: string[] = []): SurveyDefinition {
  return {
    id: 'tiny',
    title: 'Tiny',
    pages: [{ id: 'p', questions }],
    ...(scored.length
      ? {
          scoring: {
            dimensions: [
              {
                id: 'd',
                title: 'D',
                questions: scored,
                bands: [
                  { min: 0, max: 49, label: 'low' },
                  { min: 50, max: 100, label: 'high' },
                ],
              },
            ],
          },
        }
      : {}),
  };
}

let serial = 0;
function response(answers: Response['answers'], surveyId = 'tiny'): Response {
  const n = (serial++).toString(16).padStart(12, '0');
  return {
    id: `00000000-0000-4000-8000-${n}`,
    surveyId,
    surveyVersion: 1,
    locale: 'pl',
    startedAt: '2016-04-18T10:00:00.000Z',
    submittedAt: `2016-04-18T11:${String(serial % 60).padStart(2, '0')}:00.000Z`,
    answers,
  };
}

describe('aggregate(): numbers against an independent computation', () => {
  const definition = benchmarkDefinition();
  const responses = generateResponses(definition, 137, { seed: 7 });
  const { report, skipped } = aggregate(definition, responses);
  const answersTo = (id: string) => responses.map((r) => r.answers[id]).filter((v) => v !== undefined);

  it('counts every response', () => {
    expect(report.n).to.equal(137);
    expect(skipped).to.equal(0);
    expect(report.firstSubmittedAt).to.equal(responses.map((r) => r.submittedAt).sort()[0]);
    expect(report.lastSubmittedAt).to.equal(
      responses
        .map((r) => r.submittedAt)
        .sort()
        .at(-1),
    );
  });

  it('gives each option its count and share of those who answered', () => {
    for (const id of ['role', 'sector', 'unit', 'status', 'channel', 'topics_pick']) {
      const summary = find(report.questions, id, 'choice');
      const given = answersTo(id);
      expect(summary.n, id).to.equal(given.length);
      for (const count of summary.counts) {
        const expected = given.filter((v) => (Array.isArray(v) ? v.includes(count.value as string) : v === count.value)).length;
        expect(count.count, `${id}=${count.value}`).to.equal(expected);
        close(count.share, expected / given.length, `${id}=${count.value} share`);
      }
    }
    const multiple = find(report.questions, 'topics_pick', 'choice');
    expect(multiple.otherTexts).to.deep.equal(
      responses
        .filter((r) => (r.answers.topics_pick as string[] | undefined)?.includes('other'))
        .map((r) => r.answers['topics_pick.other']),
    );
  });

  it('gives scale and rating questions their distribution, mean, population SD and N/A count', () => {
    for (const id of ['s1', 's2', 's7', 's12', 'r1', 'r4', 'last']) {
      const summary = find(report.questions, id, 'scale');
      const given = answersTo(id);
      const values = numbers(given);
      expect(summary.n, id).to.equal(values.length);
      expect(summary.notApplicable, id).to.equal(given.filter((v) => v === 'na').length);
      close(summary.mean, avg(values), `${id} mean`);
      close(summary.sd, popSd(values), `${id} sd`);
      for (const c of summary.counts) expect(c.count, `${id}=${c.value}`).to.equal(values.filter((v) => v === c.value).length);
      expect(summary.counts.reduce((s, c) => s + c.count, 0)).to.equal(values.length);
      expect(summary.divergent, `${id}: flagged only for scored items with SD ≥ 1`).to.equal(id.startsWith('s') && popSd(values) >= 1);
    }
    expect(find(report.questions, 'r4', 'scale').counts.map((c) => c.value)).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('gives the recommendation score as %promoters − %detractors, with n and the 0–10 distribution', () => {
    for (const id of ['nps', 'nps2']) {
      const summary = find(report.questions, id, 'nps');
      const values = numbers(answersTo(id));
      const promoters = values.filter((v) => v >= 9).length;
      const detractors = values.filter((v) => v <= 6).length;
      expect([summary.n, summary.promoters, summary.passives, summary.detractors]).to.deep.equal([
        values.length,
        promoters,
        values.length - promoters - detractors,
        detractors,
      ]);
      const exact = (100 * promoters) / values.length - (100 * detractors) / values.length;
      expect(summary.score, `${id} score, whole points`).to.equal(Number.isInteger(summary.score) ? summary.score : NaN);
      expect(Math.abs(summary.score! - exact), `${id} score`).to.be.at.most(0.5 + 1e-9);
      expect(summary.counts.map((c) => c.value)).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(summary.counts.map((c) => c.count)).to.deep.equal(
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((p) => values.filter((v) => v === p).length),
      );
    }
  });

  it('gives every matrix row its mean, SD, n and N/A count; flags divergence only in the scored matrix', () => {
    for (const id of ['m1', 'm2', 'm6']) {
      const summary = find(report.questions, id, 'matrix');
      for (const row of summary.rows) {
        const cells = answersTo(id)
          .map((v) => (v as Record<string, number | string>)[row.id])
          .filter((v) => v !== undefined);
        const values = numbers(cells);
        expect(row.n, `${id}.${row.id}`).to.equal(values.length);
        expect(row.notApplicable).to.equal(cells.filter((v) => v === 'na').length);
        close(row.mean, avg(values), `${id}.${row.id} mean`);
        close(row.sd, popSd(values), `${id}.${row.id} sd`);
        expect(row.divergent).to.equal(id === 'm1' && popSd(values) >= 1);
      }
    }
  });

  it('lists free-text answers in order, trimmed, and counts consents', () => {
    for (const id of ['t1', 't2', 't8'])
      expect(find(report.questions, id, 'text').answers).to.deep.equal(answersTo(id).map((v) => String(v).trim()));
    expect(find(report.questions, 'consent', 'consent').n).to.equal(answersTo('consent').filter((v) => v === true).length);
  });

  it('summarises dimension scores from the engine: mean, range, bands, unscored', () => {
    for (const [i, dimension] of definition.scoring!.dimensions.entries()) {
      const scores = responses.map((r) => r.scores?.[dimension.id]).filter((s) => s !== undefined);
      const summary = report.dimensions[i]!;
      expect(summary.n).to.equal(scores.length);
      expect(summary.unscored).to.equal(137 - scores.length);
      close(summary.mean, avg(scores.map((s) => s.score)), `${dimension.id} mean`);
      expect([summary.min, summary.max]).to.deep.equal([Math.min(...scores.map((s) => s.score)), Math.max(...scores.map((s) => s.score))]);
      expect(summary.bands.map((b) => b.count)).to.deep.equal(dimension.bands.map((_, b) => scores.filter((s) => s.band === b).length));
    }
  });
});

describe('aggregate(): small hand-computed cases', () => {
  const scaleQ = { id: 'q', type: 'scale' as const, scale: 'agree5' as const, notApplicable: true, title: 'Q' };

  it('flags "rozbieżne oceny" at a population SD of exactly 1, not below', () => {
    const run = (values: (number | string)[]) =>
      find(
        aggregate(
          tiny([scaleQ], ['q']),
          values.map((q) => response({ q })),
        ).report.questions,
        'q',
        'scale',
      );
    expect(run([1, 3])).to.include({ sd: 1, divergent: true, mean: 2, n: 2 });
    const evenSplit = run([2, 4, 2, 4]);
    expect(evenSplit.divergent, '2,4,2,4: SD 1 despite floating point').to.equal(true);
    expect(run([2, 3, 3, 4])).to.include({ divergent: false });
    close(run([2, 3, 3, 4]).sd, Math.sqrt(0.5), 'SD of 2,3,3,4');
    expect(run([5]), 'one answer has no spread').to.include({ sd: null, divergent: false, n: 1 });
    expect(run([1, 'na', 5, 'na']), 'N/A is counted apart, outside n and the mean').to.include({ n: 2, notApplicable: 2, mean: 3, sd: 2 });
    expect(
      find(
        aggregate(
          tiny([scaleQ]),
          [1, 5].map((q) => response({ q })),
        ).report.questions,
        'q',
        'scale',
      ).divergent,
      'not a scored item',
    ).to.equal(false);
  });

  it('computes the recommendation score from 6 answers: 10, 9, 8, 7, 6, 0 → 0; and 10, 10, 10, 0 → +50', () => {
    const npsQ = { id: 'n', type: 'nps' as const, title: 'N' };
    const first = find(
      aggregate(
        tiny([npsQ]),
        [10, 9, 8, 7, 6, 0].map((n) => response({ n })),
      ).report.questions,
      'n',
      'nps',
    );
    expect(first).to.include({ n: 6, promoters: 2, passives: 2, detractors: 2, score: 0 });
    expect(
      find(
        aggregate(
          tiny([npsQ]),
          [10, 10, 10, 0].map((n) => response({ n })),
        ).report.questions,
        'n',
        'nps',
      ),
    ).to.include({ score: 50 });
    expect(nps(new Map())).to.deep.equal({ n: 0, promoters: 0, passives: 0, detractors: 0, score: null });
  });

  it('rounds the recommendation score to whole points, halves away from zero, mirrored data giving mirrored scores', () => {
    // 25 promoters, 13 passives, 2 detractors: 57.5 exactly (dividing first gives 57.49999999999999).
    expect(
      nps(
        new Map([
          [10, 25],
          [8, 13],
          [0, 2],
        ]),
      ).score,
    ).to.equal(58);
    expect(
      nps(
        new Map([
          [10, 2],
          [8, 13],
          [0, 25],
        ]),
      ).score,
    ).to.equal(-58);
    expect(
      nps(
        new Map([
          [9, 2],
          [7, 5],
          [6, 1],
        ]),
      ).score,
      '12.5',
    ).to.equal(13);
    expect(
      nps(
        new Map([
          [9, 1],
          [7, 5],
          [6, 2],
        ]),
      ).score,
      '−12.5',
    ).to.equal(-13);
    expect(
      nps(
        new Map([
          [9, 2],
          [7, 1],
        ]),
      ).score,
      '66.7',
    ).to.equal(67);
    expect(nps(new Map([[7, 3]])).score, 'no −0').to.equal(0);
    expect(Object.is(nps(new Map([[7, 3]])).score, 0)).to.equal(true);
  });

  it('counts the remaining rows of a matrix answer that has a row since removed from the definition', () => {
    const m = { id: 'm', type: 'matrix' as const, title: 'M', scale: 'quality5' as const, rows: [{ id: 'r1', label: 'R1' }] };
    const responses = [
      ...Array.from({ length: 5 }, () => response({ m: { r1: 5, cancelled: 1 } })),
      ...Array.from({ length: 5 }, () => response({ m: { r1: 4 } })),
    ];
    const matrix = find(aggregate(tiny([m]), responses).report.questions, 'm', 'matrix');
    expect(matrix.rows.map((r) => [r.n, r.mean])).to.deep.equal([[10, 4.5]]);
  });

  it('finds the first and last submission by instant, whatever offset each was written with', () => {
    const at = (submittedAt: string) => ({ ...response({}), submittedAt });
    // As text the other two come first and last; as instants 09:30+02:00 is 07:30Z, before 08:00Z,
    // and 00:30+02:00 on the 19th is 22:30Z on the 18th, before 23:00Z.
    const { report } = aggregate(tiny([scaleQ]), [
      at('2016-04-18T08:00:00.000Z'),
      at('2016-04-18T09:30:00.000+02:00'),
      at('2016-04-18T23:00:00.000Z'),
      at('2016-04-19T00:30:00.000+02:00'),
    ]);
    expect([report.firstSubmittedAt, report.lastSubmittedAt]).to.deep.equal(['2016-04-18T09:30:00.000+02:00', '2016-04-18T23:00:00.000Z']);
  });

  it('gives multiple-choice shares per respondent (they may add up past 100%) and keeps "other" texts', () => {
    const q: ChoiceQuestion = {
      id: 'c',
      type: 'choice',
      multiple: true,
      other: true,
      title: 'C',
      options: [
        { value: 'a', label: 'A' },
        { value: 'b', label: 'B' },
      ],
    };
    const { report } = aggregate(tiny([q]), [
      response({ c: ['a', 'b'] }),
      response({ c: ['a'] }),
      response({ c: ['other'], 'c.other': '  własna  ' }),
      response({}),
    ]);
    const summary = find(report.questions, 'c', 'choice');
    expect(summary.n).to.equal(3);
    expect(summary.counts.map((c) => [c.value, c.count, Math.round(c.share * 100)])).to.deep.equal([
      ['a', 2, 67],
      ['b', 1, 33],
      ['other', 1, 33],
    ]);
    expect(summary.otherTexts).to.deep.equal(['własna']);
  });

  it('skips responses to another survey and values that do not fit the question', () => {
    const q: MatrixQuestion = {
      id: 'm',
      type: 'matrix',
      scale: 'agree5',
      title: 'M',
      rows: [
        { id: 'r1', label: 'R1' },
        { id: 'r2', label: 'R2' },
      ],
    };
    const result = aggregate(tiny([q, scaleQ]), [
      response({ m: { r1: 4, r2: 2 }, q: 9 }),
      response({ m: { r1: 7 } }),
      response({ q: 2 }, 'other-survey'),
      null,
      'junk',
      { answers: [] },
    ]);
    expect(result.report.n).to.equal(2);
    expect(result.skipped).to.equal(4);
    const matrix = find(result.report.questions, 'm', 'matrix');
    expect(matrix.rows.map((r) => [r.n, r.mean])).to.deep.equal([
      [1, 4],
      [1, 2],
    ]);
    expect(find(result.report.questions, 'q', 'scale').n, '9 is not on a five-point scale').to.equal(0);
  });
});

describe('breakdown by a single-choice question', () => {
  it('hides groups under 5, and the smallest shown groups until the hidden ones hold 5 people', () => {
    const groups = (...ns: number[]) => ns.map((n, i) => ({ id: i, n }));
    const shown = (...ns: number[]) => {
      const { visible, hidden } = visibleGroups(groups(...ns));
      return { shown: visible.map((g) => g.n), hidden };
    };
    expect(MIN_GROUP_SIZE).to.equal(5);
    expect(shown(5, 6, 7)).to.deep.equal({ shown: [5, 6, 7], hidden: 0 });
    expect(shown(9, 3, 6, 12)).to.deep.equal({ shown: [9, 12], hidden: 2 });
    expect(shown(4, 4, 10)).to.deep.equal({ shown: [10], hidden: 2 });
    expect(shown(3, 20)).to.deep.equal({ shown: [], hidden: 2 });
    expect(shown(0, 8, 9)).to.deep.equal({ shown: [8, 9], hidden: 0 });
    expect(shown(1)).to.deep.equal({ shown: [], hidden: 1 });
    // Two groups of 1: the overall figures minus the group of 10 would be their two answers.
    expect(shown(10, 1, 1)).to.deep.equal({ shown: [], hidden: 3 });
    expect(shown(2, 2, 10, 6)).to.deep.equal({ shown: [10], hidden: 3 });
    expect(shown(1, 1, 1, 1, 1, 9)).to.deep.equal({ shown: [9], hidden: 5 });
    expect(shown(7, 5, 1, 1, 8)).to.deep.equal({ shown: [7, 8], hidden: 3 });
  });

  it('never leaves 1 to 4 answers of an item to be worked out by subtracting the shown figures from the overall one', () => {
    const definition = benchmarkDefinition();
    let items = 0;
    let covered = 0;
    for (const [seed, count] of [
      [3, 23],
      [5, 31],
      [7, 47],
      [13, 60],
    ] as const) {
      const { report, breakdown } = aggregate(definition, generateResponses(definition, count, { seed }), { segmentBy: 'role' });
      const check = (what: string, total: number, figures: ({ n: number } | undefined)[]) => {
        const shown = figures.filter((f) => f && !hideFigure(f));
        const hidden = total - shown.reduce((sum, f) => sum + f!.n, 0);
        items++;
        if (figures.some((f) => f && f.n >= MIN_GROUP_SIZE && hideFigure(f))) covered++;
        expect(hidden === 0 || hidden >= MIN_GROUP_SIZE, `${what} (seed ${seed}): ${hidden} answers left to subtraction`).to.equal(true);
      };
      const of = (id: string) => breakdown!.groups.map((g) => g.report.questions.find((q) => q.question.id === id));
      for (const summary of report.questions) {
        if (summary.kind === 'matrix')
          summary.rows.forEach((row, i) =>
            check(
              `${summary.question.id}.${row.id}`,
              row.n,
              of(summary.question.id).map((q) => (q as typeof summary | undefined)?.rows[i]),
            ),
          );
        else if (summary.kind === 'choice' || summary.kind === 'scale' || summary.kind === 'nps')
          check(summary.question.id, summary.n, of(summary.question.id) as ({ n: number } | undefined)[]);
      }
      report.dimensions.forEach((d, i) =>
        check(
          d.dimension.id,
          d.n,
          breakdown!.groups.map((g) => g.report.dimensions[i]),
        ),
      );
    }
    expect(items, 'items checked').to.be.greaterThan(20);
    expect(covered, 'some figures of 5 or more hidden to cover a smaller one').to.be.greaterThan(0);
  });

  it('reports each shown group with its own numbers, and no free text', () => {
    const definition = benchmarkDefinition();
    const responses = generateResponses(definition, 120, { seed: 11 });
    const { breakdown } = aggregate(definition, responses, { segmentBy: 'role' });
    const counts = new Map<string, number>();
    for (const r of responses) counts.set(r.answers.role as string, (counts.get(r.answers.role as string) ?? 0) + 1);
    const expectedShown = visibleGroups([...counts].map(([value, n]) => ({ value, n }))).visible.map((g) => g.value);
    expect(breakdown!.groups.map((g) => g.value).sort()).to.deep.equal([...expectedShown].sort());
    expect(breakdown!.groups.every((g) => g.n >= MIN_GROUP_SIZE)).to.equal(true);
    for (const group of breakdown!.groups) {
      const mine = responses.filter((r) => r.answers.role === group.value);
      expect(group.n).to.equal(mine.length);
      const values = numbers(mine.map((r) => r.answers.s3));
      close(find(group.report.questions, 's3', 'scale').mean, avg(values), `${group.value} s3 mean`);
      expect(find(group.report.questions, 't2', 'text').answers).to.deep.equal([]);
    }
  });

  it('hides a small "no answer" group like any other', () => {
    const q: ChoiceQuestion = {
      id: 'c',
      type: 'choice',
      title: 'C',
      options: [
        { value: 'a', label: 'A' },
        { value: 'b', label: 'B' },
      ],
    };
    const rs = [...Array(6)]
      .map(() => response({ c: 'a' }))
      .concat(
        [...Array(7)].map(() => response({ c: 'b' })),
        [response({})],
      );
    const { breakdown } = aggregate(tiny([q]), rs, { segmentBy: 'c' });
    expect(
      breakdown!.groups.map((g) => g.value),
      'the lone small group and the smallest other are hidden',
    ).to.deep.equal(['b']);
    expect(breakdown!.hidden).to.equal(2);
  });

  it('refuses a question that cannot group respondents', () => {
    expect(() => aggregate(benchmarkDefinition(), [], { segmentBy: 'topics_pick' })).to.throw(/single-choice/);
    expect(() => aggregate(benchmarkDefinition(), [], { segmentBy: 's1' })).to.throw(/single-choice/);
  });
});

describe('aggregateInSlices()', () => {
  it('gives the same result as aggregate(), reporting progress up to the total', async () => {
    const definition = benchmarkDefinition();
    const responses = generateResponses(definition, 300, { seed: 5 });
    const progress: number[] = [];
    const sliced = await aggregateInSlices(definition, responses, {
      segmentBy: 'role',
      sliceMs: 1,
      onProgress: (done, total) => progress.push(done / total),
    });
    expect(sliced).to.deep.equal(aggregate(definition, responses, { segmentBy: 'role' }));
    expect(progress.length, 'more than one slice').to.be.greaterThan(1);
    expect(progress.at(-1)).to.equal(1);
  });

  it('stops when aborted', async () => {
    const definition = benchmarkDefinition();
    const abort = new AbortController();
    const pending = aggregateInSlices(definition, generateResponses(definition, 200, { seed: 2 }), {
      sliceMs: 0,
      signal: abort.signal,
      onProgress: () => abort.abort(),
    });
    let error: unknown;
    await pending.catch((e) => (error = e));
    expect((error as Error)?.name).to.equal('AbortError');
  });
});

describe('statistics', () => {
  it('uses the population SD, and ignores binary noise at the threshold', () => {
    close(
      standardDeviation(
        new Map([
          [1, 1],
          [2, 1],
          [3, 1],
        ]),
      ),
      Math.sqrt(2 / 3),
      'SD of 1,2,3',
    );
    expect(isDivergent(0.9999999999999998)).to.equal(true);
    expect(isDivergent(0.99)).to.equal(false);
    expect(isDivergent(0.996), 'shown as 1,00').to.equal(true);
    expect(isDivergent(0.994), 'shown as 0,99').to.equal(false);
    expect(isDivergent(null)).to.equal(false);
  });
});
