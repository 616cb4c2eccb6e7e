import { describe, expect, it } from 'vitest';
import type { PeerRating, AppraisalPerson } from '../../src-main/contract/appraisal';
import { schemeDefinition } from '../../src-main/contract/appraisal-scheme';
import { Workspace } from '../../src-main/db/workspace';
import { dispatch } from '../../src-main/runtime/dispatch';
import { defaultScheme } from '../../src-main/services/appraisal/default-scheme';
import { HAND_RATINGS, seedAppraisalCompany, decideOutcomes } from '../support/appraisal-fixture';
import { tmpDir, tmpWorkspace } from '../support/workspace';
import { cli } from '../support/cli';

/**
 * P6.1 teamwork, "rated by the manager, optionally with peers". Every expected number below is worked
 * out by hand from the fixture (test/support/appraisal-fixture.ts), not with the services' helpers:
 * S1's KPI scores without teamwork are completion 115 (30%), growth 90 (10%), margin 80 (10%),
 * complaints 100 (10%), initiative 80 (5%), communication 100 (5%), selling 80 (10%): Σ weight × score
 * = 3450 + 900 + 800 + 1000 + 400 + 500 + 800 = 7850 over 80 + teamwork's 10 = 90 (CSAT has no data).
 * S3's: completion 100 (30%), margin 40 (10%), complaints 100 (10%), initiative, communication and
 * selling 60 (5 + 5 + 10%): 3000 + 400 + 1000 + 300 + 300 + 600 = 5600 over 70 + 10 = 80.
 * Default rubric: level 1…5 → 20, 40, 60, 80, 100; the teamwork peer weight is 30%, minimum 2 peers.
 */
const S1_REST = 7850;
const S3_REST = 5600;
const r2 = (x: number) => Math.round(x * 100) / 100;

function addColleague(db: import('better-sqlite3').Database): void {
  // S5: active, no target or sales, so not appraised, but a colleague who can rate
  const at = '2026-01-01T00:00:00Z';
  db.prepare(
    "INSERT INTO staff (id, employee_no, name, team_id, title, hire_date, status, created_at, updated_at) VALUES (5, 'S5', '陈静', 1, '销售助理', '2021-01-01', 'active', ?, ?)",
  ).run(at, at);
}

