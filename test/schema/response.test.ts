import { expect } from '@open-wc/testing';
import { parseResponse, type Response } from '../../src/schema/index.js';

type Json = any;

const valid = (): Response => ({
  id: '3b241101-e2bb-4255-8caf-4136c566a962',
  surveyId: 'zmp-opole-2016',
  surveyVersion: 1,
  locale: 'pl',
  startedAt: '2016-05-12T09:30:00.000Z',
  submittedAt: '2016-05-12T09:41:07+02:00',
  answers: {
    overall: 4,
    nps: 0,
    workshop: 'na',
    role: 'other',
    'role.other': 'Sołtys',
    topics: ['energy', 'water'],
    consent: true,
    comment: 'Świetna organizacja',
    talks: { t1: 5, t2: 'na' },
  },
  scores: { quality: { score: 72, band: 2 } },
});

describe('parseResponse', () => {
  it('accepts a complete response unchanged, as an object or as JSON text', () => {
    expect(parseResponse(valid())).to.deep.equal({ ok: true, value: valid() });
    expect(parseResponse(JSON.stringify(valid()))).to.deep.equal({ ok: true, value: valid() });
  });

  it('accepts a response without scores, with empty answers and with the honeypot left empty', () => {
    const response: Json = { ...valid(), answers: {}, hp: '' };
    delete response.scores;
    expect(parseResponse(response)).to.deep.equal({ ok: true, value: response });
  });

  const cases: [string, (r: Json) => unknown, { path: string; message: string }[]][] = [
    [
      'an id that is not a UUID',
      (r) => {
        r.id = 'abc';
        return r;
      },
      [{ path: 'id', message: 'must be a UUID v4' }],
    ],
    [
      'a UUID v1',
      (r) => {
        r.id = '3b241101-e2bb-1255-8caf-4136c566a962';
        return r;
      },
      [{ path: 'id', message: 'must be a UUID v4' }],
    ],
    [
      'a UUID in capitals',
      (r) => {
        r.id = r.id.toUpperCase();
        return r;
      },
      [{ path: 'id', message: 'must be a UUID v4' }],
    ],
    [
      'a UUID with the wrong variant',
      (r) => {
        r.id = '3b241101-e2bb-4255-1caf-4136c566a962';
        return r;
      },
      [{ path: 'id', message: 'must be a UUID v4' }],
    ],
    [
      'a date that does not exist',
      (r) => {
        r.startedAt = '2016-13-45T09:30:00Z';
        return r;
      },
      [{ path: 'startedAt', message: 'must be an ISO 8601 date-time' }],
    ],
    [
      'a date without a time',
      (r) => {
        r.submittedAt = '2016-05-12';
        return r;
      },
      [{ path: 'submittedAt', message: 'must be an ISO 8601 date-time' }],
    ],
    [
      'a date in words',
      (r) => {
        r.submittedAt = 'yesterday';
        return r;
      },
      [{ path: 'submittedAt', message: 'must be an ISO 8601 date-time' }],
    ],
    [
      'a date as a number',
      (r) => {
        r.startedAt = 1463045400000;
        return r;
      },
      [{ path: 'startedAt', message: 'expected text, got the number 1463045400000' }],
    ],
    [
      'an extra key such as an IP address',
      (r) => {
        r.ip = '192.0.2.1';
        return r;
      },
      [{ path: '(root)', message: 'unknown property "ip"' }],
    ],
    [
      'a user agent',
      (r) => {
        r.userAgent = 'Mozilla/5.0';
        return r;
      },
      [{ path: '(root)', message: 'unknown property "userAgent"' }],
    ],
    [
      'a missing surveyId',
      (r) => {
        delete r.surveyId;
        return r;
      },
      [{ path: 'surveyId', message: 'is required' }],
    ],
    [
      'version 0',
      (r) => {
        r.surveyVersion = 0;
        return r;
      },
      [{ path: 'surveyVersion', message: 'must be at least 1' }],
    ],
    [
      'an unknown locale',
      (r) => {
        r.locale = 'de';
        return r;
      },
      [{ path: 'locale', message: 'must be one of "pl", "en", got the text "de"' }],
    ],
    [
      'NaN as an answer',
      (r) => {
        r.answers.overall = NaN;
        return r;
      },
      [
        {
          path: 'answers.overall',
          message: 'expected a number or text or true or false or an array or an object, got NaN (not a finite number)',
        },
      ],
    ],
    [
      'Infinity as an answer',
      (r) => {
        r.answers.overall = Infinity;
        return r;
      },
      [
        {
          path: 'answers.overall',
          message: 'expected a number or text or true or false or an array or an object, got Infinity (not a finite number)',
        },
      ],
    ],
    [
      '-Infinity in a matrix row',
      (r) => {
        r.answers.talks.t1 = -Infinity;
        return r;
      },
      [{ path: 'answers.talks.t1', message: 'expected a number or "na", got -Infinity (not a finite number)' }],
    ],
    [
      'a text in a matrix row',
      (r) => {
        r.answers.talks.t1 = 'good';
        return r;
      },
      [{ path: 'answers.talks.t1', message: 'expected a number or "na", got the text "good"' }],
    ],
    [
      'null as an answer',
      (r) => {
        r.answers.comment = null;
        return r;
      },
      [{ path: 'answers.comment', message: 'expected a number or text or true or false or an array or an object, got null' }],
    ],
    [
      'numbers in a multiple choice',
      (r) => {
        r.answers.topics = [1, 2];
        return r;
      },
      [
        { path: 'answers.topics[0]', message: 'expected text, got the number 1' },
        { path: 'answers.topics[1]', message: 'expected text, got the number 2' },
      ],
    ],
    [
      'an answer key that is not a question id',
      (r) => {
        r.answers['1st'] = 1;
        return r;
      },
      [{ path: 'answers["1st"]', message: 'is not a question id' }],
    ],
    [
      'an answer key with another suffix',
      (r) => {
        r.answers['role.comment'] = 'x';
        return r;
      },
      [{ path: 'answers["role.comment"]', message: 'is not a question id' }],
    ],
    [
      'a "__proto__" answer key',
      (r) => JSON.parse(JSON.stringify(r).replace('"overall":4', '"__proto__":4')),
      [{ path: 'answers.__proto__', message: 'is a reserved name' }],
    ],
    [
      'more than 2000 answers',
      (r) => {
        for (let i = 0; i <= 2000; i++) r.answers[`q${i}`] = i;
        return r;
      },
      [{ path: 'answers', message: 'has more than 2000 answers' }],
    ],
    [
      'more than 2000 answers in the rows of a matrix',
      (r) => {
        r.answers.talks = Object.fromEntries(Array.from({ length: 2001 }, (_, i) => [`t${i}`, 3]));
        return r;
      },
      [{ path: 'answers', message: 'has more than 2000 answers' }],
    ],
    [
      'more than 2000 answers in the items of arrays (each a zod issue: 126 000 of them cost a collector 100 ms)',
      (r) => {
        for (let i = 0; i < 630; i++) r.answers[`q${i}`] = Array(200).fill(0) as unknown as string[];
        return r;
      },
      [{ path: 'answers', message: 'has more than 2000 answers' }],
    ],
    [
      'more scored dimensions than a definition can have (20)',
      (r) => {
        // 26 000 of them made a 1.9 MB reply of issues to a 233 kB request.
        r.scores = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`d${i}`, { score: 1, band: 0 }]));
        return r;
      },
      [{ path: 'scores', message: 'has more than 20 dimensions' }],
    ],
    [
      'a text over 20000 characters',
      (r) => {
        r.answers.comment = 'x'.repeat(20001);
        return r;
      },
      [{ path: 'answers.comment', message: 'allows at most 20000 characters' }],
    ],
    [
      'a score over 100',
      (r) => {
        r.scores.quality.score = 101;
        return r;
      },
      [{ path: 'scores.quality.score', message: 'must be at most 100' }],
    ],
    [
      'a fractional score',
      (r) => {
        r.scores.quality.score = 72.5;
        return r;
      },
      [{ path: 'scores.quality.score', message: 'expected a whole number, got the number 72.5' }],
    ],
    [
      'a negative band',
      (r) => {
        r.scores.quality.band = -1;
        return r;
      },
      [{ path: 'scores.quality.band', message: 'must be at least 0' }],
    ],
    [
      'an extra key in a score',
      (r) => {
        r.scores.quality.label = 'Strong';
        return r;
      },
      [{ path: 'scores.quality', message: 'unknown property "label"' }],
    ],
    [
      'a honeypot over 200 characters',
      (r) => {
        r.hp = 'x'.repeat(201);
        return r;
      },
      [{ path: 'hp', message: 'allows at most 200 characters' }],
    ],
  ];

  for (const [name, change, expected] of cases) {
    it(`rejects ${name}`, () => {
      expect(parseResponse(change(valid()))).to.deep.equal({ ok: false, issues: expected });
    });
  }

  it('names at most 100 problems, however many the response has (a reply is no bigger than the request)', () => {
    const r = valid() as unknown as { answers: Record<string, unknown> };
    for (let i = 0; i < 1500; i++) r.answers[`q${i}`] = null;
    const result = parseResponse(r);
    expect(result.ok).to.equal(false);
    expect(result.ok ? 0 : result.issues.length).to.equal(100);
    expect(JSON.stringify(result).length, 'the issues, as JSON').to.be.lessThan(JSON.stringify(r).length * 1.2);
  });

  it('rejects invalid JSON text and never throws on unreadable input', () => {
    const result = parseResponse('{"id":');
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.issues[0]!.message).to.match(/^is not valid JSON/);
    const hostile = valid() as Json;
    Object.defineProperty(hostile, 'answers', {
      enumerable: true,
      get: () => {
        throw new TypeError('nope');
      },
    });
    expect(parseResponse(hostile)).to.deep.equal({ ok: false, issues: [{ path: '(root)', message: 'could not be read (nope)' }] });
  });
});
