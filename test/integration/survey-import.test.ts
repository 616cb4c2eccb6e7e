import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedPeople } from '../support/survey-seed';
import { tmpDir, tmpWorkspace } from '../support/workspace';

const FIX = path.resolve(__dirname, '../fixtures/survey');
const EXT = path.resolve(__dirname, '../fixtures/external');
const PEOPLE = [
  { no: 'E001', name: 'Ann', team: 'East' },
  { no: 'E002', name: 'Bob', team: 'East' },
];

function setup() {
  const w = tmpWorkspace();
  seedPeople(w.ws.db, PEOPLE);
  return w;
}
const answers = (db: import('better-sqlite3').Database, surveyId: number) =>
  db
    .prepare(
      `SELECT r.respondent_key AS k, r.submitted_at AS at, s.employee_no AS sp, q.code, q.type, a.value_num AS num, a.value_text AS text
       FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id JOIN survey_questions q ON q.id = a.question_id
       LEFT JOIN staff s ON s.id = r.salesperson_id WHERE r.survey_id = ? ORDER BY r.id, q.position`,
    )
    .all(surveyId) as {
    k: string;
    at: string | null;
    sp: string | null;
    code: string;
    type: string;
    num: number | null;
    text: string | null;
  }[];

describe('import survey: platform layouts (P4.7, issue #5 item 4)', () => {
  it('SurveyMonkey (two header rows): option columns become one multiple-choice question, words map to 1–5, salespeople linked', async () => {
    const { call, ws } = setup();
    const r = await call('survey/import', { file: { path: path.join(FIX, 'surveymonkey-two-header-rows.csv') } });
    expect(r).toMatchObject({ layout: 'surveymonkey', committed: true, rows: { read: 3, inserted: 3, invalid: 0 } });
    const q = Object.fromEntries(
      r.questions.filter((x) => x.role !== 'ignore').map((x) => [x.column, [x.type, x.role]]),
    );
    expect(q).toEqual({
      A: ['meta', 'id'],
      D: ['meta', 'submitted'],
      J: ['likert5', 'question'],
      K: ['nps', 'question'],
      L: ['multi', 'question'],
      O: ['salesperson', 'salesperson'],
      P: ['text', 'question'],
    });
    expect(r.questions.find((x) => x.column === 'L')!.choices).toEqual([
      'Installation',
      'Training',
      'After-sales support',
    ]);
    const rows = answers(ws.db, r.survey!);
    const first = rows.filter((x) => x.k === 'surveymonkey:114523000101');
    expect(first.map((x) => [x.type, x.num, x.text])).toEqual([
      ['likert5', 5, null],
      ['nps', 10, null],
      ['multi', 1 + 4, 'Installation\nAfter-sales support'],
      ['salesperson', null, 'Ann'],
      ['text', null, 'Quick delivery, thanks'],
    ]);
    expect(first[0]).toMatchObject({ sp: 'E001', at: '2026-11-02' });
    // "Dissatisfied" → 2, the salesperson named by employee number
    expect(rows.filter((x) => x.k === 'surveymonkey:114523000102').map((x) => x.num ?? x.text)).toEqual([
      2,
      4,
      2,
      'E002',
      'The invoice was wrong twice',
    ]);
    expect(rows.find((x) => x.k === 'surveymonkey:114523000102')!.sp).toBe('E002');
    // re-importing the same file inserts nothing
    const again = await call('survey/import', {
      file: { path: path.join(FIX, 'surveymonkey-two-header-rows.csv') },
      surveyId: r.survey!,
    });
    expect(again.rows).toMatchObject({ inserted: 0, skipped: 3 });
  });

  it('Qualtrics (three header rows): ImportId row skipped, NPS group column ignored, CES and text typed', async () => {
    const { call, ws } = setup();
    const r = await call('survey/import', { file: { path: path.join(FIX, 'qualtrics-three-header-rows.csv') } });
    expect(r).toMatchObject({ layout: 'qualtrics', rows: { read: 3, inserted: 3 } });
    const byCol = Object.fromEntries(r.questions.map((x) => [x.column, x]));
    expect(byCol.R).toMatchObject({ type: 'likert5', text: 'Overall, how satisfied are you with our products?' });
    expect(byCol.S.role).toBe('ignore');
    expect([byCol.T.type, byCol.U.type, byCol.V.type, byCol.W.type]).toEqual(['nps', 'ces7', 'salesperson', 'text']);
    const rows = answers(ws.db, r.survey!).filter((x) => x.k === 'qualtrics:R_2b3C4d5E6f7G8h9');
    expect(rows.map((x) => x.num ?? x.text)).toEqual([1, 2, 2, 'E002', '交货太慢']);
    expect(rows[0]).toMatchObject({ at: '2026-10-09', sp: 'E002' });
  });

  it('问卷星 text export: metadata columns, "N、题干" headers and ┋-joined multiple answers', async () => {
    const { call, ws } = setup();
    const r = await call('survey/import', {
      file: { path: path.join(EXT, 'gasongjian__reportgen/[问卷星数据]800_800_0.xls') },
    });
    expect(r).toMatchObject({ layout: 'wjx-text', rows: { read: 800, inserted: 800, invalid: 0 } });
    expect(r.questions.filter((q) => q.role === 'ignore').map((q) => q.column)).toEqual(['C', 'D', 'E', 'F']);
    const q6 = r.questions.find((q) => q.column === 'L')!;
    expect(q6).toMatchObject({ text: '兴趣爱好', type: 'multi' });
    const n = (sql: string) => (ws.db.prepare(sql).get() as { n: number }).n;
    expect(n(`SELECT count(*) AS n FROM survey_questions WHERE survey_id = ${r.survey} AND type = 'multi'`)).toBe(2);
    // every multiple answer of row 2 is stored with its options
    const first = answers(ws.db, r.survey!).filter((x) => x.k === 'wjx-text:1');
    expect(first.find((x) => x.code === 'Q3')!.text).toMatch(/^[男女]$/);
    expect(
      first
        .find((x) => x.code === 'Q6')!
        .text!.split('\n')
        .every((o) => q6.choices.includes(o)),
    ).toBe(true);
  });

  it('问卷星 coded export: one 0/1 column per option becomes one multiple-choice question', async () => {
    const { call } = setup();
    const r = await call('survey/import', {
      file: { path: path.join(EXT, 'gasongjian__reportgen/[问卷星数据]800_800_2.xls') },
      dryRun: true,
    });
    expect(r).toMatchObject({ layout: 'wjx-coded', committed: false, rows: { read: 800, valid: 800 } });
    const q6 = r.questions.find((q) => q.text === '第6题')!;
    expect(q6.type).toBe('multi');
    expect(q6.choices).toContain('运动');
    expect(r.questions.find((q) => q.text === '性别')).toMatchObject({ type: 'choice', choices: ['1', '2'] });
    expect(r.records).toHaveLength(800);
  });

  it('Google Forms (real export): Timestamp, Likert words with stray spaces and case, two 0–10 columns', async () => {
    const { call, ws } = setup();
    // two respondents typed Armenian free text into a Likert column: refused, named, the rest imported
    const r = await call('survey/import', {
      file: { path: path.join(EXT, 'annmanukyan__Varks.am_Project/Varks.am_data.csv') },
      skipInvalid: true,
    });
    expect(r).toMatchObject({ layout: 'google-forms', rows: { read: 120, inserted: 118, invalid: 2 } });
    expect(r.questions.filter((q) => q.type === 'nps').map((q) => q.column)).toEqual(['Q', 'R']);
    const raw = fs
      .readFileSync(path.join(EXT, 'annmanukyan__Varks.am_Project/Varks.am_data.csv'), 'utf8')
      .split('\n')[1];
    expect(raw).toMatch(/^2017\//);
    const all = answers(ws.db, r.survey!);
    const first = all.filter((x) => x.k === all[0].k);
    expect(first[0].at).toMatch(/^2017-\d\d-\d\d$/);
    // independent count: "Strongly agree" (any case/spaces) in column B equals the stored 5s
    const lines = fs.readFileSync(path.join(EXT, 'annmanukyan__Varks.am_Project/Varks.am_data.csv'), 'utf8');
    const valid = lines
      .split('\n')
      .filter((l) => !/[\u0530-\u058F]/.test(l))
      .join('\n');
    const strongly = (valid.match(/^[^,]+,\s*Strongly agree\s*,/gim) ?? []).length;
    const q2 = r.questions.find((q) => q.column === 'B')!.id;
    expect(
      (
        ws.db.prepare('SELECT count(*) AS n FROM survey_answers WHERE question_id = ? AND value_num = 5').get(q2) as {
          n: number;
        }
      ).n,
    ).toBe(strongly);
  });

  it('Microsoft Forms (real export, bilingual headers, NBSP): first data sheet, ratings and words', async () => {
    const { call } = setup();
    const r = await call('survey/import', {
      file: {
        path: path.join(
          EXT,
          'RafahAlghanmi__Customer-Satisfaction-Analysis-PowerBI/استطلاع رضا العملاء Customer Satisfaction Survey.xlsx',
        ),
      },
      dryRun: true,
    });
    expect(r).toMatchObject({ layout: 'ms-forms', rows: { read: 50, valid: 50, invalid: 0 } });
    expect(r.questions.map((q) => (q.role === 'question' ? q.type : q.role))).toEqual([
      'id',
      'ignore',
      'submitted',
      'likert5',
      'likert5',
      'choice',
      'choice',
      'choice',
      'text',
    ]);
    // "افضل من المتوقع Better than expected": the English half of a bilingual answer gives the score
    expect(r.records!.every((x) => Object.values(x.answers).length > 0)).toBe(true);
  });

  it('ABC.csv (real wide CSAT matrix) previews all 266 respondents and 134 items', async () => {
    const { call } = setup();
    const r = await call('survey/import', { file: { path: path.join(EXT, 'gedeck__mistat/ABC.csv') }, dryRun: true });
    expect(r.rows.read).toBe(266);
    expect(r.questions.filter((q) => q.role === 'question')).toHaveLength(134);
  });
});

describe('import survey: bad input writes nothing (issue #5 "Bad input")', () => {
  const write = (name: string, text: string) => {
    const p = path.join(tmpDir(), name);
    fs.writeFileSync(p, text);
    return p;
  };
  const count = (db: import('better-sqlite3').Database) =>
    (
      db.prepare('SELECT (SELECT count(*) FROM surveys) + (SELECT count(*) FROM survey_responses) AS n').get() as {
        n: number;
      }
    ).n;

  it('text in a 0–10 column: row, column and value named, nothing imported; --skip-invalid imports the rest', async () => {
    const { attempt, call, ws } = setup();
    const file = write(
      'nps.csv',
      'Respondent,How likely are you to recommend us (0-10)?\nr1,9\nr2,10\nr3,ten\nr4,3\nr5,8\n',
    );
    const r = await attempt('survey/import', { file: { path: file } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('survey/invalid-rows');
      expect(r.error.message).toContain('row 4');
      expect(r.error.message).toContain('"ten"');
    }
    expect(count(ws.db)).toBe(0);
    const ok = await call('survey/import', { file: { path: file }, skipInvalid: true });
    expect(ok.rows).toMatchObject({ inserted: 4, invalid: 1 });
  });

  it('a row identical to an earlier one is refused as a duplicate (issue #10 item 7)', async () => {
    const { attempt, ws } = setup();
    const file = write('dup.csv', 'ID,Overall satisfaction\n7,Very satisfied\n8,Satisfied\n7,Very satisfied\n');
    const r = await attempt('survey/import', { file: { path: file } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/Duplicate answers.*row 2/);
    expect(count(ws.db)).toBe(0);
  });

  it('an unknown column when importing into an existing survey, an empty export, a missing file', async () => {
    const { attempt, call, ws } = setup();
    const first = await call('survey/import', {
      file: { path: write('a.csv', 'ID,Overall satisfaction\n1,Satisfied\n2,Satisfied\n') },
    });
    const before = count(ws.db);
    const r = await attempt('survey/import', {
      file: { path: write('b.csv', 'ID,Overall satisfaction,Mood today\n3,Satisfied,fine\n') },
      surveyId: first.survey,
    });
    expect(r.ok || r.error.code).toBe('survey/unknown-column');
    if (!r.ok) expect(r.error.message).toContain('Mood today');
    const empty = await attempt('survey/import', { file: { path: write('c.csv', 'ID,Overall satisfaction\n') } });
    expect(empty.ok || empty.error.code).toBe('survey/no-answers-in-file');
    const missing = await attempt('survey/import', { file: { path: '/nonexistent/x.csv' } });
    expect(missing.ok || missing.error.code).toBe('file/not-found');
    expect(count(ws.db)).toBe(before);
  });

  it('the manager corrects a column type in the preview (words → choice)', async () => {
    const { call } = setup();
    const file = write('fix.csv', 'ID,Overall satisfaction\n1,Satisfied\n2,Very satisfied\n3,Satisfied\n');
    const r = await call('survey/import', {
      file: { path: file },
      dryRun: true,
      columns: [{ column: 'B', type: 'choice' }],
    });
    expect(r.questions.find((q) => q.column === 'B')!.type).toBe('choice');
  });
});
