import { expect } from '@open-wc/testing';
import { aggregate } from '../../src/report/aggregate.js';
import { resultsCsv, summaryCsv, toCsv } from '../../src/report/csv.js';
import { responsesCsv } from '../../src/report/responses-csv.js';
import { SurveyModel } from '../../src/engine/survey-model.js';
import { partnershipSelfAssessment } from '../../src/templates/partnership.js';
import { benchmarkDefinition, generateResponses } from './generate.js';

/** An RFC 4180 reader written for the test, to read back what the exporter wrote. */
function readCsv(text: string, separator: string): string[][] {
  expect(text.startsWith('\uFEFF'), 'UTF-8 byte-order mark for Excel').to.equal(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.slice(1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') ((cell += '"'), i++);
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) (row.push(cell), (cell = ''));
    else if (c === '\r' && body[i + 1] === '\n') (row.push(cell), rows.push(row), (row = []), (cell = ''), i++);
    else cell += c;
  }
  expect(row.length === 0 && cell === '', 'every line ends with CRLF').to.equal(true);
  return rows;
}

describe('toCsv()', () => {
  it('uses ";" and a decimal comma in Polish, "," and a point in English', () => {
    expect(toCsv([['a', 1.5, 2]], 'pl')).to.equal('\uFEFFa;1,5;2\r\n');
    expect(toCsv([['a', 1.5, 2]], 'en')).to.equal('\uFEFFa,1.5,2\r\n');
  });

  it('quotes separators, quotes and line breaks, and leaves empty cells empty', () => {
    const text = toCsv([['x;y', 'say "hi"', 'two\nlines', null, undefined, 'a,b']], 'pl');
    expect(readCsv(text, ';')).to.deep.equal([['x;y', 'say "hi"', 'two\nlines', '', '', 'a,b']]);
    expect(text, 'a comma needs no quotes when the separator is ";"').to.include(';a,b\r\n');
  });

  it('drops NUL bytes from text cells (a respondent can send one), also before a formula', () => {
    const [row] = readCsv(toCsv([['a\u0000b', '\u0000=1+1']], 'en'), ',');
    expect(row).to.deep.equal(['ab', "'=1+1"]);
  });

  it('defuses text that a spreadsheet would run as a formula', () => {
    const [row] = readCsv(toCsv([['=HYPERLINK("http://x")', '+1', '-2', '@SUM(A1)', 'fine', -3, '\n=1+1', '\t=1']], 'en'), ',');
    expect(row).to.deep.equal(['\'=HYPERLINK("http://x")', "'+1", "'-2", "'@SUM(A1)", 'fine', '-3', "'\n=1+1", "'\t=1"]);
  });

  it('defuses a formula behind leading spaces or invisible characters a spreadsheet trims, and full-width formula signs', () => {
    const formulas = [
      ' =1+1',
      '\u3000=1+1',
      '\u200b=1+1',
      '\ufeff@SUM(A1)',
      ' \u2003\u200b -2',
      '\uff1d1+1',
      '\uff0b1',
      '\uff20SUM(A1)',
      '\u202f\uff0d1',
      // Not in JavaScript's \s, but invisible, and trimmed by some readers: next line, Mongolian vowel separator.
      '\u0085=1+1',
      '\u180e=1+1',
      // Other minus and plus signs, and invisible characters a reader may drop (a security review):
      // minus sign, small and superscript forms; soft hyphen, direction marks and embeddings,
      // Arabic letter mark, combining grapheme joiner, invisible operators, variation selectors,
      // Hangul filler, a tag character.
      '\u22121',
      '\ufe621',
      '\ufe631',
      '\ufe66=1',
      '\ufe6bSUM(A1)',
      '\u207a1',
      '\u00ad=1+1',
      '\u200e=1+1',
      '\u200f-1',
      '\u202a=1+1',
      '\u202e=1+1',
      '\u2066=1+1',
      '\u2069=1+1',
      '\u061c=1+1',
      '\u034f=1+1',
      '\u2061=1+1',
      '\u2064=1+1',
      '\ufe0f=1+1',
      '\u3164=1+1',
      '\u{e0020}=1+1',
    ];
    const [row] = readCsv(toCsv([[...formulas, '\u00a0=1+1', ' tekst', '\u00a0100 zł', -3]], 'en'), ',');
    // The report's CSV writes a no-break space as a plain one.
    expect(row).to.deep.equal([...formulas.map((f) => `'${f}`), "' =1+1", ' tekst', ' 100 zł', '-3']);
    const response = {
      id: '6f1c2a4e-8b3d-4c5a-9e7f-0a1b2c3d4e5f',
      surveyVersion: 1,
      locale: 'pl' as const,
      startedAt: '2024-03-01T10:00:00Z',
      submittedAt: '2024-03-01T10:00:00Z',
      answers: Object.fromEntries([...formulas, '\u00a0=1+1', ' tekst'].map((text, i) => [`q${i}`, text])),
    };
    const [, cells] = readCsv(responsesCsv([], [response, { ...response, answers: { n: -3 } }]), ';');
    expect(cells!.slice(5)).to.deep.equal([...formulas.map((f) => `'${f}`), "'\u00a0=1+1", ' tekst', '']);
    const numbers = responsesCsv([], [{ ...response, answers: { n: -3 } }]).split('\r\n')[1]!;
    expect(numbers.endsWith(';-3'), 'a numeric answer stays a number').to.equal(true);
  });
});

