import dayjs from 'dayjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultScheme } from '../../src-main/services/appraisal/default-scheme';
import { tmpWorkspace } from '../support/workspace';

let env: ReturnType<typeof tmpWorkspace>;
const db = () => env.ws.db;
const today = dayjs().format('YYYY-MM-DD');
const future = dayjs().add(10, 'day').format('YYYY-MM-DD');

beforeEach(async () => {
  env = tmpWorkspace();
  const team = await env.call('teams/create', { name: '华南' });
  for (let i = 1; i <= 12; i++)
    await env.call('staff/create', {
      employeeNo: `P${String(i).padStart(2, '0')}`,
      name: `员工${i}`,
      teamId: team.id,
      hireDate: '2020-01-01',
    });
});
afterEach(() => env.ws.close());

const staffId = (no: string) => db().prepare('SELECT id FROM staff WHERE employee_no = ?').pluck().get(no) as number;

/** An appraisal of a quarter holding the given KPI values ({employeeNo: [value, score]}), on the default scheme. */
function appraisal(quarter: string, kpi: string, values: Record<string, [number, number]>) {
  let schemeId = db().prepare('SELECT id FROM review_schemes WHERE quarter = ?').pluck().get(quarter) as
    number | undefined;
  if (schemeId === undefined) {
    schemeId = Number(
      db()
        .prepare("INSERT INTO review_schemes (quarter, version, definition, created_at) VALUES (?, 1, ?, 'x')")
        .run(quarter, JSON.stringify(defaultScheme())).lastInsertRowid,
    );
    db().prepare("INSERT INTO reviews (quarter, scheme_id, status) VALUES (?, ?, 'approved')").run(quarter, schemeId);
  }
  const appraisalId = db().prepare('SELECT id FROM reviews WHERE quarter = ?').pluck().get(quarter) as number;
  const put = db().prepare(
    'INSERT INTO review_kpi_values (review_id, staff_id, kpi_key, value, score) VALUES (?, ?, ?, ?, ?)',
  );
  for (const [no, [v, s]] of Object.entries(values)) put.run(appraisalId, staffId(no), kpi, v, s);
}

async function course(topic: 'crm' | 'sales-skill' = 'crm') {
  return env.call('training/course-save', {
    title: topic === 'crm' ? '客户关系管理实务' : '顾问式销售',
    stage: 'junior',
    topic,
    passMark: 60,
  });
}

describe('sessions and attendance (P5.4, P5.5)', () => {
  it('enrols for a session to come, refuses attendance before it happens, and records it after', async () => {
    const c = await course();
    const coming = await env.call('training/session-save', {
      courseId: c.id,
      date: future,
      trainer: '王老师',
      trainerKind: 'external',
      place: '会议室A',
      hours: 3,
      cost: 1500,
    });
    expect(await env.call('training/enrol', { sessionId: coming.id, people: ['P01', 'P02', 'P01'] })).toEqual({
      enrolled: 2,
      already: 0,
    });
    const before = db().prepare('SELECT * FROM training_attendance ORDER BY staff_id').all();
    for (const lang of ['en', 'zh-CN'] as const) {
      const r = await env.attempt(
        'training/attendance',
        { sessionId: coming.id, rows: [{ person: 'P01', attended: true, testScore: 80 }] },
        lang,
      );
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('training/session-not-held');
        expect(r.error.message).toContain(future);
        expect(r.error.message).toContain(lang === 'en' ? 'has not happened' : '尚未举行');
      }
    }
    expect(db().prepare('SELECT * FROM training_attendance ORDER BY staff_id').all()).toEqual(before);

    const held = await env.call('training/session-save', {
      courseId: c.id,
      date: today,
      trainer: '李经理',
      trainerKind: 'internal',
      online: true,
      hours: 2.5,
    });
    const rows = await env.call('training/attendance', {
      sessionId: held.id,
      rows: [
        { person: 'P01', attended: true, testScore: 80, mastery: 4, feedback: '实用' },
        { person: 'P02', attended: true, testScore: 55, mastery: 2 },
        { person: 'P03', attended: false },
      ],
    });
    expect(rows.map((r) => [r.employeeNo, r.attended, r.passed])).toEqual([
      ['P01', true, true],
      ['P02', true, false],
      ['P03', false, null],
    ]);
    const r = await env.attempt('training/attendance', {
      sessionId: held.id,
      rows: [{ person: 'P09', attended: false, testScore: 70 }],
    });
    expect(r.ok ? '' : r.error.code).toBe('training/score-without-attendance');
  });

  it('each person’s record: hours this year against the stage’s requirement, courses passed', async () => {
    const year = Number(today.slice(0, 4));
    await env.call('training/set-requirement', { year, stage: 'senior', hours: 8, topics: ['crm'] });
    const c = await course();
    const s1 = await env.call('training/session-save', {
      courseId: c.id,
      date: `${year}-01-02` <= today ? `${year}-01-02` : today,
      place: '总部',
      hours: 3,
    });
    const s2 = await env.call('training/session-save', { courseId: c.id, date: today, place: '总部', hours: 2.5 });
    await env.call('training/attendance', {
      sessionId: s1.id,
      rows: [{ person: 'P01', attended: true, testScore: 90 }],
    });
    await env.call('training/attendance', {
      sessionId: s2.id,
      rows: [
        { person: 'P01', attended: true, testScore: 40 },
        { person: 'P02', attended: false },
      ],
    });
    const [rec] = await env.call('training/records', { year, person: 'P01' });
    expect([rec.stage, rec.hours, rec.required, rec.short, rec.passed]).toEqual(['senior', 5.5, 8, 2.5, 1]);
    const [p2] = await env.call('training/records', { year, person: 'P02' });
    expect([p2.hours, p2.short]).toEqual([0, 8]);
  });

  it('prints the session’s sign-in sheet with every enrolled name', async () => {
    const c = await course();
    const s = await env.call('training/session-save', {
      courseId: c.id,
      date: future,
      trainer: '王老师',
      place: '会议室A',
      hours: 3,
    });
    await env.call('training/enrol', { sessionId: s.id, people: ['P01', 'P02'] });
    const sheet = await env.call('report/sign-in-sheet', { sessionId: s.id });
    const html = Buffer.from(sheet.base64!, 'base64').toString('utf8');
    expect(html).toContain('@page { size: A4');
    expect(html).toContain('Training sign-in sheet');
    expect(html).toContain('员工1');
    expect(html).toContain('员工2');
  });
});

