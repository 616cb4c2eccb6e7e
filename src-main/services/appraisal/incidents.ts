import type { Database } from 'better-sqlite3';
import type { Incident } from '../../contract/appraisal';
import { audit } from '../audit';
import type { ServiceContext } from '../context';
import { quarterInfo, quarterOfDate } from './quarter';
import { assertChangeable, findAppraisal, personId } from './appraisal-store';

const SELECT = `SELECT i.id, s.employee_no AS employeeNo, s.name, i.date, i.kind, i.description, i.evidence, i.loss_amount AS lossAmount, i.recorded_by AS recordedBy
  FROM incidents i JOIN staff s ON s.id = i.staff_id`;

const toIncident = (r: Incident) => ({ ...r, lossAmount: r.lossAmount === null ? null : r.lossAmount / 100 });

/** Serious violations and major losses on record (P6.3), optionally those of one quarter. */
export function listIncidents(db: Database, quarter?: string): Incident[] {
  if (!quarter) return (db.prepare(`${SELECT} ORDER BY i.date DESC, i.id DESC`).all() as Incident[]).map(toIncident);
  const { start, end } = quarterInfo(quarter);
  return (
    db.prepare(`${SELECT} WHERE i.date BETWEEN ? AND ? ORDER BY i.date DESC, i.id DESC`).all(start, end) as Incident[]
  ).map(toIncident);
}

/**
 * Records a serious violation or major loss with its evidence (P6.3). It feeds the dismissal rule of
 * that quarter's appraisal as a proposal only; a locked quarter's appraisal is not reopened by it.
 */
export function recordIncident(
  ctx: ServiceContext,
  input: {
    person: string;
    date: string;
    kind: 'violation' | 'major-loss';
    description: string;
    evidence: string;
    lossAmount?: number | null;
  },
): Incident {
  const { db } = ctx;
  return db.transaction(() => {
    assertChangeable(findAppraisal(db, quarterOfDate(input.date)), ['draft', 'rated', 'submitted', 'approved']);
    const p = personId(db, input.person);
    const { lastInsertRowid } = db
      .prepare(
        'INSERT INTO incidents (staff_id, date, kind, description, evidence, loss_amount, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        p.id,
        input.date,
        input.kind,
        input.description,
        input.evidence,
        input.lossAmount == null ? null : Math.round(input.lossAmount * 100),
        ctx.actor,
      );
    const id = Number(lastInsertRowid);
    audit(db, { actor: ctx.actor, entity: 'incident', entityId: id, field: null, newValue: input, reason: 'recorded' });
    return toIncident(db.prepare(`${SELECT} WHERE i.id = ?`).get(id) as Incident);
  })();
}
