import { expect } from '@open-wc/testing';
import { SurveyModel, uuid } from '../../src/engine/index.js';
import { parseResponse } from '../../src/schema/index.js';
import { everyType } from '../schema/fixtures.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const meta = {
  id: '3b241101-e2bb-4255-8caf-4136c566a962',
  locale: 'en' as const,
  startedAt: '2016-05-12T09:30:00.000Z',
  submittedAt: '2016-05-12T09:41:00.000Z',
};

describe('SurveyModel.toResponse', () => {
  it('carries the survey id and version, the locale and both times', () => {
    const response = new SurveyModel(everyType()).toResponse(meta);
    expect(response).to.deep.equal({ ...meta, surveyId: 'zmp-opole-2016', surveyVersion: 2, answers: {} });
    const { version: _dropped, ...unversioned } = everyType();
    expect(new SurveyModel(unversioned).toResponse(meta).surveyVersion).to.equal(1);
  });

  it('submits only shown, answered questions, in survey order', () => {
    const m = new SurveyModel(everyType());
    m.setAnswer('consent', true);
    m.setAnswer('comment', 'Dobrze');
    m.setAnswer('overall', 10);
    m.setAnswer('email', '');
    m.setAnswer('topics', []);
    m.setAnswer('talks', {});
    m.setAnswer('c_lt', 'hidden: overall is not below 3');
    m.setAnswer('c_answered', 'shown: comment is answered');
    const response = m.toResponse(meta);
    expect(Object.keys(response.answers)).to.deep.equal(['overall', 'comment', 'consent', 'c_answered']);
    expect(response.answers).to.deep.equal({ overall: 10, comment: 'Dobrze', consent: true, c_answered: 'shown: comment is answered' });
  });

  it('submits an e-mail address trimmed, as it was checked', () => {
    const m = new SurveyModel(everyType());
    m.setAnswer('email', '  sekretariat@gmina.pl ');
    expect(m.toResponse(meta).answers.email).to.equal('sekretariat@gmina.pl');
  });

  it('leaves out an unticked consent and blank text', () => {
    const m = new SurveyModel(everyType());
    m.setAnswer('consent', false);
    m.setAnswer('comment', '   ');
    expect(m.toResponse(meta).answers).to.deep.equal({});
  });

  it('includes the "Other" text only when "other" is chosen', () => {
    const m = new SurveyModel(everyType());
    m.setAnswer('topics', ['other', 'energy']);
    m.setAnswer('topics.other', 'Cyfryzacja');
    m.setAnswer('role.other', 'Sołtys');
    m.setAnswer('role', 'mayor');
    expect(m.toResponse(meta).answers).to.deep.equal({ role: 'mayor', topics: ['energy', 'other'], 'topics.other': 'Cyfryzacja' });
    m.setAnswer('role', 'other');
    m.setAnswer('topics', ['energy']);
    expect(m.toResponse(meta).answers).to.deep.equal({ role: 'other', 'role.other': 'Sołtys', topics: ['energy'] });
  });

  it('includes scores only for dimensions that have one', () => {
    const m = new SurveyModel(everyType());
    m.setAnswer('overall', 10);
    expect(m.toResponse(meta)).to.not.have.property('scores');
    // items: overall, workshop, talks.t1, talks.t2, nps = 5; 4 answered
    m.setAnswer('workshop', 4);
    m.setAnswer('talks', { t1: 5, t2: 'na' });
    m.setAnswer('nps', 5);
    // (1 + 0.75 + 1 + 0.5) / 4 = 81.25 → 81
    expect(m.toResponse(meta).scores).to.deep.equal({ quality: { score: 81, band: 2 } });
  });

  it('produces a response that parseResponse accepts', () => {
    const m = new SurveyModel(everyType());
    for (const [id, value] of Object.entries({
      overall: 7,
      workshop: 'na',
      venue: 3,
      pace: 0,
      nps: 9,
      role: 'other',
      'role.other': 'Sołtys',
      topics: ['water', 'other'],
      'topics.other': 'Drogi',
      region: 'opolskie',
      comment: 'Dobrze',
      email: 'a@b.pl',
      talks: { t1: 1, t2: 'na' },
      consent: true,
    }))
      expect(m.setAnswer(id, value), id).to.equal(true);
    const response = m.toResponse(meta);
    expect(parseResponse(JSON.parse(JSON.stringify(response)))).to.deep.equal({ ok: true, value: response });
  });
});

describe('uuid', () => {
  it('makes distinct v4 UUIDs', () => {
    const ids = Array.from({ length: 200 }, uuid);
    for (const id of ids) expect(id).to.match(UUID_V4);
    expect(new Set(ids).size).to.equal(200);
  });

  it('makes v4 UUIDs from getRandomValues where randomUUID is missing (a page served over plain http)', () => {
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true, writable: true });
    try {
      expect(crypto.randomUUID).to.equal(undefined);
      const ids = Array.from({ length: 500 }, uuid);
      for (const id of ids) expect(id).to.match(UUID_V4);
      expect(new Set(ids).size).to.equal(500);
      // The version and variant bits are forced; the other 122 bits vary.
      const variants = new Set(ids.map((id) => id[19]));
      expect([...variants].every((v) => '89ab'.includes(v!))).to.equal(true);
      expect(variants.size).to.be.greaterThan(1);
    } finally {
      delete (crypto as { randomUUID?: unknown }).randomUUID;
    }
    expect(typeof crypto.randomUUID).to.equal('function');
  });
});
