import fs from 'node:fs';
import path from 'node:path';
import dayjs from 'dayjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tmpWorkspace } from '../support/workspace';

/**
 * P5.5 "收集培训反馈": a session's feedback questionnaire is a survey of the survey engine (P4.7). Its
 * questions, answers, import and analysis are the survey's; feedback comes after the session, from people
 * who attended, once each; and it never counts as customers' satisfaction with a salesperson (P6.1).
 */
let env: ReturnType<typeof tmpWorkspace>;
let held = 0;
let coming = 0;
const db = () => env.ws.db;
const count = (table: string) => db().prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

beforeEach(async () => {
  env = tmpWorkspace('zh-CN');
  for (const [no, name] of [
    ['P01', '张伟'],
    ['P02', '李娜'],
    ['P03', '王芳'],
  ])
    await env.call('staff/create', { employeeNo: no, name, hireDate: '2020-01-01' });
  const c = await env.call('training/course-save', { title: '顾问式销售', stage: 'junior', topic: 'sales-skill' });
  const day = dayjs().subtract(20, 'day').format('YYYY-MM-DD');
  held = (await env.call('training/session-save', { courseId: c.id, date: day, place: '总部', hours: 3 })).id;
  coming = (
    await env.call('training/session-save', {
      courseId: c.id,
      date: dayjs().add(7, 'day').format('YYYY-MM-DD'),
      place: '总部',
      hours: 3,
    })
  ).id;
  // P01 and P02 attended; P03 was enrolled and stayed away
  db()
    .prepare('INSERT INTO training_attendance (session_id, staff_id, attended) VALUES (?, 1, 1), (?, 2, 1), (?, 3, 0)')
    .run(held, held, held);
});
afterEach(() => env.ws.close());

const questionId = (surveyId: number, code: string) =>
  db()
    .prepare('SELECT id FROM survey_questions WHERE survey_id = ? AND code = ?')
    .pluck()
    .get(surveyId, code) as number;

