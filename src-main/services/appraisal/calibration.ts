import type { Database } from 'better-sqlite3';
import type { CalibrationResult, CalibrationTeam } from '../../contract/appraisal';
import type { SchemeDefinition } from '../../contract/appraisal-scheme';
import type { Lang } from '../../i18n/messages';
import { t } from '../../i18n/messages';
import { round2 } from './curves';
import { requireAppraisal } from './appraisal-store';
import { schemeById } from './scheme';

function teamStats(
  def: SchemeDefinition,
  team: string,
  rows: { total: number | null; grade: string | null }[],
): CalibrationTeam {
  const totals = rows.map((r) => r.total).filter((x): x is number => x !== null);
  const grades: Record<string, number> = Object.fromEntries(def.grades.map((g) => [g.grade, 0]));
  for (const r of rows) if (r.grade) grades[r.grade] = (grades[r.grade] ?? 0) + 1;
  const graded = rows.filter((r) => r.grade).length;
  const groups = (def.distribution?.groups ?? []).map((g) => ({
    grades: g.grades,
    target: g.pct,
    actual: graded ? round2((g.grades.reduce((s, x) => s + (grades[x] ?? 0), 0) / graded) * 100) : 0,
  }));
  const tolerance = def.distribution?.tolerance ?? 0;
  return {
    team,
    people: rows.length,
    mean: totals.length ? round2(totals.reduce((s, x) => s + x, 0) / totals.length) : null,
    min: totals.length ? Math.min(...totals) : null,
    max: totals.length ? Math.max(...totals) : null,
    grades,
    groups,
    departs: graded > 0 && groups.some((g) => Math.abs(g.actual - g.target) > tolerance),
  };
}

/** Calibration (P6.4): scores and grades by team against the target distribution, with a flag where a team departs from it. */
export function calibration(db: Database, lang: Lang, quarter: string): CalibrationResult {
  const appraisal = requireAppraisal(db, quarter);
  const def = schemeById(db, appraisal.schemeId).definition;
  const rows = db
    .prepare(
      `SELECT t.name AS team, COALESCE(e.adjusted_total, e.total) AS total, e.grade FROM review_entries e JOIN staff s ON s.id = e.staff_id
       LEFT JOIN teams t ON t.id = s.team_id WHERE e.review_id = ?`,
    )
    .all(appraisal.id) as { team: string | null; total: number | null; grade: string | null }[];
  const noTeam = t(lang, 'appraisal.noTeam');
  const byTeam = new Map<string, typeof rows>();
  for (const r of rows) {
    const k = r.team ?? noTeam;
    if (!byTeam.has(k)) byTeam.set(k, []);
    byTeam.get(k)!.push(r);
  }
  const histogram: CalibrationResult['histogram'] = [];
  for (let from = 0; from < 120; from += 10) {
    histogram.push({
      from,
      to: from + 10,
      count: rows.filter(
        (r) => r.total !== null && r.total >= from && (r.total < from + 10 || (from === 110 && r.total >= 120)),
      ).length,
    });
  }
  return {
    quarter,
    grades: def.grades.map((g) => g.grade),
    teams: [...byTeam.keys()].sort().map((k) => teamStats(def, k, byTeam.get(k)!)),
    company: teamStats(def, t(lang, 'appraisal.company'), rows),
    histogram,
  };
}
