import type { Database } from 'better-sqlite3';
import type { ParsedInput } from '../../contract';
import { WorkbenchError } from '../../contract/errors';
import type { Suggestion, Topic } from '../../contract/training';
import type { Lang } from '../../i18n/messages';
import { audit } from '../audit';
import type { ServiceContext } from '../context';
import {
  appraisalKpis,
  DATA_GAP_SCORE,
  latestAppraisedQuarter,
  quarterOf,
  quarterResults,
  RATED_GAP_LEVEL,
} from '../recruit/appraisal-link';
import { today } from '../context';

/** The editable KPI → topics mapping (closing the loop): which topics address a weak KPI. */
export function topicsByKpi(db: Database): Map<string, Topic[]> {
  const out = new Map<string, Topic[]>();
  for (const r of db.prepare('SELECT kpi_key AS k, topic FROM training_kpi_topics ORDER BY kpi_key, topic').all() as {
    k: string;
    topic: Topic;
  }[])
    out.set(r.k, [...(out.get(r.k) ?? []), r.topic]);
  return out;
}

export function kpiTopicList(db: Database, lang: Lang): { kpi: string; label: string | null; topics: Topic[] }[] {
  const map = topicsByKpi(db);
  const kpis = appraisalKpis(db, quarterOf(today()));
  const keys = [...new Set([...kpis.map((k) => k.key), ...map.keys()])];
  return keys.map((kpi) => ({
    kpi,
    label: kpis.find((k) => k.key === kpi)?.label[lang] ?? null,
    topics: map.get(kpi) ?? [],
  }));
}

export function setKpiTopics(
  ctx: ServiceContext,
  input: ParsedInput<'training/set-kpi-topics'>,
): { kpi: string; topics: Topic[] } {
  return ctx.db.transaction(() => {
    const before = topicsByKpi(ctx.db).get(input.kpi) ?? [];
    ctx.db.prepare('DELETE FROM training_kpi_topics WHERE kpi_key = ?').run(input.kpi);
    const put = ctx.db.prepare('INSERT INTO training_kpi_topics (kpi_key, topic) VALUES (?, ?)');
    const topics = [...new Set(input.topics)];
    for (const t of topics) put.run(input.kpi, t);
    audit(ctx.db, {
      actor: ctx.actor,
      entity: 'training_kpi_topics',
      entityId: input.kpi,
      oldValue: before,
      newValue: topics,
    });
    return { kpi: input.kpi, topics };
  })();
}

/**
 * Closing the loop (P5.6 → P5.4): every gap of a quarter's appraisal — a rated KPI at level 2 or below,
 * or a data KPI scoring under 60 (under the value its curve sets for "meets expectations") — with the
 * courses whose topic addresses that KPI and their sessions still to come, to enrol in one step.
 */
export function suggestions(
  db: Database,
  lang: Lang,
  quarter?: string,
): { quarter: string | null; items: Suggestion[] } {
  const q = quarter ?? latestAppraisedQuarter(db);
  if (!q) return { quarter: null, items: [] };
  if (quarter && !db.prepare('SELECT 1 FROM reviews WHERE quarter = ?').get(quarter))
    throw new WorkbenchError('training/no-appraisal', { quarter });
  const kpis = new Map(appraisalKpis(db, q).map((k) => [k.key, k]));
  const map = topicsByKpi(db);
  const people = new Map(
    (
      db
        .prepare(
          "SELECT s.id, s.employee_no AS employeeNo, s.name, t.name AS team FROM staff s LEFT JOIN teams t ON t.id = s.team_id WHERE s.status = 'active'",
        )
        .all() as { id: number; employeeNo: string; name: string; team: string | null }[]
    ).map((p) => [p.id, p]),
  );
  const courses = db
    .prepare('SELECT id AS courseId, title, COALESCE(topic_key, topic) AS topic FROM training_plans ORDER BY title')
    .all() as { courseId: number; title: string; topic: Topic }[];
  const upcoming = db.prepare('SELECT id, date FROM training_sessions WHERE plan_id = ? AND date > ? ORDER BY date');
  const now = today();
  const coursesFor = (topics: Topic[]) =>
    courses
      .filter((c) => topics.includes(c.topic))
      .map((c) => ({
        courseId: c.courseId,
        title: c.title,
        sessions: upcoming.all(c.courseId, now) as { id: number; date: string }[],
      }));
  const items: Suggestion[] = [];
  for (const r of quarterResults(db, q)) {
    const k = kpis.get(r.kpi);
    const p = people.get(r.staffId);
    if (!k || !p) continue;
    const rated = k.source === 'rated';
    const gap = rated ? r.value !== null && r.value <= RATED_GAP_LEVEL : r.score !== null && r.score < DATA_GAP_SCORE;
    if (!gap) continue;
    const topics = map.get(r.kpi) ?? [];
    items.push({
      employeeNo: p.employeeNo,
      name: p.name,
      team: p.team,
      kpi: r.kpi,
      kpiLabel: k.label[lang],
      value: r.value,
      score: r.score,
      rated,
      topics,
      courses: coursesFor(topics),
    });
  }
  items.sort((a, b) => a.employeeNo.localeCompare(b.employeeNo) || a.kpi.localeCompare(b.kpi));
  return { quarter: q, items };
}
