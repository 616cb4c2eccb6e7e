import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedPeople } from '../support/survey-seed';
import { tmpDir, tmpWorkspace } from '../support/workspace';

/**
 * Issue #3 item 7 ("every import … can be undone as a whole from the import history") for survey imports
 * (P4.7): the history shows them, and `import/undo` takes back what they wrote: the survey they created
 * with its questions and answers, or only their responses when they added to an existing survey.
 */

const dir = tmpDir('wb-survey-undo-');
const write = (name: string, text: string) => {
  const f = path.join(dir, name);
  fs.writeFileSync(f, text);
  return f;
};
const FIRST = 'ID,Overall satisfaction,Salesperson\n1,Very satisfied,E001\n2,Satisfied,E001\n3,Dissatisfied,E002\n';
const SECOND = 'ID,Overall satisfaction,Salesperson\n4,Very dissatisfied,E002\n5,Very satisfied,E002\n';

function setup() {
  const w = tmpWorkspace();
  seedPeople(w.ws.db, [
    { no: 'E001', name: 'Ann', team: 'East' },
    { no: 'E002', name: 'Bob', team: 'East' },
  ]);
  return w;
}

const counts = (db: import('better-sqlite3').Database) =>
  db
    .prepare(
      `SELECT (SELECT count(*) FROM surveys) AS surveys, (SELECT count(*) FROM survey_questions) AS questions,
              (SELECT count(*) FROM survey_responses) AS responses, (SELECT count(*) FROM survey_answers) AS answers,
              (SELECT count(*) FROM survey_response_scores) AS cached`,
    )
    .get() as Record<string, number>;

describe('undo of a survey import (issue #3 item 7, P4.7)', () => {
  it('undoes an import that created its survey: survey, questions, responses and answers all go; the history says undone', async () => {
    const { call, ws } = setup();
    const before = counts(ws.db);
    const r = await call('survey/import', { file: { path: write('first.csv', FIRST) } });
    expect(r.committed).toBe(true);
    expect(r.importId).toEqual(expect.any(Number));
    expect(counts(ws.db)).toMatchObject({ surveys: before.surveys + 1, responses: 3 });
    const history = await call('import/history');
    expect(history[0]).toMatchObject({ id: r.importId, kind: 'survey', inserted: 3, status: 'committed' });
    expect(history[0].changes).toBeGreaterThan(0);

    const questions = counts(ws.db).questions - before.questions;
    expect(questions).toBeGreaterThan(0);

    const undone = await call('import/undo', { id: r.importId! });
    // one survey + its questions + three responses (answers go with their responses)
    expect(undone.deleted).toBe(1 + questions + 3);
    expect(counts(ws.db)).toEqual(before);
    expect((await call('import/history'))[0].status).toBe('undone');
    const again = await setup().attempt('import/undo', { id: 999 });
    expect(again.ok || again.error.code).toBe('import/not-found');
  });

  it('undoes an import into an existing survey: only its responses go, and the analysis is the first file again', async () => {
    const { call, ws } = setup();
    const first = await call('survey/import', { file: { path: write('a.csv', FIRST) } });
    const onlyFirst = await call('survey/analyze', { surveyId: first.survey! });
    const second = await call('survey/import', { file: { path: write('b.csv', SECOND) }, surveyId: first.survey! });
    expect(second.rows.inserted).toBe(2);
    const both = await call('survey/analyze', { surveyId: first.survey! });
    expect(both.responses).toBe(5);
    // independent figure: the mean of the five answers on the 1–5 scale
    expect(both.questions.find((q) => q.code)!.mean).toBeCloseTo((5 + 4 + 2 + 1 + 5) / 5, 6);

    const undone = await call('import/undo', { id: second.importId! });
    expect(undone.deleted).toBe(2);
    expect(counts(ws.db)).toMatchObject({ surveys: 1, responses: 3, cached: 3 });
    const after = await call('survey/analyze', { surveyId: first.survey! });
    expect(after).toEqual(onlyFirst);
    expect(after.questions.find((q) => q.code)!.mean).toBeCloseTo((5 + 4 + 2) / 3, 6);
  });

  it('refuses to undo the import that created a survey while a later import added to it, naming that import; nothing changes', async () => {
    const { call, attempt, ws } = setup();
    const first = await call('survey/import', { file: { path: write('c.csv', FIRST) } });
    const second = await call('survey/import', { file: { path: write('d.csv', SECOND) }, surveyId: first.survey! });
    const before = counts(ws.db);
    const r = await attempt('import/undo', { id: first.importId });
    expect(r.ok || r.error.code).toBe('import/undo-later-import');
    if (!r.ok) expect(r.error.message).toContain(`#${second.importId}`);
    expect(counts(ws.db)).toEqual(before);
    // in the order the message asks, both undo
    await call('import/undo', { id: second.importId! });
    await call('import/undo', { id: first.importId! });
    expect(counts(ws.db)).toMatchObject({ surveys: 0, responses: 0, answers: 0 });
  });

  it('refuses when a response was entered by phone into the imported survey, in the user’s language; nothing changes', async () => {
    const { call, attempt, ws } = setup();
    const first = await call('survey/import', { file: { path: write('e.csv', FIRST) } });
    const q = ws.db
      .prepare('SELECT id FROM survey_questions WHERE survey_id = ? ORDER BY position LIMIT 1')
      .pluck()
      .get(first.survey) as number;
    await call('survey/save-plan', { id: first.survey!, name: '春季回访', method: 'phone', status: 'running' });
    await call('survey/enter-response', { surveyId: first.survey!, answers: [{ questionId: q, value: 4 }] });
    const before = counts(ws.db);
    const r = await attempt('import/undo', { id: first.importId }, 'zh-CN');
    expect(r.ok || r.error.code).toBe('import/undo-survey-responses');
    if (!r.ok) expect(r.error.message).toMatch(/^无法撤销导入 #\d+.*春季回访.*1/);
    expect(counts(ws.db)).toEqual(before);
    expect((await call('import/history'))[0].status).toBe('committed');
  });

  it('refuses when an improvement action now refers to the imported survey (import/undo-referenced); nothing changes', async () => {
    const { call, attempt, ws } = setup();
    const first = await call('survey/import', { file: { path: write('f.csv', FIRST) } });
    await call('survey/save-action', {
      surveyId: first.survey,
      finding: 'Slow delivery',
      action: 'Call every detractor',
    });
    const before = counts(ws.db);
    const r = await attempt('import/undo', { id: first.importId });
    expect(r.ok || r.error.code).toBe('import/undo-referenced');
    expect(counts(ws.db)).toEqual(before);
  });
});