describe('responsesCsv()', () => {
  const definition = benchmarkDefinition();
  const responses = generateResponses(definition, 25, { seed: 9 });

  it('leaves a cell empty when a response lacks an answer named like an Object member ("constructor", "toString")', () => {
    const [first, second] = responses;
    const odd = { ...first!, answers: { ...first!.answers, constructor: 'x', toString: 'y', valueOf: { row: 1 } } };
    const rows = readCsv(responsesCsv([], [odd as never, second!]), ';');
    const column = (name: string) => rows[0]!.indexOf(name);
    expect(rows[1]![column('constructor')]).to.equal('x');
    expect(rows[2]![column('constructor')]).to.equal('');
    expect(rows[2]![column('toString')]).to.equal('');
    expect(rows[2]![column('valueOf.row')]).to.equal('');
  });

  it('writes one row per response with question ids as headers, matrix rows and "other" texts as columns', () => {
    const rows = readCsv(responsesCsv(definition, responses), ';');
    const header = rows[0]!;
    expect(header.slice(0, 6)).to.deep.equal(['id', 'surveyVersion', 'locale', 'startedAt', 'submittedAt', 'role']);
    expect(header).to.include.members([
      'm1.row1',
      'm1.row5',
      'topics_pick',
      'topics_pick.other',
      'score:first',
      'band:first',
      'score:second',
    ]);
    expect(rows.length).to.equal(26);
    const col = (name: string) => header.indexOf(name);
    responses.forEach((response, i) => {
      const row = rows[i + 1]!;
      expect(row.slice(0, 5)).to.deep.equal([
        response.id,
        String(response.surveyVersion),
        response.locale,
        response.startedAt,
        response.submittedAt,
      ]);
      expect(row[col('role')]).to.equal(response.answers.role);
      const m1 = response.answers.m1 as Record<string, number | string> | undefined;
      expect(row[col('m1.row2')]).to.equal(m1?.row2 === undefined ? '' : String(m1.row2));
      const topics = response.answers.topics_pick as string[] | undefined;
      expect(row[col('topics_pick')]).to.equal(topics ? topics.join('|') : '');
      expect(row[col('score:first')]).to.equal(String(response.scores?.first?.score ?? ''));
      const consent = response.answers.consent;
      expect(row[col('consent')]).to.equal(consent === undefined ? '' : String(consent));
    });
  });

  it('gives at most 2000 columns to answers no definition names: the ones in the most responses, the rest of a row as JSON in a last column', () => {
    const base = {
      surveyVersion: 1,
      locale: 'pl' as const,
      startedAt: '2024-03-01T10:00:00Z',
      submittedAt: '2024-03-01T10:00:00Z',
    };
    const id = (i: number) => `6f1c2a4e-8b3d-4c5a-9e7f-${String(i).padStart(12, '0')}`;
    // Three responses with 1000 keys of their own each (3000 columns), sent first; then two
    // with the survey's own answers, a matrix and a score.
    const flood = [0, 1, 2].map((n) => ({
      ...base,
      id: id(n),
      answers: Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`x${n}_${i}`, `=${i}`])),
    }));
    const real = [3, 4].map((n) => ({
      ...base,
      id: id(n),
      answers: { overall: n, talks: { t1: 5 }, comments: 'ok' },
      scores: { s: { score: 50, band: 1 } },
    }));
    const rows = readCsv(responsesCsv([], [...flood, ...real]), ';');
    const header = rows[0]!;
    expect(header.length).to.equal(5 + 2000 + 1);
    expect(header.at(-1)).to.equal('answers:more');
    // Found in two responses each, they all get a column, though they came last.
    expect(header.slice(-6, -1)).to.deep.equal(['overall', 'talks.t1', 'comments', 'score:s', 'band:s']);
    expect(header.slice(5, 7)).to.deep.equal(['x0_0', 'x0_1'], 'then the first seen');
    expect(rows[4]!.slice(-6)).to.deep.equal(['3', '5', 'ok', '50', '1', '']);
    // Every answer is in the file: in its column, or in the last one.
    flood.forEach((response, n) => {
      const row = rows[n + 1]!;
      const inColumns = Object.fromEntries(header.slice(5, -1).flatMap((h, i) => (row[i + 5] ? [[h, row[i + 5]]] : [])));
      const more = row.at(-1) ? (JSON.parse(row.at(-1)!) as Record<string, string>) : {};
      const written = { ...inColumns, ...more };
      expect(Object.keys(written).sort()).to.deep.equal(Object.keys(response.answers).sort(), `response ${n}`);
      for (const [key, value] of Object.entries(inColumns)) expect(value).to.equal(`'${response.answers[key]}`);
      for (const [key, value] of Object.entries(more)) expect(value).to.equal(response.answers[key]);
    });
    expect(Object.keys(JSON.parse(rows[3]!.at(-1)!) as object)).to.have.length(1000, 'the third response: none of its own got a column');
  });

  it('counts only the first 20 000 different keys to choose those columns; later ones go into the last column, still every answer in the file', () => {
    const base = { surveyVersion: 1, locale: 'pl' as const, startedAt: '2024-03-01T10:00:00Z', submittedAt: '2024-03-01T10:00:00Z' };
    // Eleven responses of 2000 keys of their own: the eleventh's come after 20 000 others, and
    // a key of it that later responses share still gets no column (it was never counted).
    const responses = Array.from({ length: 11 }, (_, n) => ({
      ...base,
      id: `6f1c2a4e-8b3d-4c5a-9e7f-${String(n).padStart(12, '0')}`,
      answers: Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`k${n}_${i}`, i])),
    }));
    const late = { ...base, id: '6f1c2a4e-8b3d-4c5a-9e7f-999999999999', answers: { k10_0: 1, k0_0: 2 } };
    const rows = readCsv(responsesCsv([], [...responses, late, { ...late, id: '6f1c2a4e-8b3d-4c5a-9e7f-999999999998' }]), ';');
    const header = rows[0]!;
    expect(header.length).to.equal(5 + 2000 + 1);
    expect(header[5], 'the most frequent counted key first').to.equal('k0_0');
    expect(header).to.not.include('k10_0');
    [...responses, late].forEach((response, n) => {
      const row = rows[n + 1]!;
      const inColumns = Object.fromEntries(header.slice(5, -1).flatMap((h, i) => (row[i + 5] ? [[h, Number(row[i + 5])]] : [])));
      const more = row.at(-1) ? (JSON.parse(row.at(-1)!) as Record<string, number>) : {};
      expect({ ...inColumns, ...more }, `response ${n}`).to.deep.equal(response.answers);
    });
  });

  it("is the collector's export format: every text quoted, numbers bare, consent true/false, band labels in the definition's language", () => {
    const partnership = partnershipSelfAssessment();
    const response = {
      id: '6f1c2a4e-8b3d-4c5a-9e7f-0a1b2c3d4e5f',
      surveyId: partnership.id,
      surveyVersion: 1,
      locale: 'en' as const,
      startedAt: '2024-03-01T10:00:00Z',
      submittedAt: '2024-03-01T10:03:00Z',
      answers: { sector: 'ngo', a1: 5, a2: 4, a3: 4, a4: 4, comments: '-1 "nie"' },
      scores: { strategic: { score: 75, band: 2 } },
    };
    const lines = responsesCsv(partnership, [response]).split('\r\n');
    const header = lines[0]!.slice(1).split(';');
    expect(lines[0]!.startsWith('\uFEFF"id";"surveyVersion";"locale";"startedAt";"submittedAt";"sector";"cross_sector";"a1";')).to.equal(
      true,
    );
    expect(header.slice(-4)).to.deep.equal(['"score:strategic"', '"band:strategic"', '"score:relationship"', '"band:relationship"']);
    const cells = lines[1]!.split(';');
    const at = (name: string) => cells[header.indexOf(`"${name}"`)];
    expect(cells.slice(0, 5)).to.deep.equal([`"${response.id}"`, '1', '"en"', '"2024-03-01T10:00:00Z"', '"2024-03-01T10:03:00Z"']);
    expect([at('sector'), at('a1'), at('b1'), at('score:strategic'), at('band:strategic')]).to.deep.equal([
      '"ngo"',
      '5',
      '""',
      '75',
      '"Mocna strona"',
    ]);
    expect(at('comments'), 'quotes doubled, a formula defused').to.equal(`"'-1 ""nie"""`);
    expect(lines[2]).to.equal('');
  });
});

