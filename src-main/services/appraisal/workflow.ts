import { WorkbenchError } from '../../contract/errors';
import type { AppraisalListItem, AppraisalStatus } from '../../contract/appraisal';
import { audit } from '../audit';
import { nowIso, type ServiceContext } from '../context';
import { t } from '../../i18n/messages';
import { missingRatings, refreshStatus } from './compute';
import { assertChangeable, listItem, requireAppraisal, type AppraisalRow } from './appraisal-store';

function setStatus(ctx: ServiceContext, appraisal: AppraisalRow, next: AppraisalStatus, reason?: string | null): void {
  ctx.db.prepare('UPDATE reviews SET status = ? WHERE id = ?').run(next, appraisal.id);
  audit(ctx.db, {
    actor: ctx.actor,
    entity: 'review',
    entityId: appraisal.quarter,
    field: 'status',
    oldValue: appraisal.status,
    newValue: next,
    reason,
  });
}

function requireComplete(ctx: ServiceContext, appraisal: AppraisalRow): void {
  if (!appraisal.computedAt) throw new WorkbenchError('review/not-computed', { quarter: appraisal.quarter });
  const missing = missingRatings(ctx.db, appraisal);
  if (missing > 0) throw new WorkbenchError('review/ratings-missing', { quarter: appraisal.quarter, count: missing });
}

/**
 * P6.2, P6.3: a reward or penalty is only a proposal until the manager confirms or rejects it, so an
 * appraisal with proposals still open cannot be approved or locked (its printed report would show
 * "proposed" for good). The message names each open proposal: person, employee number and outcome.
 */
function requireDecided(ctx: ServiceContext, appraisal: AppraisalRow): void {
  const open = ctx.db
    .prepare(
      `SELECT o.id, o.type, s.name, s.employee_no AS employeeNo FROM review_outcomes o JOIN staff s ON s.id = o.staff_id
       WHERE o.review_id = ? AND o.status = 'proposed' ORDER BY s.employee_no, o.id`,
    )
    .all(appraisal.id) as { id: number; type: string; name: string; employeeNo: string }[];
  if (open.length === 0) return;
  const shown = open
    .slice(0, 10)
    .map((o) => `${o.name} (${o.employeeNo}): ${t(ctx.lang, `appraisal.outcome.${o.type}`)}`);
  if (open.length > shown.length) shown.push('…');
  throw new WorkbenchError('review/outcomes-undecided', {
    quarter: appraisal.quarter,
    count: open.length,
    outcomes: shown.join(ctx.lang === 'zh-CN' ? '；' : '; '),
    ids: open.map((o) => o.id),
  });
}

/** P6.4 workflow: draft → rated → submitted → approved → locked. Each step is audited. */
export function submitAppraisal(ctx: ServiceContext, quarter: string, reason?: string): AppraisalListItem {
  return ctx.db.transaction(() => {
    const appraisal = requireAppraisal(ctx.db, quarter);
    assertChangeable(appraisal, ['draft', 'rated']);
    requireComplete(ctx, appraisal);
    setStatus(ctx, appraisal, 'submitted', reason);
    return listItem(ctx.db, quarter);
  })();
}

/** Approval; a fully rated appraisal may be approved directly (its submission is recorded too). */
export function approveAppraisal(ctx: ServiceContext, quarter: string, reason?: string): AppraisalListItem {
  return ctx.db.transaction(() => {
    let appraisal = requireAppraisal(ctx.db, quarter);
    assertChangeable(appraisal, ['draft', 'rated', 'submitted']);
    if (appraisal.status !== 'submitted') requireComplete(ctx, appraisal);
    requireDecided(ctx, appraisal);
    if (appraisal.status !== 'submitted') {
      setStatus(ctx, appraisal, 'submitted', reason);
      appraisal = requireAppraisal(ctx.db, quarter);
    }
    setStatus(ctx, appraisal, 'approved', reason);
    ctx.db
      .prepare('UPDATE reviews SET approved_by = ?, approved_at = ? WHERE id = ?')
      .run(ctx.actor, nowIso(), appraisal.id);
    return listItem(ctx.db, quarter);
  })();
}

/** Locks an approved appraisal for good: from now on every change is refused (review/locked). */
export function lockAppraisal(ctx: ServiceContext, quarter: string, reason?: string): AppraisalListItem {
  return ctx.db.transaction(() => {
    const appraisal = requireAppraisal(ctx.db, quarter);
    assertChangeable(appraisal, ['approved']);
    // A decision may have been taken back to "proposed" after approval (P6.2): not locked like that.
    requireDecided(ctx, appraisal);
    setStatus(ctx, appraisal, 'locked', reason);
    ctx.db.prepare('UPDATE reviews SET locked_at = ? WHERE id = ?').run(nowIso(), appraisal.id);
    return listItem(ctx.db, quarter);
  })();
}

/** Sends a submitted or approved appraisal back for changes, with the reason on record. A locked one stays locked. */
export function reopenAppraisal(ctx: ServiceContext, quarter: string, reason: string): AppraisalListItem {
  return ctx.db.transaction(() => {
    const appraisal = requireAppraisal(ctx.db, quarter);
    assertChangeable(appraisal, ['submitted', 'approved']);
    setStatus(ctx, appraisal, 'draft', reason);
    ctx.db.prepare('UPDATE reviews SET approved_by = NULL, approved_at = NULL WHERE id = ?').run(appraisal.id);
    refreshStatus(ctx.db, requireAppraisal(ctx.db, quarter));
    return listItem(ctx.db, quarter);
  })();
}
