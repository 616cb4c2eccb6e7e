import type { Database } from 'better-sqlite3';
import type { ParsedInput } from '../../contract';
import { WorkbenchError } from '../../contract/errors';
import type { PeerRating } from '../../contract/appraisal';
import { peerWeightOf, type SchemeDefinition } from '../../contract/appraisal-scheme';
import { audit } from '../audit';
import { nowIso, type ServiceContext } from '../context';
import { rescore } from './compute';
import { checkRating, ratingTarget } from './ratings';
import { assertChangeable, personId, requireEntry, requireAppraisal, SCORING_OPEN } from './appraisal-store';
import { staffByEmployeeNo } from '../../db/access/staff';

type PeerRateInput = ParsedInput<'appraisal/peer-rate'>;

/** A peer rating must name a rated KPI that takes peers (peer weight > 0) and one of its rubric's levels (P6.1). */
function checkPeerRating(def: SchemeDefinition, kpiKey: string, level: number): void {
  checkRating(def, kpiKey, level);
  if (peerWeightOf(def.kpis.find((k) => k.key === kpiKey)!) <= 0) {
    const open = def.kpis.filter((k) => peerWeightOf(k) > 0).map((k) => k.key);
    throw new WorkbenchError('review/kpi-not-peer-rated', { kpi: kpiKey, kpis: open.length ? open.join(', ') : '—' });
  }
}

/** The rater: an active member of staff other than the person rated. */
function requireRater(
  db: Database,
  raterNo: string,
  ratedId: number,
): { id: number; employeeNo: string; name: string } {
  const r = staffByEmployeeNo(db, raterNo);
  if (!r) throw new WorkbenchError('review/rater-not-found', { rater: raterNo });
  if (r.id === ratedId) throw new WorkbenchError('review/peer-self-rating', { rater: r.employeeNo });
  if (r.status !== 'active') throw new WorkbenchError('review/rater-inactive', { rater: r.employeeNo, name: r.name });
  return r;
}

/**
 * Records (or replaces) one colleague's rating of a person on a peer-rated KPI (P6.1 teamwork): checked,
 * saved and audited like the manager's ratings, then the person is rescored. Nothing is written on refusal.
 */
export function peerRate(ctx: ServiceContext, input: PeerRateInput): { staffId: number; changed: boolean } {
  const { db } = ctx;
  return db.transaction(() => {
    const { appraisal, def } = ratingTarget(db, input.quarter);
    checkPeerRating(def, input.kpi, input.level);
    const person = requireEntry(db, appraisal, input.person);
    const rater = requireRater(db, input.rater, person.id);
    const before = db
      .prepare(
        'SELECT id, level, comment FROM review_peer_ratings WHERE review_id = ? AND staff_id = ? AND rater_id = ? AND kpi_key = ?',
      )
      .get(appraisal.id, person.id, rater.id, input.kpi) as
      { id: number; level: number; comment: string | null } | undefined;
    const comment = input.comment === undefined ? (before?.comment ?? null) : input.comment || null;
    if (before && before.level === input.level && before.comment === comment)
      return { staffId: person.id, changed: false };
    db.prepare(
      `INSERT INTO review_peer_ratings (review_id, staff_id, rater_id, kpi_key, level, comment, rated_at, rated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (review_id, staff_id, rater_id, kpi_key) DO UPDATE SET level = excluded.level, comment = excluded.comment, rated_at = excluded.rated_at, rated_by = excluded.rated_by`,
    ).run(appraisal.id, person.id, rater.id, input.kpi, input.level, comment, nowIso(), ctx.actor);
    audit(db, {
      actor: ctx.actor,
      entity: 'review_peer_rating',
      entityId: `${appraisal.quarter}:${input.person}:${input.kpi}:${rater.employeeNo}`,
      field: 'level',
      oldValue: before?.level ?? null,
      newValue: input.level,
      reason: comment,
    });
    rescore(ctx, appraisal, [person.id]);
    return { staffId: person.id, changed: true };
  })();
}

/** Removes one peer rating (audited) and rescores the person; refused once the appraisal's scores are closed. */
export function deletePeerRating(ctx: ServiceContext, id: number): { quarter: string; employeeNo: string } {
  const { db } = ctx;
  return db.transaction(() => {
    const row = db
      .prepare(
        `SELECT p.staff_id AS staffId, p.kpi_key AS kpi, p.level, p.comment, v.quarter, s.employee_no AS employeeNo, r.employee_no AS raterNo
         FROM review_peer_ratings p JOIN reviews v ON v.id = p.review_id JOIN staff s ON s.id = p.staff_id JOIN staff r ON r.id = p.rater_id WHERE p.id = ?`,
      )
      .get(id) as
      | {
          staffId: number;
          kpi: string;
          level: number;
          comment: string | null;
          quarter: string;
          employeeNo: string;
          raterNo: string;
        }
      | undefined;
    if (!row) throw new WorkbenchError('review/peer-rating-not-found', { id });
    const appraisal = requireAppraisal(db, row.quarter);
    assertChangeable(appraisal, SCORING_OPEN);
    db.prepare('DELETE FROM review_peer_ratings WHERE id = ?').run(id);
    audit(db, {
      actor: ctx.actor,
      entity: 'review_peer_rating',
      entityId: `${row.quarter}:${row.employeeNo}:${row.kpi}:${row.raterNo}`,
      field: 'level',
      oldValue: row.level,
      newValue: null,
      reason: 'deleted',
    });
    rescore(ctx, appraisal, [row.staffId]);
    return { quarter: row.quarter, employeeNo: row.employeeNo };
  })();
}

/** The peer ratings of a quarter's appraisal, or of one person in it, with the raters' names. */
export function listPeerRatings(db: Database, quarter: string, person?: string): PeerRating[] {
  const appraisal = requireAppraisal(db, quarter);
  const only = person ? personId(db, person).id : null;
  return db
    .prepare(
      `SELECT p.id, v.quarter, s.employee_no AS employeeNo, s.name, p.kpi_key AS kpi, r.employee_no AS raterNo, r.name AS raterName,
              p.level, p.comment, p.rated_at AS ratedAt, p.rated_by AS ratedBy
       FROM review_peer_ratings p JOIN reviews v ON v.id = p.review_id JOIN staff s ON s.id = p.staff_id JOIN staff r ON r.id = p.rater_id
       WHERE p.review_id = @appraisal AND (@only IS NULL OR p.staff_id = @only)
       ORDER BY s.employee_no, p.kpi_key, r.employee_no`,
    )
    .all({ appraisal: appraisal.id, only }) as PeerRating[];
}