describe('summaryCsv()', () => {
  it('lists counts, shares, n, means and the flags, with the recommendation score rounded', () => {
    const definition = benchmarkDefinition();
    const responses = generateResponses(definition, 60, { seed: 4 });
    const result = aggregate(definition, responses);
    const rows = readCsv(summaryCsv(result, 'en'), ',');
    expect(rows[0]).to.deep.equal([
      'ID',
      'Question or area',
      'Item',
      'Count',
      'Share (%)',
      'Responses',
      'Mean',
      'Standard deviation',
      'Notes',
      'Lowest',
      'Highest',
    ]);
    expect(new Set(rows.map((r) => r.length)), 'every line as long as the header').to.deep.equal(new Set([11]));
    const npsSummary = result.report.questions.find((q) => q.question.id === 'nps')!;
    const npsRow = rows.find((r) => r[0] === 'nps' && r[2] === 'Recommendation score')!;
    expect(npsRow[5]).to.equal(String((npsSummary as { n: number }).n));
    expect(npsRow[6]).to.equal(String(Math.round((npsSummary as { score: number }).score)));
    const s1 = result.report.questions.find((q) => q.question.id === 's1') as { mean: number; divergent: boolean };
    const s1Mean = rows.find((r) => r[0] === 's1' && r[2] === 'Mean')!;
    expect(Number(s1Mean[6])).to.be.closeTo(s1.mean, 0.0005);
    expect(s1Mean[8]).to.equal(s1.divergent ? 'divergent views' : '');
    const band = rows.find((r) => r[0] === 'first' && r[2] === 'Wysoki')!;
    expect(Number(band[3])).to.equal(result.report.dimensions[0]!.bands[2]!.count);
    expect(band[5], 'the band row carries its n').to.equal(String(result.report.dimensions[0]!.n));
    // The partnership-level spread BRIEF asks for, and the people left without a score.
    const first = result.report.dimensions[0]!;
    const score = rows.find((r) => r[0] === 'first' && r[2] === 'Score (0–100)')!;
    expect(score.slice(9).map(Number)).to.deep.equal([first.min, first.max]);
    expect(first.max! - first.min!, 'a real spread').to.be.greaterThan(0);
    const unscored = rows.find((r) => r[0] === 'first' && r[2] === 'No score (too few answers on the scale)');
    if (first.unscored) expect(Number(unscored![3])).to.equal(first.unscored);
    else expect(unscored).to.equal(undefined);
  });

  it('computes shares from the counts (201 of 400 is 50.3%) and leaves them empty without answers', () => {
    const definition = {
      id: 'shares',
      title: 'Udziały',
      pages: [
        {
          id: 'p',
          questions: [
            {
              id: 'c',
              type: 'choice' as const,
              title: 'C',
              options: [
                { value: 'a', label: 'A' },
                { value: 'b', label: 'B' },
              ],
            },
            { id: 'n', type: 'nps' as const, title: 'N' },
          ],
        },
      ],
    };
    const responses = Array.from({ length: 400 }, (_, i) => ({
      id: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
      surveyId: 'shares',
      surveyVersion: 1,
      locale: 'pl' as const,
      startedAt: '2016-04-18T10:00:00.000Z',
      submittedAt: '2016-04-18T10:05:00.000Z',
      answers: { c: i < 201 ? 'a' : 'b' },
    }));
    const rows = readCsv(summaryCsv(aggregate(definition, responses), 'en'), ',');
    expect(rows.filter((r) => r[0] === 'c').map((r) => r.slice(2, 6))).to.deep.equal([
      ['A', '201', '50.3', '400'],
      ['B', '199', '49.8', '400'],
    ]);
    const promoters = rows.find((r) => r[0] === 'n' && r[2] === 'Promoters (9–10)')!;
    expect(promoters.slice(3, 6), 'no answers: no share').to.deep.equal(['0', '', '0']);
  });
  it('counts "not applicable" in matrix rows, as the table on screen does', () => {
    const definition = {
      id: 'opole',
      title: 'Konferencja',
      pages: [
        {
          id: 'p',
          questions: [
            {
              id: 'talks',
              type: 'matrix' as const,
              title: 'Wystąpienia',
              scale: 'quality5' as const,
              notApplicable: true,
              rows: [
                { id: 'k', label: 'Otwarcie' },
                { id: 'w', label: 'Warsztat' },
              ],
            },
          ],
        },
      ],
    };
    const responses = Array.from({ length: 7 }, (_, i) => ({
      id: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
      surveyId: 'opole',
      surveyVersion: 1,
      locale: 'pl' as const,
      startedAt: '2016-04-18T10:00:00.000Z',
      submittedAt: '2016-04-18T10:05:00.000Z',
      answers: { talks: { k: 'na', w: i < 2 ? 'na' : 4 } },
    }));
    const rows = readCsv(summaryCsv(aggregate(definition, responses), 'pl'), ';');
    expect(rows.filter((r) => r[0]!.startsWith('talks.')).map((r) => r.slice(0, 7))).to.deep.equal([
      ['talks.k', 'Wystąpienia', 'Otwarcie', '', '', '0', ''],
      ['talks.k', 'Wystąpienia', 'Otwarcie: Nie dotyczy – nie było mnie', '7', '', '', ''],
      ['talks.w', 'Wystąpienia', 'Warsztat', '', '', '5', '4'],
      ['talks.w', 'Wystąpienia', 'Warsztat: Nie dotyczy – nie było mnie', '2', '', '', ''],
    ]);
  });
});

