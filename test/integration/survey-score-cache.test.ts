import path from 'node:path';
import type { Database } from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seedPeople, seedSurvey } from '../support/survey-seed';
import { tmpWorkspace } from '../support/workspace';

/**
 * The survey score cache (migration 006, services/survey/score-cache.ts) must always equal what the
 * answers say (P4.7 analysis, P6.1 appraisal). After every write path the cached tables are compared with
 * a straightforward calculation over survey_answers written here, independently of the cache's SQL.
 */
const FIX = path.resolve(__dirname, '../fixtures/survey');

type Row = {
  rid: number;
  sid: number;
  sp: number | null;
  at: string | null;
  qid: number;
  type: string;
  pos: number;
  num: number | null;
};

function expected(db: Database) {
  const answers = db
    .prepare(
      `SELECT r.id AS rid, r.survey_id AS sid, r.salesperson_id AS sp, r.submitted_at AS at, a.question_id AS qid, q.type, q.position AS pos, a.value_num AS num
       FROM survey_responses r LEFT JOIN survey_answers a ON a.response_id = r.id LEFT JOIN survey_questions q ON q.id = a.question_id`,
    )
    .all() as Row[];
  const questions = db
    .prepare('SELECT id, survey_id AS sid, type, position FROM survey_questions ORDER BY survey_id, position')
    .all() as { id: number; sid: number; type: string }[];
  const firstNps = new Map<number, number>();
  for (const q of questions) if (q.type === 'nps' && !firstNps.has(q.sid)) firstNps.set(q.sid, q.id);
  const scores = new Map<
    number,
    {
      response_id: number;
      survey_id: number;
      salesperson_id: number | null;
      day: string | null;
      nps: number | null;
      sat_n: number;
      sat_sum: number;
      sat_top: number;
    }
  >();
  const counts = new Map<string, { question_id: number; value_num: number; n: number }>();
  for (const a of answers) {
    let s = scores.get(a.rid);
    if (!s)
      scores.set(
        a.rid,
        (s = {
          response_id: a.rid,
          survey_id: a.sid,
          salesperson_id: a.sp,
          day: a.at === null ? null : a.at.slice(0, 10),
          nps: null,
          sat_n: 0,
          sat_sum: 0,
          sat_top: 0,
        }),
      );
    if (a.num === null) continue;
    if (a.qid === firstNps.get(a.sid)) s.nps = a.num;
    if (a.type === 'likert5' && a.num >= 1 && a.num <= 5) {
      s.sat_n++;
      s.sat_sum += a.num;
      if (a.num >= 4) s.sat_top++;
    }
    const key = `${a.qid}:${a.num}`;
    const c = counts.get(key) ?? { question_id: a.qid, value_num: a.num, n: 0 };
    c.n++;
    counts.set(key, c);
  }
  const byKey = <T>(list: T[], k: (x: T) => string) => list.sort((x, y) => (k(x) < k(y) ? -1 : k(x) > k(y) ? 1 : 0));
  return {
    scores: [...scores.values()].sort((x, y) => x.response_id - y.response_id),
    counts: byKey(
      [...counts.values()],
      (c) => `${String(c.question_id).padStart(8, '0')}:${String(c.value_num).padStart(4, '0')}`,
    ),
  };
}

function cached(db: Database) {
  return {
    scores: db
      .prepare(
        'SELECT response_id, survey_id, salesperson_id, day, nps, sat_n, sat_sum, sat_top FROM survey_response_scores ORDER BY response_id',
      )
      .all(),
    counts: db
      .prepare(
        "SELECT question_id, value_num, n FROM survey_value_counts ORDER BY printf('%08d', question_id), printf('%04d', value_num)",
      )
      .all(),
  };
}

const Q = [
  { code: 'q1', text: 'Overall', type: 'likert5' as const },
  { code: 'q2', text: 'Delivery', type: 'likert5' as const },
  { code: 'ces', text: 'Ease', type: 'ces7' as const },
  { code: 'nps', text: 'Recommend', type: 'nps' as const },
  { code: 'nps2', text: 'Recommend as employer', type: 'nps' as const },
  { code: 'c', text: 'Comments', type: 'text' as const },
];

function setup() {
  const w = tmpWorkspace();
  seedPeople(
    w.ws.db,
    [
      { no: 'E001', name: 'Ann', team: 'East' },
      { no: 'E002', name: 'Bob', team: 'West' },
    ],
    [
      { code: 'C1', name: 'Acme', owner: 'E001' },
      { code: 'C2', name: 'Brill', owner: 'E002' },
      { code: 'C3', name: 'Cobalt', owner: 'E002' },
    ],
  );
  const s = seedSurvey(w.ws.db, { name: 'Q3', start: '2026-07-01', end: '2026-09-30', status: 'running' }, Q, [
    {
      person: 'E001',
      submitted: '2026-07-02T09:30:00Z',
      answers: { q1: 5, q2: 4, ces: 6, nps: 10, nps2: 2, c: 'Fine' },
    },
    { person: 'E002', submitted: null, answers: { q1: 2, nps: 4 } },
    // a response with text only: it still has a score row (no NPS, no satisfaction answers)
    { person: null, submitted: '2026-08-01', answers: { c: 'No scores given' } },
  ]);
  return { ...w, ...s };
}