async function rated(lang: 'en' | 'zh-CN' = 'en') {
  const w = tmpWorkspace(lang);
  seedAppraisalCompany(w.ws.db);
  addColleague(w.ws.db);
  await w.call('appraisal/compute', { quarter: '2026Q3' });
  await w.call('appraisal/rate-many', { quarter: '2026Q3', ratings: HAND_RATINGS });
  const person = async (no: string) => (await w.call('appraisal/show', { quarter: '2026Q3', person: no })).people[0];
  const count = (table: string) => (w.ws.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { ...w, person, count };
}

describe('P6.1 teamwork with peer ratings: the effective rating and everything downstream', () => {
  it('manager 4 · peers 3.5 (2) · 30% → 3.85, scored 77 between the rubric levels; the total follows', async () => {
    const { call, person, ws } = await rated();
    await call('appraisal/rate', { quarter: '2026Q3', person: 'S1', kpi: 'teamwork', score: 4 });
    // manager alone: (7850 + 10 × 80) / 90 = 96.11
    expect((await person('S1')).total).toBe(r2((S1_REST + 10 * 80) / 90));
    await call('appraisal/peer-rate', {
      quarter: '2026Q3',
      person: 'S1',
      rater: 'S2',
      kpi: 'teamwork',
      level: 4,
      comment: '乐于分享客户经验',
    });
    // one peer is fewer than the minimum of two: still the manager's rating alone
    let a = await person('S1');
    expect(a.kpis.teamwork).toMatchObject({
      value: 4,
      score: 80,
      rating: 4,
      peers: { mean: 4, count: 1, weight: 30, min: 2, counted: false },
    });
    expect(a.total).toBe(96.11);
    const after = await call('appraisal/peer-rate', {
      quarter: '2026Q3',
      person: 'S1',
      rater: 'S3',
      kpi: 'teamwork',
      level: 3,
    });
    a = await person('S1');
    expect(after.total).toBe(a.total);
    // 0.7 × 4 + 0.3 × (4 + 3) / 2 = 2.8 + 1.05 = 3.85 → 60 + 0.85 × 20 = 77
    expect(a.kpis.teamwork).toMatchObject({
      value: 3.85,
      score: 77,
      rating: 4,
      peers: { mean: 3.5, count: 2, counted: true },
    });
    // (7850 + 10 × 77) / 90 = 8620 / 90 = 95.78
    expect(a.total).toBe(95.78);
    expect(a.grade).toBe('S');
    expect(a.complete).toBe(true);
    // the stored KPI value is the effective rating (history and exports read it)
    expect(
      ws.db.prepare("SELECT value, score FROM review_kpi_values WHERE staff_id = 1 AND kpi_key = 'teamwork'").get(),
    ).toEqual({ value: 3.85, score: 77 });
    // a third peer: mean (4 + 3 + 2) / 3 = 3 → 0.7 × 4 + 0.3 × 3 = 3.7 → 74; (7850 + 740) / 90 = 95.44
    await call('appraisal/peer-rate', { quarter: '2026Q3', person: 'S1', rater: 'S5', kpi: 'teamwork', level: 2 });
    a = await person('S1');
    expect(a.kpis.teamwork).toMatchObject({ value: 3.7, score: 74, peers: { mean: 3, count: 3, counted: true } });
    expect(a.total).toBe(95.44);
  });

  it('peers can move the grade: S3 manager 4 → 80.00 (A); peers 1 and 1 → 0.7 × 4 + 0.3 × 1 = 3.1 → 62 → 77.75 (B)', async () => {
    const { call, person } = await rated();
    await call('appraisal/rate', { quarter: '2026Q3', person: 'S3', kpi: 'teamwork', score: 4 });
    let c = await person('S3');
    expect(c.total).toBe((S3_REST + 10 * 80) / 80);
    expect(c.grade).toBe('A');
    await call('appraisal/peer-rate', { quarter: '2026Q3', person: 'S3', rater: 'S1', kpi: 'teamwork', level: 1 });
    await call('appraisal/peer-rate', { quarter: '2026Q3', person: 'S3', rater: 'S2', kpi: 'teamwork', level: 1 });
    c = await person('S3');
    expect(c.kpis.teamwork).toMatchObject({ value: 3.1, score: 62 });
    expect(c.total).toBe((S3_REST + 10 * 62) / 80);
    expect(c.grade).toBe('B');
    // deleting one peer rating drops below the minimum: back to the manager alone
    const [one] = await call('appraisal/peer-ratings', { quarter: '2026Q3', person: 'S3' });
    const back = await call('appraisal/delete-peer-rating', { id: one.id });
    expect(back).toMatchObject({
      employeeNo: 'S3',
      total: 80,
      grade: 'A',
      kpis: { teamwork: { value: 4, score: 80, peers: { count: 1, counted: false } } },
    });
  });

  it('the rules see the effective rating too (a rule on teamwork below 3.9)', async () => {
    const { call, person } = await rated();
    const { definition } = await call('appraisal/scheme', { quarter: '2026Q3' });
    definition.rules.push({
      key: 'teamworkWarn',
      clause: 'P6.3',
      outcome: 'warning',
      enabled: true,
      supersedes: [],
      label: { 'zh-CN': '团队协作不足：警告', en: 'Teamwork below 3.9: warning' },
      when: [{ kind: 'kpi', kpi: 'teamwork', op: 'lt', value: 3.9, consecutive: 1 }],
    });
    await call('appraisal/save-scheme', { quarter: '2026Q3', definition });
    await call('appraisal/rate', { quarter: '2026Q3', person: 'S1', kpi: 'teamwork', score: 4 });
    const types = (p: AppraisalPerson) => p.outcomes.map((o) => o.type);
    expect(types(await person('S1'))).not.toContain('warning');
    await call('appraisal/peer-rate', { quarter: '2026Q3', person: 'S1', rater: 'S2', kpi: 'teamwork', level: 4 });
    await call('appraisal/peer-rate', { quarter: '2026Q3', person: 'S1', rater: 'S3', kpi: 'teamwork', level: 3 });
    // 3.85 < 3.9
    expect(types(await person('S1'))).toContain('warning');
  });

  it('peers alone never make a rating: without the manager the KPI stays unrated and the appraisal incomplete', async () => {
    const w = tmpWorkspace('en');
    seedAppraisalCompany(w.ws.db);
    await w.call('appraisal/compute', { quarter: '2026Q3' });
    await w.call('appraisal/peer-rate', { quarter: '2026Q3', person: 'S3', rater: 'S1', kpi: 'teamwork', level: 5 });
    await w.call('appraisal/peer-rate', { quarter: '2026Q3', person: 'S3', rater: 'S2', kpi: 'teamwork', level: 5 });
    const show = await w.call('appraisal/show', { quarter: '2026Q3' });
    const c = show.people.find((p) => p.employeeNo === 'S3')!;
    expect(c.kpis.teamwork).toMatchObject({
      value: null,
      score: null,
      rating: null,
      peers: { count: 2, mean: 5, counted: false },
    });
    expect(c.complete).toBe(false);
    // 3 people × 4 rated KPIs, none rated by the manager
    expect(show.summary.missingRatings).toBe(12);
    expect(show.status).toBe('draft');
    // S3 without any rated KPI: (3000 + 400 + 1000) / 50 = 88
    expect(c.total).toBe(88);
  });

  it('lists peer ratings with the raters’ names, and audits every change like the manager’s ratings', async () => {
    const { call, ws } = await rated();
    await call('appraisal/peer-rate', {
      quarter: '2026Q3',
      person: 'S1',
      rater: 's2',
      kpi: 'teamwork',
      level: 4,
      comment: '主动帮忙',
    });
    await call('appraisal/peer-rate', { quarter: '2026Q3', person: 'S1', rater: 'S2', kpi: 'teamwork', level: 3 });
    // the same again changes nothing and writes no audit row
    await call('appraisal/peer-rate', { quarter: '2026Q3', person: 'S1', rater: 'S2', kpi: 'teamwork', level: 3 });
    await call('appraisal/peer-rate', { quarter: '2026Q3', person: 'S2', rater: 'S5', kpi: 'teamwork', level: 2 });
    const all = await call('appraisal/peer-ratings', { quarter: '2026Q3' });
    expect(all.map((r) => [r.employeeNo, r.raterNo, r.raterName, r.level, r.comment])).toEqual([
      ['S1', 'S2', '李娜', 3, '主动帮忙'],
      ['S2', 'S5', '陈静', 2, null],
    ]);
    expect(await call('appraisal/peer-ratings', { quarter: '2026Q3', person: 'S2' })).toHaveLength(1);
    await call('appraisal/delete-peer-rating', { id: all[0].id });
    const audit = ws.db
      .prepare(
        "SELECT actor, entity_id AS id, field, old_value AS o, new_value AS n, reason FROM audit_log WHERE entity = 'review_peer_rating' ORDER BY rowid",
      )
      .all();
    expect(audit).toEqual([
      { actor: 'tester', id: '2026Q3:S1:teamwork:S2', field: 'level', o: null, n: '4', reason: '主动帮忙' },
      { actor: 'tester', id: '2026Q3:S1:teamwork:S2', field: 'level', o: '4', n: '3', reason: '主动帮忙' },
      { actor: 'tester', id: '2026Q3:S2:teamwork:S5', field: 'level', o: null, n: '2', reason: null },
      { actor: 'tester', id: '2026Q3:S1:teamwork:S2', field: 'level', o: '3', n: null, reason: 'deleted' },
    ]);
  });
});

describe('P6.1 peer ratings: refused input writes nothing and says why in the user’s language', () => {
  it('self-rating, unknown or inactive rater, a KPI without peers, a level outside the rubric, a missing rating', async () => {
    const { attempt, count } = await rated();
    const quarter = '2026Q3';
    const cases: [Record<string, unknown>, string, string][] = [
      [
        { person: 'S1', rater: 'S1', kpi: 'teamwork', level: 4 },
        'review/peer-self-rating',
        'S1 cannot rate themselves: peer ratings come from colleagues.',
      ],
      [
        { person: 'S1', rater: 'S9', kpi: 'teamwork', level: 4 },
        'review/rater-not-found',
        'No member of staff has the employee number S9, so they cannot rate a colleague.',
      ],
      [
        { person: 'S1', rater: 'S4', kpi: 'teamwork', level: 4 },
        'review/rater-inactive',
        '赵磊 (S4) has left and can no longer rate colleagues.',
      ],
      [
        { person: 'S1', rater: 'S2', kpi: 'initiative', level: 4 },
        'review/kpi-not-peer-rated',
        '"initiative" does not take peer ratings (its peer weight is 0). KPIs rated by peers: teamwork.',
      ],
      [
        { person: 'S1', rater: 'S2', kpi: 'completion', level: 4 },
        'review/kpi-not-rated',
        '"completion" is computed from data and cannot be rated by hand.',
      ],
      [
        { person: 'S1', rater: 'S2', kpi: 'charm', level: 4 },
        'review/unknown-kpi',
        expect.stringContaining('There is no KPI "charm"') as unknown as string,
      ],
      [
        { person: 'S1', rater: 'S2', kpi: 'teamwork', level: 6 },
        'review/rating-outside-rubric',
        '6 is not a level of the rubric of "teamwork" (levels: 1, 2, 3, 4, 5).',
      ],
      [
        { person: 'S1', rater: 'S2', kpi: 'teamwork', level: 3.5 },
        'review/rating-outside-rubric',
        '3.5 is not a level of the rubric of "teamwork" (levels: 1, 2, 3, 4, 5).',
      ],
      [
        { person: 'S4', rater: 'S2', kpi: 'teamwork', level: 3 },
        'review/person-not-in-review',
        'S4 is not part of the 2026Q3 appraisal.',
      ],
    ];
    for (const [input, code, message] of cases) {
      const r = await attempt('appraisal/peer-rate', { quarter, ...input });
      expect(!r.ok && r.error, code).toMatchObject({ code, message });
    }
    const zh = await attempt(
      'appraisal/peer-rate',
      { quarter, person: 'S1', rater: 'S1', kpi: 'teamwork', level: 4 },
      'zh-CN',
    );
    expect(!zh.ok && zh.error.message).toBe('S1 不能给自己评分：互评须由同事给出。');
    const zhInactive = await attempt(
      'appraisal/peer-rate',
      { quarter, person: 'S1', rater: 'S4', kpi: 'teamwork', level: 4 },
      'zh-CN',
    );
    expect(!zhInactive.ok && zhInactive.error.message).toBe('赵磊（S4）已离职，不能再评价同事。');
    const missing = await attempt('appraisal/delete-peer-rating', { id: 999 });
    expect(!missing.ok && missing.error).toMatchObject({
      code: 'review/peer-rating-not-found',
      message: 'There is no peer rating 999.',
    });
    const noRater = await attempt('appraisal/peer-rate', { quarter, person: 'S1', kpi: 'teamwork', level: 4 });
    expect(!noRater.ok && noRater.error.code).toBe('request/invalid-input');
    expect(count('review_peer_ratings')).toBe(0);
    expect(count("audit_log WHERE entity = 'review_peer_rating'")).toBe(0);
  });

  it('a submitted appraisal refuses peer ratings until reopened (review/not-editable); a locked one for good (review/locked)', async () => {
    const { call, attempt, count } = await rated();
    await call('appraisal/peer-rate', { quarter: '2026Q3', person: 'S1', rater: 'S2', kpi: 'teamwork', level: 4 });
    const [existing] = await call('appraisal/peer-ratings', { quarter: '2026Q3' });
    await call('appraisal/submit', { quarter: '2026Q3' });
    const submitted = await attempt('appraisal/peer-rate', {
      quarter: '2026Q3',
      person: 'S1',
      rater: 'S3',
      kpi: 'teamwork',
      level: 4,
    });
    expect(!submitted.ok && submitted.error.code).toBe('review/not-editable');
    await decideOutcomes(call, '2026Q3');
    await call('appraisal/approve', { quarter: '2026Q3' });
    await call('appraisal/lock', { quarter: '2026Q3' });
    const audits = count('audit_log');
    for (const [name, input] of [
      ['appraisal/peer-rate', { quarter: '2026Q3', person: 'S1', rater: 'S3', kpi: 'teamwork', level: 4 }],
      ['appraisal/delete-peer-rating', { id: existing.id }],
    ] as const) {
      const r = await attempt(name, input);
      expect(!r.ok && r.error, name).toMatchObject({
        code: 'review/locked',
        message: 'The appraisal of 2026Q3 is locked: it can no longer be changed.',
      });
      const zh = await attempt(name, input, 'zh-CN');
      expect(!zh.ok && zh.error.message).toBe('2026Q3的考核已锁定，不能再修改。');
    }
    expect(count('review_peer_ratings')).toBe(1);
    expect(count('audit_log')).toBe(audits);
    // reading still works
    expect(await call('appraisal/peer-ratings', { quarter: '2026Q3' })).toHaveLength(1);
  });
});

describe('P6.1 peer weights in the scheme', () => {
  it('a scheme saved before peer ratings (no peerWeight, no peerMin) still parses and means the manager alone', async () => {
    const old = JSON.parse(JSON.stringify(defaultScheme())) as { kpis: Record<string, unknown>[] };
    for (const k of old.kpis) {
      delete k.peerWeight;
      delete k.peerMin;
    }
    const parsed = schemeDefinition.safeParse(old);
    expect(parsed.success).toBe(true);
    expect(parsed.success && parsed.data.kpis.find((k) => k.key === 'teamwork')?.peerWeight).toBeUndefined();

    // stored as an earlier version would have stored it, then used by the quarter's appraisal
    const w = tmpWorkspace('en');
    seedAppraisalCompany(w.ws.db);
    addColleague(w.ws.db);
    w.ws.db
      .prepare(
        "INSERT INTO review_schemes (quarter, version, definition, created_at) VALUES ('2026Q3', 1, ?, '2026-07-01T00:00:00Z')",
      )
      .run(JSON.stringify(old));
    await w.call('appraisal/compute', { quarter: '2026Q3' });
    await w.call('appraisal/rate-many', { quarter: '2026Q3', ratings: HAND_RATINGS });
    const a = (await w.call('appraisal/show', { quarter: '2026Q3', person: 'S1' })).people[0];
    // (7850 + 10 × 60) / 90 = 93.89, as before peer ratings existed
    expect(a.total).toBe(93.89);
    expect(a.kpis.teamwork.peers).toBeUndefined();
    const r = await w.attempt('appraisal/peer-rate', {
      quarter: '2026Q3',
      person: 'S1',
      rater: 'S2',
      kpi: 'teamwork',
      level: 4,
    });
    expect(!r.ok && r.error).toMatchObject({
      code: 'review/kpi-not-peer-rated',
      message: '"teamwork" does not take peer ratings (its peer weight is 0). KPIs rated by peers: —.',
    });
  });

  it('the default scheme: teamwork 30% peers, minimum 2; a peer weight on a data KPI or outside 0–100 is refused', async () => {
    const teamwork = defaultScheme().kpis.find((k) => k.key === 'teamwork')!;
    expect([teamwork.peerWeight, teamwork.peerMin]).toEqual([30, 2]);
    const { call, attempt, count } = await rated();
    const { definition } = await call('appraisal/scheme', { quarter: '2026Q3' });
    const onData = structuredClone(definition);
    onData.kpis[0].peerWeight = 20;
    const r = await attempt('appraisal/save-scheme', { quarter: '2026Q3', definition: onData });
    expect(!r.ok && r.error).toMatchObject({
      code: 'review/peer-weight-not-rated',
      message: '"completion" is computed from data: only a rated KPI can take peer ratings.',
    });
    const tooMuch = structuredClone(definition);
    tooMuch.kpis.find((k) => k.key === 'teamwork')!.peerWeight = 120;
    expect(!(await attempt('appraisal/save-scheme', { quarter: '2026Q3', definition: tooMuch })).ok).toBe(true);
    expect(count('review_schemes')).toBe(1);
  });
});

describe('P6.1 peer ratings on the command line', () => {
  it('review peer-rate and review peer-ratings (text and --json); exit 1 on refused input, 2 on wrong usage', async () => {
    const dir = tmpDir('wb-peer-cli-');
    const ws = new Workspace(dir);
    seedAppraisalCompany(ws.db);
    addColleague(ws.db);
    for (const [name, input] of [
      ['appraisal/compute', { quarter: '2026Q3' }],
      ['appraisal/rate-many', { quarter: '2026Q3', ratings: HAND_RATINGS }],
      ['appraisal/rate', { quarter: '2026Q3', person: 'S1', kpi: 'teamwork', score: 4 }],
      ['appraisal/peer-rate', { quarter: '2026Q3', person: 'S1', rater: 'S2', kpi: 'teamwork', level: 4 }],
    ] as const) {
      const r = await dispatch(ws, name, input, { lang: 'en', actor: 'tester' });
      if (!r.ok) throw new Error(r.error.message);
    }
    ws.close();
    const base = ['--data-dir', dir];
    const rate = cli([
      ...base,
      'review',
      'peer-rate',
      '--quarter',
      '2026Q3',
      '--person',
      'S1',
      '--rater',
      'S3',
      '--kpi',
      'teamwork',
      '--score',
      '3',
      '--comment',
      '会议准备充分',
    ]);
    expect(rate.status, rate.stderr).toBe(0);
    expect(rate.stdout).toContain('S1 张伟 (华东区): total 95.78, grade S');
    expect(rate.stdout).toContain('teamwork: manager 4 · peers 3.5 (2) · 30% → 3.85');
    const json = cli([...base, '--json', 'review', 'peer-ratings', '--quarter', '2026Q3', '--person', 'S1']);
    expect(json.status, json.stderr).toBe(0);
    expect(json.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(json.stdout).map((r: PeerRating) => [r.raterNo, r.raterName, r.level, r.comment])).toEqual([
      ['S2', '李娜', 4, null],
      ['S3', '王芳', 3, '会议准备充分'],
    ]);
    const text = cli([...base, 'review', 'peer-ratings', '--quarter', '2026Q3']);
    expect(text.stdout).toMatch(/S1 张伟 · teamwork · S3 王芳: 3 · 会议准备充分/);
    const self = cli([
      ...base,
      '--json',
      'review',
      'peer-rate',
      '--quarter',
      '2026Q3',
      '--person',
      'S1',
      '--rater',
      'S1',
      '--kpi',
      'teamwork',
      '--score',
      '5',
    ]);
    expect(self.status).toBe(1);
    expect(JSON.parse(self.stdout)).toMatchObject({ ok: false, error: { code: 'review/peer-self-rating' } });
    for (const args of [
      ['review', 'peer-rate', '--quarter', '2026Q3', '--person', 'S1', '--kpi', 'teamwork', '--score', '3'],
      [
        'review',
        'peer-rate',
        '--quarter',
        '2026Q3',
        '--person',
        'S1',
        '--rater',
        'S2',
        '--kpi',
        'teamwork',
        '--score',
        'good',
      ],
      ['review', 'peer-ratings'],
    ]) {
      const r = cli([...base, ...args]);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
    }
  }, 60_000);

  it('a colleague who has only rated peers has history: the roster refuses to delete them (P5.6), nothing changes', async () => {
    const { call, attempt, count } = await rated();
    await call('appraisal/peer-rate', { quarter: '2026Q3', person: 'S1', rater: 'S5', kpi: 'teamwork', level: 4 });
    const r = await attempt('staff/delete', { id: 5 });
    expect(r.ok || r.error.code).toBe('staff/has-history');
    expect(count('review_peer_ratings')).toBe(1);
    expect(count('staff')).toBeGreaterThanOrEqual(5);
  });
});