describe('summaryCsv() with a breakdown', () => {
  const partnership = partnershipSelfAssessment();
  let serial = 0;
  const response = (answers: Record<string, string | number>) => ({
    id: `00000000-0000-4000-8000-${(++serial).toString(16).padStart(12, '0')}`,
    surveyId: partnership.id,
    surveyVersion: 1,
    locale: 'pl' as const,
    startedAt: '2016-04-18T10:00:00.000Z',
    submittedAt: '2016-04-18T10:05:00.000Z',
    answers,
  });
  // The figures of the report test "in a shown group, hides a mean that fewer than 5 people
  // gave", plus two small groups (3 and 2 people) that are hidden.
  const responses = [
    ...Array.from({ length: 9 }, (_, i) => response({ sector: 'jst', cross_sector: 'yes', a1: 1 + (i % 5), a2: 4 })),
    ...Array.from({ length: 8 }, (_, i) => response({ sector: 'ngo', a1: 2, ...(i === 0 ? { a2: 1 } : {}) })),
    ...Array.from({ length: 3 }, () => response({ sector: 'business', a1: 5 })),
    ...Array.from({ length: 2 }, () => response({ sector: 'other_sector', a1: 5 })),
  ];
  const rows = readCsv(summaryCsv(aggregate(partnership, responses, { segmentBy: 'sector' }), 'en'), ',');
  const find = (id: string, item: string) => rows.find((r) => r[0] === id && r[2] === item)!;

  it('adds four columns per shown group, named with its n', () => {
    expect(rows[0]!.slice(11)).to.deep.equal(
      ['Local government or one of its units (n = 9)', 'Non-governmental organisation (n = 8)'].flatMap((group) =>
        ['Count', 'Share (%)', 'Responses', 'Mean'].map((column) => `${group}: ${column}`),
      ),
    );
    expect(new Set(rows.map((r) => r.length)), 'every line as long as the header').to.deep.equal(new Set([19]));
  });

  it('carries what the breakdown tables show, with "–" and "fewer than 5" where the screen has them', () => {
    expect(find('a1', 'Mean').slice(11), 'n and mean per group').to.deep.equal(['', '', '9', '2.778', '', '', '8', '2']);
    // One NGO answered a2: its mean and exact n would give that answer away.
    // And the local governments' mean: the overall one minus 9 × 4 would give it away too.
    expect(find('a2', 'Mean').slice(11)).to.deep.equal(['', '', '9', '–', '', '', 'fewer than 5', '–']);
    expect(find('cross_sector', 'Yes').slice(11), 'count and share; nobody in the NGO group was asked').to.deep.equal([
      '9',
      '100',
      '',
      '',
      '–',
      '–',
      '',
      '',
    ]);
    expect(find('strategic', 'Score (0–100)').slice(11), 'two of six items answered: no scores').to.deep.equal([
      '',
      '',
      '',
      '–',
      '',
      '',
      '',
      '–',
    ]);
    expect(find('a1', 'Strongly agree').slice(11), 'no group figures where the screen has none').to.deep.equal(Array(8).fill(''));
    expect(
      rows.filter((r) => r[0] === 'sector' && r[2] !== 'Break down by question').every((r) => r.slice(11).every((c) => c === '')),
      'the question broken down by has no breakdown of its own',
    ).to.equal(true);
    const note = find('sector', 'Break down by question');
    expect(note[8]).to.include('To protect anonymity, 2 groups are not shown.');
    expect(note[8]).to.include('their number by “fewer than 5”');
    expect(rows[0]!.join(), 'hidden groups get no columns').to.not.include('Business');
  });
});