describe('training feedback through the survey engine (P5.5, P4.7)', () => {
  it('makes the session’s questionnaire as a survey: the standard questions, the survey list shows it, the session names it', async () => {
    const f = await env.call('training/feedback-create', { sessionId: held });
    expect(f.survey?.name).toContain('顾问式销售');
    expect(f.questions.map((q) => [q.code, q.type])).toEqual([
      ['overall', 'likert5'],
      ['useful', 'likert5'],
      ['trainer', 'likert5'],
      ['recommend', 'nps'],
      ['comments', 'text'],
    ]);
    expect(f.attended).toBe(2);
    const list = await env.call('survey/list', {});
    expect(list.map((s) => s.id)).toContain(f.survey!.id);
    const session = (await env.call('training/sessions', {})).find((s) => s.id === held)!;
    expect([session.feedbackSurveyId, session.feedbackResponses]).toEqual([f.survey!.id, 0]);
    // a second questionnaire for the same session is refused, and nothing is written
    const surveys = count('surveys');
    for (const lang of ['en', 'zh-CN'] as const) {
      const r = await env.attempt('training/feedback-create', { sessionId: held }, lang);
      expect(r.ok ? null : r.error.code).toBe('training/feedback-exists');
      if (!r.ok) expect(r.error.message).toContain(lang === 'en' ? 'already has its feedback' : '已有反馈问卷');
    }
    expect(count('surveys')).toBe(surveys);
  });

  it('reuses another survey’s questions, and the course’s earlier session’s survey becomes the earlier wave', async () => {
    const first = await env.call('training/feedback-create', { sessionId: held });
    const next = await env.call('training/feedback-create', { sessionId: coming, fromSurvey: first.survey!.id });
    expect(next.questions.map((q) => [q.code, q.text, q.type])).toEqual(
      first.questions.map((q) => [q.code, q.text, q.type]),
    );
    expect(next.survey?.previousWaveId).toBe(first.survey!.id);
  });

  it('typed-in forms: named once from an attendee or anonymous; the analysis matches a hand calculation', async () => {
    const f = await env.call('training/feedback-create', { sessionId: held });
    const s = f.survey!.id;
    const q = (code: string) => questionId(s, code);
    await env.call('training/feedback-enter', {
      sessionId: held,
      person: 'p01',
      answers: [
        { questionId: q('overall'), value: 5 },
        { questionId: q('useful'), value: 4 },
        { questionId: q('trainer'), value: 5 },
        { questionId: q('recommend'), value: 9 },
        { questionId: q('comments'), value: '案例很实用' },
      ],
    });
    await env.call('training/feedback-enter', {
      sessionId: held,
      person: 'P02',
      answers: [
        { questionId: q('overall'), value: 3 },
        { questionId: q('useful'), value: 2 },
        { questionId: q('recommend'), value: 6 },
      ],
    });
    const after = await env.call('training/feedback-enter', {
      sessionId: held,
      answers: [
        { questionId: q('overall'), value: '满意' },
        { questionId: q('trainer'), value: 4 },
      ],
    });
    expect(after.responses).toBe(3);
    expect(after.answeredBy).toEqual(['P01', 'P02']);
    // by hand: overall 5, 3, 4 → mean 4, two of three at 4–5; useful 4, 2; recommend 9 (promoter), 6 (detractor)
    const overall = after.analysis!.questions.find((x) => x.code === 'overall')!;
    expect([overall.n, overall.mean]).toEqual([3, 4]);
    expect(overall.csat).toBeCloseTo(200 / 3, 9);
    const useful = after.analysis!.questions.find((x) => x.code === 'useful')!;
    expect([useful.n, useful.mean]).toEqual([2, 3]);
    // CSAT pools the 5-point answers: 5,4,5,3,2,4,4 → five of seven at 4–5
    expect(after.analysis!.csat).toBeCloseTo((5 / 7) * 100, 6);
    expect([after.analysis!.nps.promoters, after.analysis!.nps.detractors, after.analysis!.nps.score]).toEqual([
      1, 1, 0,
    ]);
    expect(after.comments.map((c) => c.text)).toEqual(['案例很实用']);
    // the participants are respondents, never salespeople being rated
    expect(
      db()
        .prepare(
          'SELECT respondent_key AS k, salesperson_id AS sp FROM survey_responses WHERE survey_id = ? ORDER BY id',
        )
        .all(s),
    ).toEqual([
      { k: 'staff:p01', sp: null },
      { k: 'staff:p02', sp: null },
      { k: null, sp: null },
    ]);
  });

  it('refuses feedback from someone who did not attend, a second named form, a level off the scale, before the session and without a questionnaire: nothing written', async () => {
    const none = await env.attempt('training/feedback-enter', { sessionId: held, answers: [] }, 'en');
    expect(none.ok ? null : none.error.code).toBe('training/no-feedback-survey');
    const f = await env.call('training/feedback-create', { sessionId: held });
    const s = f.survey!.id;
    const overall = questionId(s, 'overall');
    await env.call('training/feedback-enter', {
      sessionId: held,
      person: 'P01',
      answers: [{ questionId: overall, value: 4 }],
    });
    const responses = count('survey_responses');
    const answers = count('survey_answers');
    const cases: [unknown, string, string, string][] = [
      [
        { person: 'P03', answers: [{ questionId: overall, value: 4 }] },
        'training/feedback-not-attended',
        'did not attend',
        '未出席',
      ],
      [
        { person: 'P01', answers: [{ questionId: overall, value: 5 }] },
        'training/feedback-duplicate',
        'already given feedback',
        '已经提交过',
      ],
      [{ person: 'X99', answers: [{ questionId: overall, value: 5 }] }, 'training/person-not-found', 'X99', 'X99'],
      [{ answers: [{ questionId: overall, value: 6 }] }, 'survey/bad-answer', '1–5', '1–5'],
    ];
    for (const [input, code, en, zh] of cases)
      for (const lang of ['en', 'zh-CN'] as const) {
        const r = await env.attempt('training/feedback-enter', { sessionId: held, ...(input as object) }, lang);
        expect(r.ok ? null : r.error.code, code).toBe(code);
        if (!r.ok) expect(r.error.message).toContain(lang === 'en' ? en : zh);
      }
    // the session to come has a questionnaire, but takes no answers yet
    await env.call('training/feedback-create', { sessionId: coming });
    const early = await env.attempt('training/feedback-enter', {
      sessionId: coming,
      answers: [{ questionId: questionId(s + 1, 'overall'), value: 4 }],
    });
    expect(early.ok ? null : early.error.code).toBe('training/session-not-held');
    expect([count('survey_responses'), count('survey_answers')]).toEqual([responses, answers]);
  });

  it('P6.1: a feedback survey never counts towards a salesperson’s customer satisfaction, even when a response names one', async () => {
    const f = await env.call('training/feedback-create', { sessionId: held });
    const s = f.survey!.id;
    // the survey's own door lets a response name a salesperson; the appraisal must still leave it out
    await env.call('survey/enter-response', {
      surveyId: s,
      salespersonId: 1,
      submittedAt: dayjs().format('YYYY-MM-DD'),
      answers: [{ questionId: questionId(s, 'overall'), value: 1 }],
    });
    const quarter = `${dayjs().year()}Q${Math.floor(dayjs().month() / 3) + 1}`;
    expect(await env.call('survey/by-person', { quarter })).toEqual([]);
  });

  it('imports a questionnaire platform’s export (written by openpyxl) into the session’s survey; refuses it before the session', async () => {
    const f = await env.call('training/feedback-create', { sessionId: held });
    const file = path.join(env.dir, 'feedback.xlsx');
    fs.copyFileSync(path.join(import.meta.dirname, '../fixtures/team-building/feedback-wjx-openpyxl.xlsx'), file);
    const dry = await env.call('training/feedback-import', { sessionId: held, file: { path: file }, dryRun: true });
    expect([dry.committed, dry.rows.read, dry.rows.invalid, dry.survey]).toEqual([false, 4, 0, f.survey!.id]);
    const done = await env.call('training/feedback-import', { sessionId: held, file: { path: file } });
    expect(done.rows.inserted).toBe(4);
    const after = await env.call('training/feedback', { sessionId: held });
    // the file's overall column holds 5, 4, 4, 2 (make-fixtures.py): mean 3.75, three of four satisfied
    const overall = after.analysis!.questions.find((x) => x.code === 'overall')!;
    expect([overall.n, overall.mean, overall.csat]).toEqual([4, 3.75, 75]);
    expect(after.comments.map((c) => c.text).sort()).toEqual(['希望多些练习', '时间有点紧'].sort());
    // importing the same file again inserts nothing
    expect((await env.call('training/feedback-import', { sessionId: held, file: { path: file } })).rows.inserted).toBe(
      0,
    );
    await env.call('training/feedback-create', { sessionId: coming });
    const before = count('survey_responses');
    const early = await env.attempt('training/feedback-import', { sessionId: coming, file: { path: file } });
    expect(early.ok ? null : early.error.code).toBe('training/session-not-held');
    expect(count('survey_responses')).toBe(before);
  });
});
