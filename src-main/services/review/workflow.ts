import { WorkbenchError } from '../../contract/errors';
import type { ReviewListItem, ReviewStatus } from '../../contract/review';
import { audit } from '../audit';
import { nowIso, type ServiceContext } from '../context';
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
    if (review.status !== 'submitted') {
      requireComplete(ctx, review);
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
