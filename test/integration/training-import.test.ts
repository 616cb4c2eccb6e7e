import fs from 'node:fs';
import path from 'node:path';
import dayjs from 'dayjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tmpWorkspace } from '../support/workspace';

let env: ReturnType<typeof tmpWorkspace>;
let held = 0;
let coming = 0;
beforeEach(async () => {
  env = tmpWorkspace();
  await env.call('staff/create', { employeeNo: 'P01', name: '张伟' });
  await env.call('staff/create', { employeeNo: 'P02', name: '李娜' });
  const c = await env.call('training/course-save', {
    title: '产品知识',
    stage: 'junior',
    topic: 'product',
    passMark: 60,
  });
  held = (await env.call('training/session-save', { courseId: c.id, date: '2025-06-01', place: '总部', hours: 3 })).id;
  coming = (
    await env.call('training/session-save', {
      courseId: c.id,
      date: dayjs().add(5, 'day').format('YYYY-MM-DD'),
      place: '总部',
      hours: 3,
    })
  ).id;
});
afterEach(() => env.ws.close());

function sheet(rows: (string | number)[][]): string {
  const file = path.join(env.dir, '成绩.csv');
  fs.writeFileSync(
    file,
    '\ufeff' + [['场次', '姓名', '是否出席', '考试成绩', '掌握程度'], ...rows].map((r) => r.join(',')).join('\r\n'),
  );
  return file;
}
const rows = () =>
  env.ws.db
    .prepare(
      'SELECT session_id AS s, staff_id AS p, attended, test_score AS score, mastery FROM training_attendance ORDER BY s, p',
    )
    .all();

describe('attendance and test scores from a sheet (P5.5)', () => {
  it('reads names or numbers, yes/no and scores, and a second import changes nothing', async () => {
    const file = sheet([
      [held, '张伟', '是', 85, 4],
      [held, 'P02', '否', '', ''],
    ]);
    const r = await env.call('import/run', { kind: 'training-attendance', file: { path: file } });
    expect([r.committed, r.rows.inserted]).toEqual([true, 2]);
    expect(rows()).toEqual([
      { s: held, p: 1, attended: 1, score: 85, mastery: 4 },
      { s: held, p: 2, attended: 0, score: null, mastery: null },
    ]);
    expect((await env.call('import/run', { kind: 'training-attendance', file: { path: file } })).rows.inserted).toBe(0);
    const [p1] = await env.call('training/participants', { sessionId: held });
    expect(p1.passed).toBe(true);
  });

  it('refuses attendance for a session that has not happened, and a score for someone absent: nothing written', async () => {
    const file = sheet([
      [held, '张伟', '是', 85, 4],
      [coming, '李娜', '是', 90, 5],
      [held, '李娜', '否', 70, ''],
    ]);
    for (const lang of ['en', 'zh-CN'] as const) {
      const r = await env.attempt('import/run', { kind: 'training-attendance', file: { path: file } }, lang);
      if (!r.ok) throw new Error(r.error.message);
      const v = r.value as { committed: boolean; errors: { row: number; message: string }[] };
      expect(v.committed).toBe(false);
      expect(v.errors.map((e) => e.row)).toEqual([3, 4]);
      expect(v.errors[0].message).toContain(lang === 'en' ? 'has not happened yet' : '尚未举行');
    }
    expect(rows()).toEqual([]);
  });
});
