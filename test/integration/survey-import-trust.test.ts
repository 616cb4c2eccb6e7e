import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { buildSurveyImport, renderSurveyImport } from '../../src-main/cli/commands/survey';
import { seedPeople } from '../support/survey-seed';
import { tmpDir, tmpWorkspace } from '../support/workspace';
import {
  PHONE_OPTIONS,
  ROSTER,
  WJX_CODED_ROWS,
  WJX_CODED_SERVICES,
  WJX_TEXT_ROWS,
  writeSurveyFixtures,
} from '../fixtures/survey/make-survey-fixtures';

/**
 * Issue #10 items 1, 2, 7, 13 (P4.7): every stored answer is compared with the cell it came from, the
 * expectations worked out here from the rows the fixture was written from, not from the import's code.
 */
const SCORE: Record<string, number> = { 非常不满意: 1, 不满意: 2, 一般: 3, 满意: 4, 非常满意: 5 };
const NO_ANSWER = new Set(['(跳过)', '(空)']);
const EMPLOYEE: Record<string, string> = { 王芳: 'S001', 李强: 'S002', S001: 'S001', S002: 'S002', 'Ann Lee': 'S003' };

function setup() {
  const w = tmpWorkspace();
  seedPeople(w.ws.db, ROSTER);
  return { ...w, files: writeSurveyFixtures(tmpDir()) };
}

interface Stored {
  rid: number;
  key: string;
  sp: string | null;
  at: string | null;
  code: string;
  num: number | null;
  text: string | null;
}
const stored = (db: Database, surveyId: number) =>
  db
    .prepare(
      `SELECT r.id AS rid, r.respondent_key AS key, s.employee_no AS sp, r.submitted_at AS at, q.code, a.value_num AS num, a.value_text AS text
       FROM survey_responses r LEFT JOIN survey_answers a ON a.response_id = r.id LEFT JOIN survey_questions q ON q.id = a.question_id
       LEFT JOIN staff s ON s.id = r.salesperson_id WHERE r.survey_id = ? ORDER BY r.id, q.position`,
    )
    .all(surveyId) as Stored[];
const byResponse = (rows: Stored[]) =>
  [...rows.reduce((m, r) => m.set(r.rid, [...(m.get(r.rid) ?? []), r]), new Map<number, Stored[]>()).values()].map(
    (list) => ({ ...list[0], answers: Object.fromEntries(list.map((a) => [a.code, { num: a.num, text: a.text }])) }),
  );

describe('问卷星 text export: typed by the answers, ids that restart, placeholders (issue #10 items 2, 7, 13)', () => {
  it('stores each answer as its cell, field by field', async () => {
    const { call, ws, files } = setup();
    const r = await call('survey/import', { file: { path: files.wjxText } });
    expect(r).toMatchObject({ layout: 'wjx-text', committed: true, rows: { read: 8, inserted: 8, invalid: 0 } });
    const q = Object.fromEntries(r.questions.filter((x) => x.role !== 'ignore').map((x) => [x.code, [x.role, x.type]]));
    // the account-manager satisfaction question is a scale: its answers are satisfaction words
    expect(q).toEqual({
      id: ['id', 'meta'],
      submitted: ['submitted', 'meta'],
      Q1: ['question', 'likert5'],
      Q2: ['salesperson', 'salesperson'],
      Q3: ['question', 'choice'],
      Q4: ['question', 'multi'],
      Q5: ['question', 'nps'],
      Q6: ['question', 'text'],
    });
    // options in natural order, not in the order they first appear (3部 comes first in the file)
    expect(r.questions.find((x) => x.code === 'Q3')!.choices).toEqual(['1部', '2部', '3部', '4部及以上']);
    expect(r.noAnswerCells).toBe(WJX_TEXT_ROWS.flat().filter((c) => NO_ANSWER.has(String(c))).length);
    const responses = byResponse(stored(ws.db, r.survey!));
    expect(responses).toHaveLength(WJX_TEXT_ROWS.length);
    WJX_TEXT_ROWS.forEach(([, at, q1, sp, q3, q4, q5, q6], i) => {
      const got = responses[i];
      expect(got.at).toBe(String(at).slice(0, 10).replaceAll('/', '-'));
      expect(got.sp).toBe(EMPLOYEE[String(sp)]);
      expect(got.answers.Q1).toEqual(NO_ANSWER.has(String(q1)) ? undefined : { num: SCORE[String(q1)], text: null });
      expect(got.answers.Q2).toEqual({ num: null, text: sp });
      expect(got.answers.Q3).toEqual({ num: ['1部', '2部', '3部', '4部及以上'].indexOf(String(q3)) + 1, text: q3 });
      if (NO_ANSWER.has(String(q4))) expect(got.answers.Q4).toBeUndefined();
      else expect(got.answers.Q4.text!.split('\n').sort()).toEqual(String(q4).split('┋').sort());
      expect(got.answers.Q5).toEqual({ num: q5, text: null });
      expect(got.answers.Q6).toEqual(NO_ANSWER.has(String(q6)) ? undefined : { num: null, text: q6 });
    });
    // the pasted second export restarts at 1: three more respondents, each told, none lost
    expect(r.warnings.filter((w) => /already used in row/.test(w.message)).map((w) => [w.row, w.value])).toEqual([
      [7, '1'],
      [8, '2'],
      [9, '3'],
    ]);
    expect(new Set(responses.map((x) => x.key)).size).toBe(8);
    // importing the same file again finds every response already there
    const again = await call('survey/import', { file: { path: files.wjxText }, surveyId: r.survey! });
    expect(again.rows).toMatchObject({ inserted: 0, skipped: 8, invalid: 0 });
  });

  it('the preview shows answers as the file has them, and what is stored when that reads differently', async () => {
    const { call, files } = setup();
    const r = await call('survey/import', { file: { path: files.wjxText }, dryRun: true });
    const first = r.records![0];
    const [, , q1, sp, q3, q4, q5, q6] = WJX_TEXT_ROWS[0];
    expect(first.answers).toMatchObject({ Q1: q1, Q2: sp, Q3: q3, Q4: q4, Q5: String(q5), Q6: q6 });
    expect(first.mapped).toEqual({ Q1: String(SCORE[String(q1)]) });
    // a skipped question shows nothing, and nothing is stored for it
    expect(r.records![1].answers.Q6).toBeNull();
  });

  it('English export: "How satisfied are you with your account manager…" is a 1–5 scale; the manager named in another column is the salesperson', async () => {
    const { call, ws, files } = setup();
    const r = await call('survey/import', { file: { path: files.english } });
    expect(r.questions.map((x) => (x.role === 'question' ? x.type : x.role))).toEqual([
      'id',
      'submitted',
      'likert5',
      'salesperson',
      'nps',
    ]);
    const responses = byResponse(stored(ws.db, r.survey!));
    const lines = fs
      .readFileSync(files.english, 'utf8')
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    expect(responses.map((x) => [x.key, x.answers.Q3?.num, x.sp])).toEqual(
      lines.map(([id, , score, sp]) => [`generic:${id}`, Number(score), EMPLOYEE[sp]]),
    );
  });
});

