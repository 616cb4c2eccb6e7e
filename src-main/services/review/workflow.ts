import { WorkbenchError } from '../../contract/errors';
import type { ReviewListItem, ReviewStatus } from '../../contract/review';
import { audit } from '../audit';
import { nowIso, type ServiceContext } from '../context';
import { t } from '../../i18n/messages';
import { missingRatings, refreshStatus } from './compute';
import { assertChangeable, listItem, requireReview, type ReviewRow } from './review-store';

function setStatus(ctx: ServiceContext, review: ReviewRow, next: ReviewStatus, reason?: string | null): void {
  ctx.db.prepare('UPDATE reviews SET status = ? WHERE id = ?').run(next, review.id);
  audit(ctx.db, { actor: ctx.actor, entity: 'review', entityId: review.quarter, field: 'status', oldValue: review.status, newValue: next, reason });
}

function requireComplete(ctx: ServiceContext, review: ReviewRow): void {
  if (!review.computedAt) throw new WorkbenchError('review/not-computed', { quarter: review.quarter });
  const missing = missingRatings(ctx.db, review);
  if (missing > 0) throw new WorkbenchError('review/ratings-missing', { quarter: review.quarter, count: missing });
}

/**
 * P6.2, P6.3: a reward or penalty is only a proposal until the manager confirms or rejects it, so an
 * appraisal with proposals still open cannot be approved or locked (its printed report would show
 * "proposed" for good). The message names each open proposal: person, employee number and outcome.
 */
function requireDecided(ctx: ServiceContext, review: ReviewRow): void {
  const open = ctx.db
    .prepare(
      `SELECT o.id, o.type, s.name, s.employee_no AS employeeNo FROM review_outcomes o JOIN staff s ON s.id = o.staff_id
       WHERE o.review_id = ? AND o.status = 'proposed' ORDER BY s.employee_no, o.id`,
    )
    .all(review.id) as { id: number; type: string; name: string; employeeNo: string }[];
  if (open.length === 0) return;
  const shown = open.slice(0, 10).map((o) => `${o.name} (${o.employeeNo}): ${t(ctx.lang, `review.outcome.${o.type}`)}`);
  if (open.length > shown.length) shown.push('…');
  throw new WorkbenchError('review/outcomes-undecided', { quarter: review.quarter, count: open.length, outcomes: shown.join(ctx.lang === 'zh-CN' ? '；' : '; '), ids: open.map((o) => o.id) });
}

/** P6.4 workflow: draft → rated → submitted → approved → locked. Each step is audited. */
export function submitReview(ctx: ServiceContext, quarter: string, reason?: string): ReviewListItem {
  return ctx.db.transaction(() => {
    const review = requireReview(ctx.db, quarter);
    assertChangeable(review, ['draft', 'rated']);
    requireComplete(ctx, review);
    setStatus(ctx, review, 'submitted', reason);
    return listItem(ctx.db, quarter);
  })();
}

/** Approval; a fully rated review may be approved directly (its submission is recorded too). */
export function approveReview(ctx: ServiceContext, quarter: string, reason?: string): ReviewListItem {
  return ctx.db.transaction(() => {
    let review = requireReview(ctx.db, quarter);
    assertChangeable(review, ['draft', 'rated', 'submitted']);
    if (review.status !== 'submitted') requireComplete(ctx, review);
    requireDecided(ctx, review);
    if (review.status !== 'submitted') {
      setStatus(ctx, review, 'submitted', reason);
      review = requireReview(ctx.db, quarter);
    }
    setStatus(ctx, review, 'approved', reason);
    ctx.db.prepare('UPDATE reviews SET approved_by = ?, approved_at = ? WHERE id = ?').run(ctx.actor, nowIso(), review.id);
    return listItem(ctx.db, quarter);
  })();
}

/** Locks an approved review for good: from now on every change is refused (review/locked). */
export function lockReview(ctx: ServiceContext, quarter: string, reason?: string): ReviewListItem {
  return ctx.db.transaction(() => {
    const review = requireReview(ctx.db, quarter);
    assertChangeable(review, ['approved']);
    // A decision may have been taken back to "proposed" after approval (P6.2): not locked like that.
    requireDecided(ctx, review);
    setStatus(ctx, review, 'locked', reason);
    ctx.db.prepare('UPDATE reviews SET locked_at = ? WHERE id = ?').run(nowIso(), review.id);
    return listItem(ctx.db, quarter);
  })();
}

/** Sends a submitted or approved review back for changes, with the reason on record. A locked one stays locked. */
export function reopenReview(ctx: ServiceContext, quarter: string, reason: string): ReviewListItem {
  return ctx.db.transaction(() => {
    const review = requireReview(ctx.db, quarter);
    assertChangeable(review, ['submitted', 'approved']);
    setStatus(ctx, review, 'draft', reason);
    ctx.db.prepare('UPDATE reviews SET approved_by = NULL, approved_at = NULL WHERE id = ?').run(review.id);
    refreshStatus(ctx.db, requireReview(ctx.db, quarter));
    return listItem(ctx.db, quarter);
  })();
}
