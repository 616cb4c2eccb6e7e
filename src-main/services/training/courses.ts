import type { Database } from 'better-sqlite3';
import type { ParsedInput } from '../../contract';
import { WorkbenchError } from '../../contract/errors';
import type { Course, Requirement, Topic, TrainingSession } from '../../contract/training';
import { audit } from '../audit';
import type { ServiceContext } from '../context';
import { today } from '../context';

/** P5.4: the hours each stage must train in a year, and its topics. */
export function requirements(db: Database, year: number): Requirement[] {
  return (
    db
      .prepare('SELECT year, stage, hours, topics FROM training_requirements WHERE year = ? ORDER BY stage')
      .all(year) as (Omit<Requirement, 'topics'> & { topics: string | null })[]
  ).map((r) => ({
    ...r,
    topics: r.topics ? (JSON.parse(r.topics) as Topic[]) : [],
  }));
}

export function setRequirement(ctx: ServiceContext, input: ParsedInput<'training/set-requirement'>): Requirement {
  return ctx.db.transaction(() => {
    const before = requirements(ctx.db, input.year).find((r) => r.stage === input.stage) ?? null;
    ctx.db
      .prepare(
        'INSERT INTO training_requirements (year, stage, hours, topics) VALUES (?, ?, ?, ?) ON CONFLICT (year, stage) DO UPDATE SET hours = excluded.hours, topics = excluded.topics',
      )
      .run(input.year, input.stage, input.hours, JSON.stringify(input.topics));
    audit(ctx.db, {
      actor: ctx.actor,
      entity: 'training_requirement',
      entityId: `${input.year}/${input.stage}`,
      oldValue: before,
      newValue: input,
    });
    return { year: input.year, stage: input.stage, hours: input.hours, topics: input.topics };
  })();
}

const COURSE = `SELECT p.id, p.title, p.stage, COALESCE(p.topic_key, p.topic) AS topic, p.pass_mark AS passMark, p.description,
  (SELECT count(*) FROM training_sessions s WHERE s.plan_id = p.id) AS sessions FROM training_plans p`;

export function listCourses(db: Database): Course[] {
  return db.prepare(`${COURSE} ORDER BY p.stage, p.title`).all() as Course[];
}

export function getCourse(db: Database, id: number): Course {
  const c = db.prepare(`${COURSE} WHERE p.id = ?`).get(id) as Course | undefined;
  if (!c) throw new WorkbenchError('training/course-not-found', { id });
  return c;
}

/** Migration 1 knows four topics; 'policy' is kept in topic_key and shown as such, the old column says 'other'. */
const legacyTopic = (t: Topic) => (t === 'policy' ? 'other' : t);

export function saveCourse(ctx: ServiceContext, input: ParsedInput<'training/course-save'>): Course {
  const { db } = ctx;
  return db.transaction(() => {
    const values = [
      input.title,
      input.stage,
      legacyTopic(input.topic),
      input.topic,
      input.passMark ?? null,
      input.description ?? null,
    ];
    let id = input.id;
    if (id === undefined) {
      id = Number(
        db
          .prepare(
            'INSERT INTO training_plans (title, stage, topic, topic_key, pass_mark, description) VALUES (?, ?, ?, ?, ?, ?)',
          )
          .run(...values).lastInsertRowid,
      );
    } else {
      getCourse(db, id);
      db.prepare(
        'UPDATE training_plans SET title = ?, stage = ?, topic = ?, topic_key = ?, pass_mark = ?, description = ? WHERE id = ?',
      ).run(...values, id);
    }
    audit(db, {
      actor: ctx.actor,
      entity: 'training_course',
      entityId: id,
      newValue: input,
      reason: input.id ? 'changed' : 'created',
    });
    return getCourse(db, id);
  })();
}

const SESSION = `SELECT s.id, s.plan_id AS courseId, p.title AS course, COALESCE(p.topic_key, p.topic) AS topic, s.date, s.trainer, s.trainer_kind AS trainerKind,
  s.place, s.online, COALESCE(s.hours, 0) AS hours, s.cost,
  (SELECT count(*) FROM training_attendance a WHERE a.session_id = s.id) AS enrolled,
  (SELECT count(*) FROM training_attendance a WHERE a.session_id = s.id AND a.attended = 1) AS attended,
  s.feedback_survey_id AS feedbackSurveyId,
  (SELECT count(*) FROM survey_responses r WHERE r.survey_id = s.feedback_survey_id) AS feedbackResponses
  FROM training_sessions s JOIN training_plans p ON p.id = s.plan_id`;

type SessionRow = Omit<TrainingSession, 'online' | 'held'> & { online: number };
const toSession = (r: SessionRow, now: string): TrainingSession => ({
  ...r,
  online: r.online === 1,
  cost: r.cost / 100,
  held: r.date <= now,
});

export function listSessions(db: Database, courseId?: number, year?: number): TrainingSession[] {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (courseId !== undefined) {
    where.push('s.plan_id = ?');
    args.push(courseId);
  }
  if (year !== undefined) {
    where.push('substr(s.date, 1, 4) = ?');
    args.push(String(year));
  }
  const now = today();
  return (
    db
      .prepare(`${SESSION} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY s.date DESC, s.id`)
      .all(...args) as SessionRow[]
  ).map((r) => toSession(r, now));
}

export function getSession(db: Database, id: number): TrainingSession {
  const r = db.prepare(`${SESSION} WHERE s.id = ?`).get(id) as SessionRow | undefined;
  if (!r) throw new WorkbenchError('training/session-not-found', { id });
  return toSession(r, today());
}

/** P5.4: a session of a course: date, trainer (internal or external), place or online, hours, cost. */
export function saveSession(ctx: ServiceContext, input: ParsedInput<'training/session-save'>): TrainingSession {
  const { db } = ctx;
  return db.transaction(() => {
    getCourse(db, input.courseId);
    if (!input.online && !input.place) throw new WorkbenchError('training/place-required');
    const values = [
      input.courseId,
      input.date,
      input.trainer ?? null,
      input.hours,
      input.trainerKind ?? null,
      input.place ?? null,
      input.online ? 1 : 0,
      Math.round(input.cost * 100),
    ];
    let id = input.id;
    if (id === undefined) {
      id = Number(
        db
          .prepare(
            'INSERT INTO training_sessions (plan_id, date, trainer, hours, trainer_kind, place, online, cost) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
          )
          .run(...values).lastInsertRowid,
      );
    } else {
      const before = getSession(db, id);
      // attendance already entered would stand for a day that has not come
      if (input.date > today() && before.attended > 0)
        throw new WorkbenchError('training/session-has-attendance', { date: input.date });
      db.prepare(
        'UPDATE training_sessions SET plan_id = ?, date = ?, trainer = ?, hours = ?, trainer_kind = ?, place = ?, online = ?, cost = ? WHERE id = ?',
      ).run(...values, id);
    }
    audit(db, {
      actor: ctx.actor,
      entity: 'training_session',
      entityId: id,
      newValue: input,
      reason: input.id ? 'changed' : 'created',
    });
    return getSession(db, id);
  })();
}
