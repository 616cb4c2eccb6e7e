import type { Database } from 'better-sqlite3';
import type { ParsedInput } from '../../contract';
import { WorkbenchError } from '../../contract/errors';
import type { SchemeDefinition } from '../../contract/appraisal-scheme';
import { audit } from '../audit';
import { nowIso, type ServiceContext } from '../context';
import { rescore } from './compute';
import { assertChangeable, requireEntry, requireAppraisal, SCORING_OPEN, type AppraisalRow } from './appraisal-store';
import { schemeById } from './scheme';

type RatingInput = ParsedInput<'appraisal/rate-many'>['ratings'][number];

/** A rating must name a rated KPI of the scheme and one of its rubric's levels (P6.1). */
export function checkRating(def: SchemeDefinition, kpiKey: string, score: number): void {
  const kpi = def.kpis.find((k) => k.key === kpiKey);
  if (!kpi)
    throw new WorkbenchError('review/unknown-kpi', { kpi: kpiKey, kpis: def.kpis.map((k) => k.key).join(', ') });
  if (kpi.source !== 'rated') throw new WorkbenchError('review/kpi-not-rated', { kpi: kpiKey });
  const levels = (kpi.rubric ?? []).map((r) => r.level);
  if (!levels.includes(score))
    throw new WorkbenchError('review/rating-outside-rubric', { kpi: kpiKey, score, levels: levels.join(', ') });
}

/** The appraisal open for rating, its scheme, and a resolver of employee numbers to its people. */
export function ratingTarget(db: Database, quarter: string): { appraisal: AppraisalRow; def: SchemeDefinition } {
  const appraisal = requireAppraisal(db, quarter);
  assertChangeable(appraisal, SCORING_OPEN);
  return { appraisal, def: schemeById(db, appraisal.schemeId).definition };
}

/**
 * Records the manager's ratings (typed in the grid, pasted, or imported from Excel): every rating is
 * checked first, then all are saved and audited in one transaction and the people rescored.
 */
export function rateMany(
  ctx: ServiceContext,
  quarter: string,
  ratings: RatingInput[],
): { rated: number; staffIds: number[] } {
  const { db } = ctx;
  return db.transaction(() => {
    const { appraisal, def } = ratingTarget(db, quarter);
    const resolved = ratings.map((r) => {
      checkRating(def, r.kpi, r.score);
      return { ...r, staffId: requireEntry(db, appraisal, r.person).id };
    });
    const old = db.prepare(
      'SELECT score, note FROM review_ratings WHERE review_id = ? AND staff_id = ? AND kpi_key = ?',
    );
    const put = db.prepare(
      `INSERT INTO review_ratings (review_id, staff_id, kpi_key, score, note, rated_by, rated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (review_id, staff_id, kpi_key) DO UPDATE SET score = excluded.score, note = excluded.note, rated_by = excluded.rated_by, rated_at = excluded.rated_at`,
    );
    const at = nowIso();
    let changed = 0;
    for (const r of resolved) {
      const before = old.get(appraisal.id, r.staffId, r.kpi) as { score: number; note: string | null } | undefined;
      const note = r.note === undefined ? (before?.note ?? null) : r.note;
      if (before && before.score === r.score && before.note === note) continue;
      put.run(appraisal.id, r.staffId, r.kpi, r.score, note, ctx.actor, at);
      audit(db, {
        actor: ctx.actor,
        entity: 'review_rating',
        entityId: `${quarter}:${r.person}:${r.kpi}`,
        field: 'score',
        oldValue: before?.score ?? null,
        newValue: r.score,
        reason: note,
      });
      changed++;
    }
    const staffIds = [...new Set(resolved.map((r) => r.staffId))];
    if (changed > 0) rescore(ctx, appraisal, staffIds);
    return { rated: changed, staffIds };
  })();
}