describe('closing the loop with the appraisal', () => {
  it('a rated KPI at level 2 or below, or a data KPI under its threshold, suggests the courses addressing it; one step enrols', async () => {
    appraisal('2025Q2', 'communication', { P01: [2, 40], P02: [3, 60] });
    appraisal('2025Q2', 'csat', { P01: [80, 85], P03: [40, 30] });
    const sales = await course('sales-skill');
    const crm = await course('crm');
    const s = await env.call('training/session-save', { courseId: sales.id, date: future, place: '总部', hours: 4 });
    await env.call('training/session-save', { courseId: crm.id, date: future, place: '总部', hours: 4 });
    const { quarter, items } = await env.call('training/suggestions', {});
    expect(quarter).toBe('2025Q2');
    expect(items.map((i) => [i.employeeNo, i.kpi, i.topics])).toEqual([
      ['P01', 'communication', ['sales-skill']],
      ['P03', 'csat', ['crm']],
    ]);
    expect(items[0].courses.map((c) => [c.title, c.sessions.map((x) => x.id)])).toEqual([['顾问式销售', [s.id]]]);
    await env.call('training/enrol', { sessionId: s.id, people: ['P01'], reason: '2025Q2 communication' });
    const [p] = await env.call('training/participants', { sessionId: s.id });
    expect([p.employeeNo, p.enrolledReason]).toEqual(['P01', '2025Q2 communication']);
    // the mapping is editable
    await env.call('training/set-kpi-topics', { kpi: 'communication', topics: ['crm'] });
    const again = await env.call('training/suggestions', { quarter: '2025Q2' });
    expect(again.items[0].courses.map((c) => c.title)).toEqual(['客户关系管理实务']);
  });

  it('did it work: trained against untrained, quarter before → after, checked against a plain SQL average', async () => {
    const c = await course('crm');
    const s = await env.call('training/session-save', { courseId: c.id, date: '2025-05-10', place: '总部', hours: 3 });
    const trained = ['P01', 'P02', 'P03', 'P04', 'P05', 'P06'];
    await env.call('training/attendance', {
      sessionId: s.id,
      rows: trained.map((person) => ({ person, attended: true })),
    });
    const before: Record<string, [number, number]> = {};
    const after: Record<string, [number, number]> = {};
    for (let i = 1; i <= 12; i++) {
      const no = `P${String(i).padStart(2, '0')}`;
      before[no] = [50 + i * 2, 50];
      // P06 has no value after the course: left out of the trained group
      if (no !== 'P06') after[no] = [50 + i * 2 + (i <= 6 ? 10 + i : i % 3), 50];
    }
    appraisal('2025Q1', 'csat', before);
    appraisal('2025Q3', 'csat', after);
    const e = await env.call('training/effect', { courseId: c.id, kpi: 'csat' });
    const avg = (q: string, ids: string[]) =>
      db()
        .prepare(
          `SELECT avg(v.value) FROM review_kpi_values v JOIN reviews r ON r.id = v.review_id JOIN staff s ON s.id = v.staff_id WHERE r.quarter = ? AND v.kpi_key = 'csat' AND s.employee_no IN (${ids.map(() => '?').join(',')})`,
        )
        .pluck()
        .get(q, ...ids) as number;
    const t = ['P01', 'P02', 'P03', 'P04', 'P05'];
    const u = ['P07', 'P08', 'P09', 'P10', 'P11', 'P12'];
    expect(e.trained).toEqual({
      n: 5,
      before: round(avg('2025Q1', t)),
      after: round(avg('2025Q3', t)),
      change: round(avg('2025Q3', t) - avg('2025Q1', t)),
    });
    expect(e.untrained).toEqual({
      n: 6,
      before: round(avg('2025Q1', u)),
      after: round(avg('2025Q3', u)),
      change: round(avg('2025Q3', u) - avg('2025Q1', u)),
    });
    expect(e.trained.change).toBe(13); // hand: 10 + mean(1..5)
    expect(e.tooSmall).toBe(false);
    const related = await env.call('training/effect', { courseId: c.id });
    expect(related.byKpi.map((k) => k.kpi)).toContain('csat');
    // a course attended by two people is too small to judge
    const small = await env.call('training/course-save', { title: '投诉处理', stage: 'junior', topic: 'crm' });
    const s2 = await env.call('training/session-save', {
      courseId: small.id,
      date: '2025-05-12',
      place: '总部',
      hours: 2,
    });
    await env.call('training/attendance', {
      sessionId: s2.id,
      rows: [
        { person: 'P07', attended: true },
        { person: 'P08', attended: true },
      ],
    });
    const e2 = await env.call('training/effect', { courseId: small.id, kpi: 'csat' });
    expect([e2.trained.n, e2.untrained.n, e2.tooSmall]).toEqual([2, 9, true]); // twelve, less the two trained, less P06 with no value after
    const table = await env.call('training/effect-table');
    expect(table.map((x) => x.course.title).sort()).toEqual(['投诉处理', '客户关系管理实务'].sort());
  });

  it('did the interview predict: interview levels beside first appraisals, r with n against an independent formula', async () => {
    const planId = Number(
      db().prepare("INSERT INTO recruitment_plans (title, headcount) VALUES ('p', 4)").run().lastInsertRowid,
    );
    const hired = dayjs().subtract(6, 'month').format('YYYY-MM-DD');
    const cases: [string, number, number][] = [
      ['P01', 2, 55],
      ['P02', 3, 70],
      ['P03', 4, 72],
      ['P04', 5, 90],
    ];
    const scheme = Number(
      db()
        .prepare("INSERT INTO review_schemes (quarter, version, definition, created_at) VALUES ('2025Q1', 1, ?, 'x')")
        .run(JSON.stringify(defaultScheme())).lastInsertRowid,
    );
    const review = Number(
      db().prepare("INSERT INTO reviews (quarter, scheme_id, status) VALUES ('2025Q1', ?, 'approved')").run(scheme)
        .lastInsertRowid,
    );
    for (const [no, level, total] of cases) {
      const cid = Number(
        db()
          .prepare(
            "INSERT INTO candidates (plan_id, name, status, staff_id, hired_date, applied_date) VALUES (?, 'x', 'hired', ?, ?, ?)",
          )
          .run(planId, staffId(no), hired, hired).lastInsertRowid,
      );
      const iid = Number(
        db().prepare("INSERT INTO interviews (candidate_id, date, round) VALUES (?, ?, 'first')").run(cid, hired)
          .lastInsertRowid,
      );
      db()
        .prepare("INSERT INTO interview_scores (interview_id, item_key, level) VALUES (?, 'communication', ?)")
        .run(iid, level);
      db()
        .prepare('INSERT INTO review_entries (review_id, staff_id, total) VALUES (?, ?, ?)')
        .run(review, staffId(no), total);
    }
    const p = await env.call('recruit/prediction', {});
    const xs = cases.map((c) => c[1]);
    const ys = cases.map((c) => c[2]);
    const n = xs.length;
    const sum = (a: number[]) => a.reduce((s, v) => s + v, 0);
    const r =
      (n * sum(xs.map((x, i) => x * ys[i])) - sum(xs) * sum(ys)) /
      Math.sqrt((n * sum(xs.map((x) => x * x)) - sum(xs) ** 2) * (n * sum(ys.map((y) => y * y)) - sum(ys) ** 2));
    expect(p.items).toEqual([{ key: 'communication', label: 'Communication', n: 4, r: Math.round(r * 1000) / 1000 }]);
    expect(p.overall.n).toBe(4);
  });
});

const round = (x: number) => Math.round(x * 100) / 100;
