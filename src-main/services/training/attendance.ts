import type { Database } from 'better-sqlite3';
import type { ParsedInput } from '../../contract';
import { WorkbenchError } from '../../contract/errors';
import type { Participant } from '../../contract/training';
import { audit } from '../audit';
import type { ServiceContext } from '../context';
import { getCourse, getSession } from './courses';

type Row = Omit<Participant, 'attended' | 'passed'> & { attended: number; passMark: number | null };

/** The session's participants: enrolled or attended, with their test score against the course's pass mark. */
export function participants(db: Database, sessionId: number): Participant[] {
  getSession(db, sessionId);
  const rows = db
    .prepare(
      `SELECT s.employee_no AS employeeNo, s.name, t.name AS team, a.attended, a.test_score AS testScore, a.mastery, a.feedback,
              a.enrolled_reason AS enrolledReason, p.pass_mark AS passMark
       FROM training_attendance a JOIN staff s ON s.id = a.staff_id LEFT JOIN teams t ON t.id = s.team_id
       JOIN training_sessions ss ON ss.id = a.session_id JOIN training_plans p ON p.id = ss.plan_id
       WHERE a.session_id = ? ORDER BY s.employee_no`,
    )
    .all(sessionId) as Row[];
  return rows.map(({ passMark, ...r }) => ({
    ...r,
    attended: r.attended === 1,
    passed: r.testScore === null || passMark === null ? null : r.testScore >= passMark,
  }));
}

function staffIds(db: Database, people: string[]): number[] {
  const stmt = db.prepare('SELECT id FROM staff WHERE lower(employee_no) = lower(?)').pluck();
  return people.map((p) => {
    const id = stmt.get(p) as number | undefined;
    if (id === undefined) throw new WorkbenchError('training/person-not-found', { person: p });
    return id;
  });
}

/** Enrols people in a session (already enrolled ones are left as they are); the reason says why, e.g. an appraisal gap. */
export function enrol(
  ctx: ServiceContext,
  input: ParsedInput<'training/enrol'>,
): { enrolled: number; already: number } {
  const { db } = ctx;
  return db.transaction(() => {
    const s = getSession(db, input.sessionId);
    if (s.held) throw new WorkbenchError('training/session-past', { date: s.date });
    const ids = staffIds(db, input.people);
    const put = db.prepare(
      'INSERT INTO training_attendance (session_id, staff_id, attended, enrolled_reason) VALUES (?, ?, 0, ?) ON CONFLICT DO NOTHING',
    );
    let enrolled = 0;
    for (const id of new Set(ids)) {
      if (put.run(input.sessionId, id, input.reason ?? null).changes) {
        enrolled++;
        audit(db, {
          actor: ctx.actor,
          entity: 'training_attendance',
          entityId: `${input.sessionId}/${id}`,
          field: 'enrolled',
          newValue: true,
          reason: input.reason ?? null,
        });
      }
    }
    return { enrolled, already: new Set(ids).size - enrolled };
  })();
}

/**
 * P5.5: attendance, test score, mastery and feedback per person, only once the session's day has come;
 * a score needs the person present. Everything is checked before anything is written.
 */
export function recordAttendance(ctx: ServiceContext, input: ParsedInput<'training/attendance'>): Participant[] {
  const { db } = ctx;
  return db.transaction(() => {
    const s = getSession(db, input.sessionId);
    if (!s.held) throw new WorkbenchError('training/session-not-held', { date: s.date, course: s.course });
    getCourse(db, s.courseId);
    const ids = staffIds(
      db,
      input.rows.map((r) => r.person),
    );
    input.rows.forEach((r) => {
      if (!r.attended && (r.testScore != null || r.mastery != null))
        throw new WorkbenchError('training/score-without-attendance', { person: r.person });
    });
    const put = db.prepare(
      `INSERT INTO training_attendance (session_id, staff_id, attended, test_score, mastery, feedback) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (session_id, staff_id) DO UPDATE SET attended = excluded.attended, test_score = excluded.test_score, mastery = excluded.mastery, feedback = COALESCE(excluded.feedback, feedback)`,
    );
    const old = db.prepare(
      'SELECT attended, test_score AS testScore, mastery FROM training_attendance WHERE session_id = ? AND staff_id = ?',
    );
    input.rows.forEach((r, i) => {
      const before = old.get(s.id, ids[i]) ?? null;
      put.run(s.id, ids[i], r.attended ? 1 : 0, r.testScore ?? null, r.mastery ?? null, r.feedback ?? null);
      audit(db, {
        actor: ctx.actor,
        entity: 'training_attendance',
        entityId: `${s.id}/${ids[i]}`,
        oldValue: before,
        newValue: r,
      });
    });
    return participants(db, s.id);
  })();
}
