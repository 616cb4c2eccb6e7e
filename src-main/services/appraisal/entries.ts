import { WorkbenchError } from '../../contract/errors';
import type { AppraisalOutcome } from '../../contract/appraisal';
import { audit } from '../audit';
import { nowIso, type ServiceContext } from '../context';
import { rescore } from './compute';
import { assertChangeable, NOTES_OPEN, requireEntry, requireAppraisal, SCORING_OPEN } from './appraisal-store';

/**
 * Calibration (P6.4): the manager's adjusted total replaces the computed one for the grade and the
 * rules, while the computed total stays beside it with who, when and why. `null` removes the adjustment.
 */
export function adjustTotal(
  ctx: ServiceContext,
  quarter: string,
  person: string,
  total: number | null,
  reason: string,
): number {
  const { db } = ctx;
  return db.transaction(() => {
    const appraisal = requireAppraisal(db, quarter);
    assertChangeable(appraisal, SCORING_OPEN);
    const p = requireEntry(db, appraisal, person);
    const before = db
      .prepare('SELECT total, adjusted_total AS adjusted FROM review_entries WHERE review_id = ? AND staff_id = ?')
      .get(appraisal.id, p.id) as { total: number | null; adjusted: number | null };
    db.prepare(
      'UPDATE review_entries SET adjusted_total = ?, adjust_reason = ?, adjusted_by = ?, adjusted_at = ? WHERE review_id = ? AND staff_id = ?',
    ).run(
      total,
      total === null ? null : reason,
      total === null ? null : ctx.actor,
      total === null ? null : nowIso(),
      appraisal.id,
      p.id,
    );
    audit(db, {
      actor: ctx.actor,
      entity: 'review_entry',
      entityId: `${quarter}:${person}`,
      field: 'adjusted_total',
      oldValue: before.adjusted ?? before.total,
      newValue: total ?? before.total,
      reason,
    });
    rescore(ctx, appraisal, [p.id]);
    return p.id;
  })();
}

/** The manager's feedback notes (P5.6 反馈与沟通) and the person's optional self-assessment; allowed until locked. */
export function saveFeedback(
  ctx: ServiceContext,
  quarter: string,
  person: string,
  feedback: string | null | undefined,
  selfAssessment: string | null | undefined,
): number {
  const { db } = ctx;
  return db.transaction(() => {
    const appraisal = requireAppraisal(db, quarter);
    assertChangeable(appraisal, NOTES_OPEN);
    const p = requireEntry(db, appraisal, person);
    const before = db
      .prepare(
        'SELECT feedback, self_assessment AS selfAssessment FROM review_entries WHERE review_id = ? AND staff_id = ?',
      )
      .get(appraisal.id, p.id) as {
      feedback: string | null;
      selfAssessment: string | null;
    };
    const fields: [string, 'feedback' | 'selfAssessment', string | null | undefined][] = [
      ['feedback', 'feedback', feedback],
      ['self_assessment', 'selfAssessment', selfAssessment],
    ];
    for (const [column, field, value] of fields) {
      if (value === undefined) continue;
      const next = value === null || value === '' ? null : value;
      if (next === before[field]) continue;
      db.prepare(`UPDATE review_entries SET ${column} = ? WHERE review_id = ? AND staff_id = ?`).run(
        next,
        appraisal.id,
        p.id,
      );
      audit(db, {
        actor: ctx.actor,
        entity: 'review_entry',
        entityId: `${quarter}:${person}`,
        field,
        oldValue: before[field],
        newValue: next,
      });
    }
    return p.id;
  })();
}

/**
 * The manager's decision on a proposed outcome (P6.2, P6.3): nothing is applied until confirmed here,
 * and every decision is audited. A dismissal stays a proposal for the manager to carry out outside.
 */
export function decideOutcome(
  ctx: ServiceContext,
  quarter: string,
  id: number,
  decision: 'confirmed' | 'rejected' | 'proposed',
  reason?: string,
): AppraisalOutcome {
  const { db } = ctx;
  return db.transaction(() => {
    const appraisal = requireAppraisal(db, quarter);
    assertChangeable(appraisal, NOTES_OPEN);
    const row = db
      .prepare('SELECT id, status FROM review_outcomes WHERE id = ? AND review_id = ?')
      .get(id, appraisal.id) as { id: number; status: string } | undefined;
    if (!row) throw new WorkbenchError('review/outcome-not-found', { id, quarter });
    if (row.status !== decision) {
      const proposed = decision === 'proposed';
      db.prepare('UPDATE review_outcomes SET status = ?, decided_by = ?, decided_at = ? WHERE id = ?').run(
        decision,
        proposed ? null : ctx.actor,
        proposed ? null : nowIso(),
        id,
      );
      audit(db, {
        actor: ctx.actor,
        entity: 'review_outcome',
        entityId: id,
        field: 'status',
        oldValue: row.status,
        newValue: decision,
        reason,
      });
    }
    return outcomeById(ctx, id);
  })();
}

function outcomeById(ctx: ServiceContext, id: number): AppraisalOutcome {
  const r = ctx.db
    .prepare(
      'SELECT id, type, amount, reason, clause, rule_key AS ruleKey, status, decided_by AS decidedBy, decided_at AS decidedAt FROM review_outcomes WHERE id = ?',
    )
    .get(id) as AppraisalOutcome;
  return { ...r, amount: r.amount === null ? null : r.amount / 100 };
}