describe('survey score cache (P4.7, P6.1): always equal to the answers', () => {
  it('is filled on first read of data written behind the services (seeded SQL, the demo generator)', async () => {
    const { ws, call, surveyId } = setup();
    expect(cached(ws.db).scores).toEqual([]);
    const a = await call('survey/analyze', { surveyId });
    expect(a.responses).toBe(3);
    expect(cached(ws.db)).toEqual(expected(ws.db));
    expect(
      cached(ws.db).scores.find(
        (s) => (s as { nps: number | null }).nps === null && (s as { sat_n: number }).sat_n === 0,
      ),
    ).toBeTruthy();
  });

  it('phone entry adds, deleting a response removes, each kept in step without a rebuild', async () => {
    const { ws, call, surveyId, q } = setup();
    await call('survey/analyze', { surveyId });
    const customer = (code: string) =>
      (ws.db.prepare('SELECT id FROM customers WHERE code = ?').get(code) as { id: number }).id;
    const e1 = await call('survey/enter-response', {
      surveyId,
      customerId: customer('C1'),
      answers: [
        { questionId: q.q1, value: 4 },
        { questionId: q.nps, value: 9 },
        { questionId: q.q2, value: 'Very satisfied' },
      ],
    });
    expect(cached(ws.db)).toEqual(expected(ws.db));
    await call('survey/enter-response', {
      surveyId,
      customerId: customer('C2'),
      answers: [{ questionId: q.nps, value: 0 }],
    });
    expect(cached(ws.db)).toEqual(expected(ws.db));
    await call('survey/delete-response', { responseId: e1.responseId });
    expect(cached(ws.db)).toEqual(expected(ws.db));
    const a = await call('survey/analyze', { surveyId });
    // NPS answers left: 10, 4, 0 → 1 promoter, 2 detractors
    expect(a.nps).toMatchObject({ promoters: 1, detractors: 2, n: 3 });
  });

  it('a reordered questionnaire re-derives which NPS answer counts', async () => {
    const { ws, call, surveyId } = setup();
    await call('survey/analyze', { surveyId });
    const questions = (await call('survey/get', { surveyId })).questionList;
    const swapped = [...questions];
    const i = swapped.findIndex((x) => x.code === 'nps');
    [swapped[i], swapped[i + 1]] = [swapped[i + 1], swapped[i]];
    await call('survey/save-questions', {
      surveyId,
      questions: swapped.map(({ id, code, text, type }) => ({ id, code, text, type })),
    });
    expect(cached(ws.db)).toEqual(expected(ws.db));
    // the first NPS question is now "as employer": only the first response answered it (2, a detractor)
    const a = await call('survey/analyze', { surveyId });
    expect(a.nps).toMatchObject({ score: -100, n: 1 });
  });

  it('an import adds its responses; importing the same file again into that survey changes nothing', async () => {
    const { ws, call } = setup();
    await call('survey/list');
    const file = { path: path.join(FIX, 'surveymonkey-two-header-rows.csv') };
    const r = await call('survey/import', { file });
    expect(cached(ws.db)).toEqual(expected(ws.db));
    expect(cached(ws.db).scores.filter((s) => (s as { survey_id: number }).survey_id === r.survey)).toHaveLength(3);
    const again = await call('survey/import', { file, surveyId: r.survey! });
    expect(again.rows.inserted).toBe(0);
    expect(cached(ws.db)).toEqual(expected(ws.db));
  });

  it('notices responses added or deleted behind its back and rebuilds', async () => {
    const { ws, call, surveyId, q, responseIds } = setup();
    await call('survey/analyze', { surveyId });
    ws.db.prepare('DELETE FROM survey_responses WHERE id = ?').run(responseIds[1]);
    const rid = Number(
      ws.db.prepare("INSERT INTO survey_responses (survey_id, submitted_at) VALUES (?, '2026-09-01')").run(surveyId)
        .lastInsertRowid,
    );
    ws.db
      .prepare('INSERT INTO survey_answers (response_id, question_id, value_num) VALUES (?, ?, 9), (?, ?, 3)')
      .run(rid, q.nps, rid, q.q1);
    const a = await call('survey/analyze', { surveyId });
    expect(a).toMatchObject({ responses: 3, nps: { promoters: 2, n: 2 } });
    expect(cached(ws.db)).toEqual(expected(ws.db));
  });

  it('stays equal through random sequences of entries and deletions (property)', async () => {
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('enter' as const),
        q1: fc.option(fc.integer({ min: 1, max: 5 })),
        nps: fc.option(fc.integer({ min: 0, max: 10 })),
        nps2: fc.option(fc.integer({ min: 0, max: 10 })),
      }),
      fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        const { ws, call, surveyId, q } = setup();
        await call('survey/analyze', { surveyId });
        for (const o of ops) {
          if (o.kind === 'enter') {
            const answers = [
              { questionId: q.q1, value: o.q1 },
              { questionId: q.nps, value: o.nps },
              { questionId: q.nps2, value: o.nps2 },
            ].filter((x) => x.value !== null);
            if (!answers.length) continue;
            await call('survey/enter-response', { surveyId, answers });
          } else {
            const ids = ws.db.prepare('SELECT id FROM survey_responses ORDER BY id').pluck().all() as number[];
            if (ids.length) await call('survey/delete-response', { responseId: ids[o.pick % ids.length] });
          }
          expect(cached(ws.db)).toEqual(expected(ws.db));
        }
        ws.close();
      }),
      { numRuns: 25 },
    );
  });
});
