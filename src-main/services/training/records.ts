import type { Database } from 'better-sqlite3';
import dayjs from 'dayjs';
import type { Stage, TrainingRecord } from '../../contract/training';
import { requirements } from './courses';
import { today } from '../context';

interface Person {
  id: number;
  employeeNo: string;
  name: string;
  team: string | null;
  hireDate: string | null;
  probationEnd: string | null;
  leads: number;
}

/**
 * P5.4: a person's development stage on a day: team lead when they manage a team or people; new hire
 * while on probation (or in their first six months when no probation end is recorded); junior in the
 * first three years; senior after.
 */
export function stageOf(p: Pick<Person, 'hireDate' | 'probationEnd' | 'leads'>, asOf: string): Stage {
  if (p.leads > 0) return 'manager';
  if (!p.hireDate) return 'senior';
  if (p.probationEnd ? asOf <= p.probationEnd : asOf < dayjs(p.hireDate).add(6, 'month').format('YYYY-MM-DD'))
    return 'onboarding';
  if (asOf < dayjs(p.hireDate).add(3, 'year').format('YYYY-MM-DD')) return 'junior';
  return 'senior';
}

export function people(db: Database, person?: string): Person[] {
  return db
    .prepare(
      `SELECT s.id, s.employee_no AS employeeNo, s.name, t.name AS team, s.hire_date AS hireDate, s.probation_end AS probationEnd,
              (EXISTS (SELECT 1 FROM teams x WHERE x.manager_id = s.id) OR EXISTS (SELECT 1 FROM staff y WHERE y.manager_id = s.id)) AS leads
       FROM staff s LEFT JOIN teams t ON t.id = s.team_id WHERE s.status = 'active' ${person ? 'AND lower(s.employee_no) = lower(?)' : ''} ORDER BY s.employee_no`,
    )
    .all(...(person ? [person] : [])) as Person[];
}

/** P5.5: each person's training in a year: hours attended against the stage's requirement, courses passed. */
export function trainingRecords(db: Database, year: number, person?: string): TrainingRecord[] {
  const req = new Map(requirements(db, year).map((r) => [r.stage, r.hours]));
  const now = today();
  const asOf = `${year}-12-31` < now ? `${year}-12-31` : now;
  const rows = db
    .prepare(
      `SELECT a.staff_id AS staffId, s.id AS sessionId, p.title AS course, s.date, COALESCE(s.hours, 0) AS hours, a.test_score AS testScore, p.pass_mark AS passMark
       FROM training_attendance a JOIN training_sessions s ON s.id = a.session_id JOIN training_plans p ON p.id = s.plan_id
       WHERE a.attended = 1 AND substr(s.date, 1, 4) = ? ORDER BY s.date`,
    )
    .all(String(year)) as {
    staffId: number;
    sessionId: number;
    course: string;
    date: string;
    hours: number;
    testScore: number | null;
    passMark: number | null;
  }[];
  const byPerson = new Map<number, typeof rows>();
  for (const r of rows) byPerson.set(r.staffId, [...(byPerson.get(r.staffId) ?? []), r]);
  return people(db, person).map((p) => {
    const stage = stageOf(p, asOf);
    const courses = (byPerson.get(p.id) ?? []).map((r) => ({
      sessionId: r.sessionId,
      course: r.course,
      date: r.date,
      hours: r.hours,
      testScore: r.testScore,
      passed: r.testScore === null || r.passMark === null ? null : r.testScore >= r.passMark,
    }));
    const hours = Math.round(courses.reduce((a, c) => a + c.hours, 0) * 10) / 10;
    const required = req.get(stage) ?? null;
    return {
      employeeNo: p.employeeNo,
      name: p.name,
      team: p.team,
      stage,
      year,
      hours,
      required,
      short: required === null ? 0 : Math.max(0, Math.round((required - hours) * 10) / 10),
      passed: courses.filter((c) => c.passed === true).length,
      courses,
    };
  });
}
