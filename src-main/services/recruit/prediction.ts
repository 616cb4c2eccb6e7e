import type { Database } from 'better-sqlite3';
import dayjs from 'dayjs';
import type { Prediction } from '../../contract/recruit';
import type { Lang } from '../../i18n/messages';
import { abilityRubric, firstAppraisals, quarterOf } from './appraisal-link';
import { mean, pearson, round } from './stats';
import { today } from '../context';

/**
 * Did the interview predict: for hires of the last `years` years, each person's mean interview level
 * per item (all interviewers, all rounds) beside their first appraisal's total, with Pearson's r and n
 * per item, so the manager learns which interview items matter.
 */
export function prediction(db: Database, lang: Lang, years: number): Prediction {
  const from = dayjs().subtract(years, 'year').format('YYYY-MM-DD');
  const hires = db
    .prepare(
      'SELECT c.id, c.staff_id AS staffId, s.employee_no AS employeeNo, s.name FROM candidates c JOIN staff s ON s.id = c.staff_id WHERE c.hired_date >= ? ORDER BY c.hired_date',
    )
    .all(from) as { id: number; staffId: number; employeeNo: string; name: string }[];
  const firsts = firstAppraisals(
    db,
    hires.map((h) => h.staffId),
  );
  const levels = db.prepare(
    'SELECT s.item_key AS k, s.level FROM interview_scores s JOIN interviews i ON i.id = s.interview_id WHERE i.candidate_id = ?',
  );
  const labels = new Map(abilityRubric(db, quarterOf(today()), lang).map((r) => [r.key, r.label]));
  const people: Prediction['people'] = [];
  for (const h of hires) {
    const first = firsts.get(h.staffId);
    if (!first) continue;
    const byItem = new Map<string, number[]>();
    for (const r of levels.all(h.id) as { k: string; level: number }[])
      byItem.set(r.k, [...(byItem.get(r.k) ?? []), r.level]);
    if (byItem.size === 0) continue;
    const scores = Object.fromEntries([...byItem].map(([k, xs]) => [k, round(mean(xs), 2)]));
    people.push({
      employeeNo: h.employeeNo,
      name: h.name,
      quarter: first.quarter,
      total: first.total,
      scores,
      overall: round(mean([...byItem.values()].flat()), 2),
    });
  }
  const keys = [...new Set(people.flatMap((p) => Object.keys(p.scores)))];
  const items = keys.map((key) => {
    const pairs = people.filter((p) => p.scores[key] != null);
    return {
      key,
      label: labels.get(key) ?? key,
      n: pairs.length,
      r: round(
        pearson(
          pairs.map((p) => p.scores[key]!),
          pairs.map((p) => p.total),
        ),
        3,
      ),
    };
  });
  const withOverall = people.filter((p) => p.overall !== null);
  return {
    from,
    hires: hires.length,
    items,
    overall: {
      n: withOverall.length,
      r: round(
        pearson(
          withOverall.map((p) => p.overall!),
          withOverall.map((p) => p.total),
        ),
        3,
      ),
    },
    people,
  };
}