describe('问卷星 coded export: numbers are stored as numbers unless a confirmed code table says otherwise (issue #10 item 1)', () => {
  it('a code is the option with that value, 0 included, never the n-th option seen', async () => {
    const { call, ws, files } = setup();
    const r = await call('survey/import', { file: { path: files.wjxCoded } });
    expect(r).toMatchObject({ layout: 'wjx-coded', rows: { inserted: WJX_CODED_ROWS.length, invalid: 0 } });
    const q1 = r.questions.find((x) => x.code === 'Q1')!;
    expect(q1).toMatchObject({ type: 'choice', choices: ['0', '1', '2', '3', '4'], codes: null });
    expect(r.questions.find((x) => x.code === 'Q3')!.type).toBe('likert5');
    const responses = byResponse(stored(ws.db, r.survey!));
    WJX_CODED_ROWS.forEach(([, , phones, ...rest], i) => {
      const got = responses[i].answers;
      expect(got.Q1.text).toBe(String(phones));
      const ticks = rest.slice(0, 4);
      const picked = WJX_CODED_SERVICES.filter((_, k) => ticks[k] === 1);
      if (picked.length) expect(got.Q2.text!.split('\n')).toEqual(picked);
      else expect(got.Q2).toBeUndefined();
      expect(got.Q3).toEqual(NO_ANSWER.has(String(rest[4])) ? undefined : { num: rest[4], text: null });
    });
  });

  it("with the manager's code table the codes become options (0 → no answer), shown in the preview beside the cell", async () => {
    const { call, ws, files } = setup();
    const codes = { '0': null, '1': '1部', '2': '2部', '3': '3部', '4': '4部及以上' };
    const preview = await call('survey/import', {
      file: { path: files.wjxCoded },
      dryRun: true,
      columns: [{ column: 'G', codes }],
    });
    expect(preview.questions.find((x) => x.code === 'Q1')).toMatchObject({ choices: PHONE_OPTIONS, codes });
    expect(preview.records![0]).toMatchObject({ answers: { Q1: '3' }, mapped: { Q1: '3部' } });
    const r = await call('survey/import', { file: { path: files.wjxCoded }, columns: [{ column: 'G', codes }] });
    const responses = byResponse(stored(ws.db, r.survey!));
    WJX_CODED_ROWS.forEach(([, , phones], i) =>
      expect(responses[i].answers.Q1?.text).toBe(phones === 0 ? undefined : PHONE_OPTIONS[Number(phones) - 1]),
    );
  });

  it('into a survey whose questionnaire numbers its options: the code table is proposed, refused until confirmed, then applied', async () => {
    const { call, attempt, ws, files } = setup();
    const plan = await call('survey/save-plan', { name: '手机调查', method: 'questionnaire' });
    await call('survey/save-questions', {
      surveyId: plan.id,
      questions: [
        { code: 'Q1', text: '您家有几部手机', type: 'choice', options: { choices: PHONE_OPTIONS } },
        { code: 'Q2', text: '您认为哪些服务重要', type: 'multi', options: { choices: WJX_CODED_SERVICES } },
        { code: 'Q3', text: '您对客户经理服务的满意程度', type: 'likert5' },
      ],
    });
    const dry = await call('survey/import', { file: { path: files.wjxCoded }, surveyId: plan.id, dryRun: true });
    const q1 = dry.questions.find((x) => x.code === 'Q1')!;
    // 0 is no option of the questionnaire: proposed as "no answer"
    expect(q1.suggestedCodes).toEqual({ '0': null, '1': '1部', '2': '2部', '3': '3部', '4': '4部及以上' });
    expect(q1.codes).toBeNull();
    // not confirmed: the codes are not options of the questionnaire, the rows are named, nothing written
    expect(dry.errors.map((e) => e.value)).toEqual(WJX_CODED_ROWS.map((x) => String(x[2])));
    expect(dry.errors[0].message).toMatch(/confirm its code table/);
    const refused = await attempt('survey/import', { file: { path: files.wjxCoded }, surveyId: plan.id });
    expect(refused.ok).toBe(false);
    // the CLI prints the proposal ready to copy
    expect(renderSurveyImport(dry, 'zh-CN')).toContain('--codes "G=0:,1:1部,2:2部,3:3部,4:4部及以上"');
    const r = await call('survey/import', {
      file: { path: files.wjxCoded },
      surveyId: plan.id,
      columns: [{ column: 'G', codes: q1.suggestedCodes! }],
    });
    expect(r.rows).toMatchObject({ inserted: WJX_CODED_ROWS.length, invalid: 0 });
    const responses = byResponse(stored(ws.db, plan.id));
    WJX_CODED_ROWS.forEach(([, , phones], i) =>
      expect(responses[i].answers.Q1).toEqual(
        phones === 0 ? undefined : { num: Number(phones), text: PHONE_OPTIONS[Number(phones) - 1] },
      ),
    );
  });

  it('the CLI takes --codes COLUMN=code:option,… and refuses a malformed table', () => {
    const built = buildSurveyImport({ codes: ['G=1:1部,2:2部,0:'] }, 'x.xls');
    expect(built.input.columns).toEqual([{ column: 'G', codes: { '1': '1部', '2': '2部', '0': null } }]);
    expect(() => buildSurveyImport({ codes: ['G'] }, 'x.xls')).toThrow('survey.cli.usage-codes');
    expect(() => buildSurveyImport({ codes: ['G=1部'] }, 'x.xls')).toThrow('survey.cli.usage-codes');
  });
});

