/* eslint-disable @typescript-eslint/no-explicit-any -- the answers are JSON documents checked field by field against hand-computed numbers */
import { describe, expect, it } from 'vitest';
import { seedPeople, seedSurvey } from '../support/survey-seed';
import { tmpWorkspace } from '../support/workspace';
import { cli } from '../support/cli';

const Q = [
  { code: 'sp', text: 'Who served you?', type: 'salesperson' as const },
  { code: 'q1', text: 'Overall', type: 'likert5' as const },
  { code: 'ces', text: 'Ease', type: 'ces7' as const },
  { code: 'ch', text: 'Channel', type: 'choice' as const, options: { choices: ['Visit', 'Web'] } },
  { code: 'nps', text: 'Recommend', type: 'nps' as const },
  { code: 'c', text: 'Comments', type: 'text' as const },
];

function small() {
  const w = tmpWorkspace();
  seedPeople(w.ws.db, [
    { no: 'E001', name: 'Ann', team: 'East' },
    { no: 'E002', name: 'Bob', team: 'West' },
  ]);
  const s = seedSurvey(w.ws.db, { name: 'Wave 2', start: '2026-07-01', end: '2026-09-30' }, Q, [
    { person: 'E001', submitted: '2026-07-02', answers: { q1: 5, ces: 7, ch: 1, nps: 10, c: 'Great service' } },
    { person: 'E001', submitted: '2026-07-03', answers: { q1: 4, ces: 5, ch: 1, nps: 9 } },
    { person: 'E002', submitted: '2026-08-01', answers: { q1: 2, ces: 2, ch: 2, nps: 3, c: 'Slow delivery' } },
    { person: 'E002', submitted: '2026-08-02', answers: { q1: 3, ch: 2, nps: 7 } },
  ]);
  return { ...w, ...s };
}

