import type { Database } from 'better-sqlite3';
import type { Effect, EffectSide } from '../../contract/training';
import { kpiValues, quarterOf, shiftQuarter } from '../recruit/appraisal-link';
import { getCourse, listCourses } from './courses';
import { topicsByKpi } from './loop';
import { today } from '../context';

/** Fewer people than this in either group: too few to judge. */
export const MIN_GROUP = 5;

const r2 = (x: number) => Math.round(x * 100) / 100;
function side(pairs: [number, number][]): EffectSide {
  if (pairs.length === 0) return { n: 0, before: null, after: null, change: null };
  const before = pairs.reduce((a, p) => a + p[0], 0) / pairs.length;
  const after = pairs.reduce((a, p) => a + p[1], 0) / pairs.length;
  return { n: pairs.length, before: r2(before), after: r2(after), change: r2(after - before) };
}

/**
 * Did the training work: for each held session, its attendees' KPI value in the quarter before the
 * session's quarter and in the quarter after, beside the same two quarters of comparable people who
 * never attended the course. A person counts once, at the first session they attended; an untrained
 * person counts once per distinct session quarter. The groups' sizes are given, and flagged when either
 * is under five.
 */
export function courseEffect(
  db: Database,
  courseId: number,
  kpi?: string,
  cache = new Map<string, Map<number, number>>(),
): Effect {
  const course = getCourse(db, courseId);
  const related = kpi
    ? [kpi]
    : [...topicsByKpi(db)].filter(([, topics]) => topics.includes(course.topic)).map(([k]) => k);
  const sessions = db
    .prepare(
      'SELECT a.staff_id AS staffId, min(s.date) AS date FROM training_attendance a JOIN training_sessions s ON s.id = a.session_id WHERE s.plan_id = ? AND a.attended = 1 AND s.date <= ? GROUP BY a.staff_id',
    )
    .all(courseId, today()) as { staffId: number; date: string }[];
  const trainedIds = new Set(sessions.map((s) => s.staffId));
  const anchors = [...new Set(sessions.map((s) => quarterOf(s.date)))];
  const values = (q: string, k: string) => {
    const key = `${q}|${k}`;
    let m = cache.get(key);
    if (!m) cache.set(key, (m = kpiValues(db, q, k)));
    return m;
  };
  const byKpi = related.map((k) => {
    const trained: [number, number][] = [];
    for (const s of sessions) {
      const q = quarterOf(s.date);
      const b = values(shiftQuarter(q, -1), k).get(s.staffId);
      const a = values(shiftQuarter(q, 1), k).get(s.staffId);
      if (b !== undefined && a !== undefined) trained.push([b, a]);
    }
    const untrained: [number, number][] = [];
    for (const q of anchors) {
      const before = values(shiftQuarter(q, -1), k);
      const after = values(shiftQuarter(q, 1), k);
      for (const [id, b] of before) {
        const a = after.get(id);
        if (!trainedIds.has(id) && a !== undefined) untrained.push([b, a]);
      }
    }
    const t = side(trained);
    const u = side(untrained);
    return { kpi: k, trained: t, untrained: u, tooSmall: t.n < MIN_GROUP || u.n < MIN_GROUP };
  });
  // the headline is the first related KPI that can be judged, else the first with any data, else the first
  const first = byKpi.find((k) => !k.tooSmall) ?? byKpi.find((k) => k.trained.n + k.untrained.n > 0) ?? byKpi[0];
  const none = { n: 0, before: null, after: null, change: null };
  return {
    course: { id: course.id, title: course.title, topic: course.topic },
    kpi: first?.kpi ?? null,
    trained: first?.trained ?? none,
    untrained: first?.untrained ?? none,
    tooSmall: first?.tooSmall ?? true,
    byKpi,
  };
}

/** The effect of every course that has been held, for the training-effect table. */
export function effectTable(db: Database): Effect[] {
  const cache = new Map<string, Map<number, number>>();
  return listCourses(db)
    .filter((c) => c.sessions > 0)
    .map((c) => courseEffect(db, c.id, undefined, cache));
}
