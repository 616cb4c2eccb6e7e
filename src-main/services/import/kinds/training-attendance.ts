import { isProblem, loadStaff, resolvePerson, type StaffLookup } from './lookups';
import type { CommitResult, ImportKind, RowProblem } from './types';
import { today } from '../../context';

/**
 * P5.5: attendance and test scores of training sessions from a sheet (a filled-in sign-in sheet, an
 * exam platform's score list). A session that has not taken place yet takes no attendance, and a score
 * needs the person present: such rows are refused, never stored.
 */
const L = (k: string) => `training.fields.${k}`;

interface State {
  staff: StaffLookup;
  sessions: Map<number, string>;
  today: string;
}

export const trainingAttendanceKind: ImportKind<State> = {
  kind: 'training-attendance',
  label: 'importExport.kinds.training-attendance',
  fields: [
    {
      key: 'session',
      label: 'training.fields.session',
      type: 'int',
      required: true,
      min: 1,
      example: 1,
      synonyms: ['场次', '场次编号', '培训场次', 'Session', 'Session ID'],
    },
    {
      key: 'person',
      label: L('employeeNo'),
      type: 'text',
      required: true,
      maxLength: 50,
      shape: 'code',
      example: 'S0001',
      synonyms: ['工号', '员工编号', '姓名', '学员', 'Employee No', 'Employee', 'Name', 'Participant'],
    },
    {
      key: 'attended',
      label: L('attended'),
      type: 'bool',
      required: true,
      example: '是',
      synonyms: ['出席', '是否出席', '签到', '出勤', 'Attended', 'Present'],
    },
    {
      key: 'testScore',
      label: L('testScore'),
      type: 'number',
      min: 0,
      max: 100,
      example: 85,
      synonyms: ['成绩', '测试成绩', '考试成绩', '分数', 'Score', 'Test Score'],
    },
    {
      key: 'mastery',
      label: L('mastery'),
      type: 'int',
      min: 1,
      max: 5,
      example: 4,
      synonyms: ['掌握程度', '讲师评价', 'Mastery'],
    },
    {
      key: 'feedback',
      label: L('feedback'),
      type: 'text',
      maxLength: 1000,
      example: '内容实用',
      synonyms: ['反馈', '意见', '备注', 'Feedback', 'Comment'],
    },
  ],
  prepare(ctx) {
    const sessions = new Map(
      (ctx.db.prepare('SELECT id, date FROM training_sessions').all() as { id: number; date: string }[]).map((s) => [
        s.id,
        s.date,
      ]),
    );
    return { staff: loadStaff(ctx.db), sessions, today: today() };
  },
  check(r, s) {
    const problems: RowProblem[] = [];
    const date = s.sessions.get(Number(r.session));
    if (date === undefined)
      problems.push({ field: 'session', code: 'training.import.unknownSession', params: { session: r.session } });
    else if (date > s.today)
      problems.push({ field: 'session', code: 'training.import.notHeld', params: { session: r.session, date } });
    const p = resolvePerson(s.staff, String(r.person), 'person');
    if (isProblem(p)) problems.push(p);
    else r.person = p.employeeNo;
    if (r.attended === false && (r.testScore != null || r.mastery != null))
      problems.push({
        field: 'testScore',
        code: 'training.import.scoreWithoutAttendance',
        params: { person: r.person },
      });
    return problems;
  },
  key: (r) => `${String(r.session)}|${String(r.person).toLowerCase()}`,
  commit(records, s, ctx): CommitResult {
    const result: CommitResult = { inserted: 0, updated: 0, unchanged: 0, created: {} };
    const find = ctx.db.prepare(
      'SELECT rowid AS rowId, attended, test_score, mastery, feedback FROM training_attendance WHERE session_id = ? AND staff_id = ?',
    );
    const insert = ctx.db.prepare(
      'INSERT INTO training_attendance (session_id, staff_id, attended, test_score, mastery, feedback) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const update = ctx.db.prepare(
      'UPDATE training_attendance SET attended = ?, test_score = COALESCE(?, test_score), mastery = COALESCE(?, mastery), feedback = COALESCE(?, feedback) WHERE rowid = ?',
    );
    records.forEach((r, i) => {
      const staffId = s.staff.byNo.get(String(r.person).toLowerCase())!.id;
      const old = find.get(r.session, staffId) as
        | {
            rowId: number;
            attended: number;
            test_score: number | null;
            mastery: number | null;
            feedback: string | null;
          }
        | undefined;
      const values = [r.attended ? 1 : 0, r.testScore ?? null, r.mastery ?? null, r.feedback ?? null] as const;
      if (!old) {
        ctx.changes.inserted('training_attendance', Number(insert.run(r.session, staffId, ...values).lastInsertRowid));
        result.inserted++;
      } else if (
        old.attended === values[0] &&
        (values[1] === null || old.test_score === values[1]) &&
        (values[2] === null || old.mastery === values[2]) &&
        (values[3] === null || old.feedback === values[3])
      ) {
        result.unchanged++;
      } else {
        const { rowId, ...before } = old;
        ctx.changes.updated('training_attendance', rowId, before);
        update.run(...values, rowId);
        result.updated++;
      }
      ctx.progress(i + 1, records.length);
    });
    return result;
  },
};