describe('survey analysis (P4.7 "analyse results", issue #5 items 6–9, 12)', () => {
  it('per question n, mean, distribution, CSAT, top-2-box; NPS with its interval; CES mean — by hand', async () => {
    const { call, surveyId } = small();
    const a = await call('survey/analyze', { surveyId });
    expect(a.responses).toBe(4);
    // NPS answers 10, 9, 3, 7: 2 promoters, 1 passive, 1 detractor → 25; var = 0.75 − 0.0625 = 0.6875
    expect(a.nps).toMatchObject({ score: 25, promoters: 2, passives: 1, detractors: 1, n: 4 });
    const half = 1.959963984540054 * 100 * Math.sqrt(0.6875 / 4);
    expect(a.nps.ci95![0]).toBeCloseTo(Math.max(-100, 25 - half), 9);
    expect(a.nps.ci95![1]).toBeCloseTo(Math.min(100, 25 + half), 9);
    const q1 = a.questions.find((q: any) => q.code === 'q1');
    expect(q1).toMatchObject({
      n: 4,
      mean: 3.5,
      csat: 50,
      top2: 50,
      distribution: { 1: 0, 2: 1, 3: 1, 4: 1, 5: 1 },
      tooSmall: true,
    });
    expect(a.questions.find((q: any) => q.code === 'ch')!.distribution).toEqual({ Visit: 2, Web: 2 });
    expect(a.ces).toBeCloseTo(14 / 3, 12);
    expect(a.bySalesperson.map((p: any) => [p.employeeNo, p.n, p.nps])).toEqual([
      ['E001', 2, 100],
      ['E002', 2, -50],
    ]);
  });

  it('crosstab with Pearson chi-square, compared with a hand-computed table', async () => {
    const { call, q, surveyId } = small();
    const x = await call('survey/crosstab', { surveyId, questionId: q.ch, dimension: 'team' });
    // East: Visit 2, Web 0; West: Visit 0, Web 2 → expected 1 in every cell → χ² = 4 × 1 = 4, df 1
    expect(x.rows.map((r: any) => [r.label, r.counts])).toEqual([
      ['East', [2, 0]],
      ['West', [0, 2]],
    ]);
    expect(x.test.chi2).toBeCloseTo(4, 12);
    expect(x.test.df).toBe(1);
    expect(x.test.p).toBeCloseTo(0.0455003, 6);
    expect(x.test.tooSmall).toBe(true);
  });

  it('breakdown by team, comments filtered by score, drivers, wave comparison', async () => {
    const { call, ws, surveyId } = small();
    const teams = await call('survey/breakdown', { surveyId, dimension: 'team' });
    expect(teams.map((t) => [t.label, t.n, t.nps, t.csat, t.mean])).toEqual([
      ['East', 2, 100, 100, 4.5],
      ['West', 2, -50, 0, 2.5],
    ]);
    const bad = await call('survey/comments', { surveyId, npsClass: 'detractor' });
    expect(bad.rows.map((r: any) => [r.text, r.npsScore, r.salesperson])).toEqual([['Slow delivery', 3, 'Bob']]);
    expect((await call('survey/comments', { surveyId, search: 'great' })).total).toBe(1);
    const d = await call('survey/drivers', { surveyId });
    // Overall vs NPS over the 4 responses: x = 5,4,2,3; y = 10,9,3,7 → r by hand
    const xs = [5, 4, 2, 3];
    const ys = [10, 9, 3, 7];
    const mx = 3.5;
    const my = 7.25;
    const r =
      xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0) /
      Math.sqrt(xs.reduce((s, x) => s + (x - mx) ** 2, 0) * ys.reduce((s, y) => s + (y - my) ** 2, 0));
    expect(d.drivers.find((x: any) => x.text === 'Overall')!.r).toBeCloseTo(r, 12);
    const earlier = seedSurvey(
      ws.db,
      { name: 'Wave 1' },
      Q,
      Array.from({ length: 4 }, () => ({ person: 'E001', answers: { nps: 0 } })),
    );
    ws.db.prepare('UPDATE surveys SET previous_wave_id = ? WHERE id = ?').run(earlier.surveyId, surveyId);
    const trend = await call('survey/trend', { surveyId });
    expect(trend.map((p) => p.nps.score)).toEqual([-100, 25]);
    // SE₁ = 0 (all detractors), SE₂ from above: z = 125 / SE₂
    expect(trend[1].change!.change).toBe(125);
    expect(trend[1].change!.z).toBeCloseTo(125 / (100 * Math.sqrt(0.6875 / 4)), 9);
    expect(trend[1].change!.tooSmall).toBe(true);
  });

  it('one click makes a call-back task for every detractor for their salesperson, once', async () => {
    const { call, surveyId } = small();
    expect(await call('survey/create-callbacks', { surveyId })).toEqual({
      created: 1,
      existing: 0,
      withoutSalesperson: 0,
    });
    expect(await call('survey/create-callbacks', { surveyId })).toEqual({
      created: 0,
      existing: 1,
      withoutSalesperson: 0,
    });
    const actions = await call('survey/actions', { surveyId });
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ kind: 'callback', ownerName: 'Bob', status: 'open' });
    const saved = await call('survey/save-action', {
      surveyId,
      finding: 'Delivery is slow',
      action: 'Weekly logistics review',
      status: 'in_progress',
      dueDate: '2026-12-01',
    });
    expect(saved).toMatchObject({ kind: 'improvement', status: 'in_progress' });
  });

  it('phone entry checks each answer against its question; bad input names the question; a survey with no answers is refused', async () => {
    const { call, attempt, ws, q, surveyId } = small();
    ws.db.prepare("UPDATE surveys SET status = 'running' WHERE id = ?").run(surveyId);
    const before = (ws.db.prepare('SELECT count(*) AS n FROM survey_answers').get() as { n: number }).n;
    const bad = await attempt('survey/enter-response', { surveyId, answers: [{ questionId: q.nps, value: 11 }] });
    expect(bad.ok || bad.error.code).toBe('survey/bad-answer');
    const unknown = await attempt('survey/enter-response', {
      surveyId,
      answers: [
        { questionId: q.sp, value: 'Nobody' },
        { questionId: q.q1, value: 4 },
      ],
    });
    expect(unknown.ok || unknown.error.code).toBe('survey/unknown-salesperson');
    expect((ws.db.prepare('SELECT count(*) AS n FROM survey_answers').get() as { n: number }).n).toBe(before);
    const ok = await call('survey/enter-response', {
      surveyId,
      answers: [
        { questionId: q.sp, value: 'E002' },
        { questionId: q.q1, value: 'Very satisfied' },
        { questionId: q.ch, value: 'Web' },
      ],
    });
    expect(ok.answers).toBe(3);
    const plan = await call('survey/save-plan', { name: 'Empty', method: 'phone' });
    const empty = await attempt('survey/analyze', { surveyId: plan.id });
    expect(empty.ok || empty.error.code).toBe('survey/no-answers');
  });

  it('CLI: survey analyze --json prints exactly the cli.md shape; wrong usage exits 2', async () => {
    const { dir, ws, surveyId } = small();
    ws.close();
    const r = cli(['--data-dir', dir, '--json', 'survey', 'analyze', '--survey', String(surveyId)]);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(expect.arrayContaining(['responses', 'nps', 'questions', 'bySalesperson']));
    expect(Object.keys(doc.nps)).toEqual(
      expect.arrayContaining(['score', 'promoters', 'passives', 'detractors', 'n', 'ci95']),
    );
    expect(Object.keys(doc.questions[0])).toEqual(
      expect.arrayContaining(['id', 'text', 'type', 'n', 'mean', 'csat', 'distribution']),
    );
    expect(Object.keys(doc.bySalesperson[0])).toEqual(
      expect.arrayContaining(['employeeNo', 'name', 'n', 'nps', 'ci95']),
    );
    expect(cli(['--data-dir', dir, 'survey', 'analyze']).status).toBe(2);
    const missing = cli(['--data-dir', dir, '--json', 'survey', 'analyze', '--survey', '999']);
    expect(missing.status).toBe(1);
    expect(JSON.parse(missing.stdout).error.code).toBe('survey/not-found');
  });
});