describe('numbers in a choice question of any export (issue #10 item 1)', () => {
  it('a cell 3 is stored as the option "3" whatever order the options first appear in, and 0 is kept', async () => {
    const { call, ws } = setup();
    const cells = [3, 1, 2, 0, 3, 2, 0, 1, 3, 3];
    const file = path.join(tmpDir(), 'stores.csv');
    fs.writeFileSync(file, `ID,Number of stores visited\n${cells.map((c, i) => `${i + 1},${c}`).join('\n')}\n`);
    const r = await call('survey/import', { file: { path: file }, columns: [{ column: 'B', type: 'choice' }] });
    expect(r.questions[1]).toMatchObject({ type: 'choice', choices: ['0', '1', '2', '3'] });
    expect(byResponse(stored(ws.db, r.survey!)).map((x) => x.answers.Q2?.text)).toEqual(cells.map(String));
  });
});

describe('respondent numbers (issue #10 item 7)', () => {
  it('a second export numbered from 1 again, imported into the same survey, adds its respondents', async () => {
    const { call, ws } = setup();
    const dir = tmpDir();
    const a = path.join(dir, 'a.csv');
    const b = path.join(dir, 'b.csv');
    fs.writeFileSync(a, '答卷编号,总体满意度\n1,满意\n2,非常满意\n3,一般\n');
    fs.writeFileSync(b, '答卷编号,总体满意度\n1,不满意\n2,非常满意\n3,满意\n');
    const first = await call('survey/import', { file: { path: a } });
    expect(first.questions[0].role).toBe('id');
    // b's respondent 2 repeats a's respondent 2 exactly (number and answers): already there; 1 and 3 answered otherwise: new
    const second = await call('survey/import', { file: { path: b }, surveyId: first.survey! });
    expect(second.rows).toMatchObject({ inserted: 2, skipped: 1 });
    const scores = byResponse(stored(ws.db, first.survey!)).map((x) => Object.values(x.answers)[0].num);
    expect(scores).toEqual([4, 5, 3, 2, 4]);
    expect((await call('survey/import', { file: { path: b }, surveyId: first.survey! })).rows).toMatchObject({
      inserted: 0,
      skipped: 3,
    });
  });
});