describe('resultsCsv()', () => {
  it('writes plain spaces where the screen binds one-letter words, so the file can be searched', () => {
    const definition = partnershipSelfAssessment();
    const model = new SurveyModel(definition);
    model.setAnswer('a1', 5);
    const csv = resultsCsv(definition, { answers: model.submittedAnswers }, model.dimensionResults(), 'pl');
    expect(csv, 'Polish text with one-letter words').to.match(/ [wiz] /);
    expect(csv).not.to.contain('\u00a0');
  });

  it("lists the respondent's own answers with their labels, then each dimension's score and band", () => {
    const definition = partnershipSelfAssessment();
    const model = new SurveyModel(definition);
    const answers = {
      sector: 'ngo',
      a1: 5,
      a2: 4,
      a3: 4,
      a4: 3,
      a5: 4,
      a6: 4,
      b1: 2,
      b2: 'na',
      b3: 2,
      b4: 3,
      b5: 2,
      b6: 1,
      b7: 2,
      comments: 'Dobra "współpraca"; dziękuję',
    };
    for (const [id, value] of Object.entries(answers)) model.setAnswer(id, value);
    const rows = readCsv(resultsCsv(definition, { answers: model.submittedAnswers }, model.dimensionResults(), 'pl'), ';');
    expect(rows[0]).to.deep.equal(['Identyfikator', 'Pytanie lub obszar', 'Wartość', 'Opis', 'Zalecenie']);
    expect(new Set(rows.map((r) => r.length)), 'every line has the five columns').to.deep.equal(new Set([5]));
    expect(rows.find((r) => r[0] === 'sector')).to.deep.equal([
      'sector',
      'Sektor reprezentowanej organizacji',
      'ngo',
      'Organizacja pozarządowa',
      '',
    ]);
    expect(rows.find((r) => r[0] === 'b2')!.slice(2)).to.deep.equal(['na', 'Nie wiem / nie dotyczy', '']);
    expect(rows.find((r) => r[0] === 'a1')!.slice(2)).to.deep.equal(['5', 'Zdecydowanie się zgadzam', '']);
    expect(rows.find((r) => r[0] === 'comments')![2]).to.equal('Dobra "współpraca"; dziękuję');
    // A: 5,4,4,3,4,4 → mean 4 → 75; B: 2,2,3,2,1,2 (B2 N/A) → mean 2 → 25.
    const advice = (id: string, band: number) =>
      (definition.scoring!.dimensions.find((d) => d.id === id)!.bands[band]!.advice as { pl: string }).pl;
    expect(rows.find((r) => r[0] === 'strategic')).to.deep.equal([
      'strategic',
      'Zarządzanie strategiczne',
      '75',
      'Mocna strona',
      advice('strategic', 2),
    ]);
    expect(rows.find((r) => r[0] === 'relationship')).to.deep.equal([
      'relationship',
      'Zarządzanie relacjami',
      '25',
      'Wymaga uwagi',
      advice('relationship', 0),
    ]);
  });
});
