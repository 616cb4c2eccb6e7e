import { WorkbenchError } from '../../contract/errors';
import { reviewOps } from '../../contract/review';
import type { HandlersOf } from '../handler-types';
import { appraisalFile, appraisalReport } from '../report';
import { calibration } from './calibration';
import { computeReview } from './compute';
import { adjustTotal, decideOutcome, saveFeedback } from './entries';
import { exportReview } from './export-xlsx';
import { personHistory } from './history';
import { listIncidents, recordIncident } from './incidents';
import { deletePeerRating, listPeerRatings, peerRate } from './peer-ratings';
import { rateMany } from './ratings';
import { findReview, listReviews, requireEntry, requireReview } from './review-store';
import { rescore } from './compute';
import { saveScheme, schemeInfo } from './scheme';
import { showReview } from './show';
import { whatIf } from './what-if';
import { approveReview, lockReview, reopenReview, submitReview } from './workflow';
import type { ServiceContext } from '../context';

const personRow = (ctx: ServiceContext, quarter: string, person: string) => showReview(ctx.db, ctx.lang, quarter, person).people[0];

export const reviewHandlers = {
  'review/list': (ctx) => listReviews(ctx.db),
  'review/scheme': (ctx, input) => schemeInfo(ctx.db, input.quarter),
  'review/save-scheme': (ctx, input) =>
    ctx.db.transaction(() => {
      saveScheme(ctx, input.quarter, input.definition, input.reason);
      const review = findReview(ctx.db, input.quarter);
      // a computed review follows its new scheme at once
      if (review?.computedAt) {
        const ids = (ctx.db.prepare('SELECT staff_id AS s FROM review_entries WHERE review_id = ?').all(review.id) as { s: number }[]).map((r) => r.s);
        rescore(ctx, review, ids);
      }
      return schemeInfo(ctx.db, input.quarter);
    })(),
  'review/compute': (ctx, input) => (computeReview(ctx, input.quarter), showReview(ctx.db, ctx.lang, input.quarter)),
  'review/show': (ctx, input) => showReview(ctx.db, ctx.lang, input.quarter, input.person),
  'review/rate': (ctx, input) => {
    rateMany(ctx, input.quarter, [{ person: input.person, kpi: input.kpi, score: input.score, note: input.note }]);
    return personRow(ctx, input.quarter, input.person);
  },
  'review/rate-many': (ctx, input) => ({ rated: rateMany(ctx, input.quarter, input.ratings).rated }),
  'review/peer-rate': (ctx, input) => (peerRate(ctx, input), personRow(ctx, input.quarter, input.person)),
  'review/peer-ratings': (ctx, input) => listPeerRatings(ctx.db, input.quarter, input.person),
  'review/delete-peer-rating': (ctx, input) => {
    const { quarter, employeeNo } = deletePeerRating(ctx, input.id);
    return personRow(ctx, quarter, employeeNo);
  },
  'review/adjust': (ctx, input) => (adjustTotal(ctx, input.quarter, input.person, input.total, input.reason), personRow(ctx, input.quarter, input.person)),
  'review/feedback': (ctx, input) => (saveFeedback(ctx, input.quarter, input.person, input.feedback, input.selfAssessment), personRow(ctx, input.quarter, input.person)),
  'review/decide-outcome': (ctx, input) => decideOutcome(ctx, input.quarter, input.id, input.decision, input.reason),
  'review/submit': (ctx, input) => submitReview(ctx, input.quarter, input.reason),
  'review/approve': (ctx, input) => approveReview(ctx, input.quarter, input.reason),
  'review/lock': (ctx, input) => lockReview(ctx, input.quarter, input.reason),
  'review/reopen': (ctx, input) => reopenReview(ctx, input.quarter, input.reason),
  'review/what-if': (ctx, input) => whatIf(ctx, input.quarter, input.definition),
  'review/calibration': (ctx, input) => calibration(ctx.db, ctx.lang, input.quarter),
  'review/history': (ctx, input) => personHistory(ctx.db, input.person),
  'review/incidents': (ctx, input) => listIncidents(ctx.db, input.quarter),
  'review/record-incident': (ctx, input) => recordIncident(ctx, input),
  'review/export': (ctx, input) => exportReview(ctx, input.quarter, input.out),
  'report/appraisal-html': (ctx, input) => {
    if (input.person) requireEntry(ctx.db, requireReview(ctx.db, input.quarter), input.person);
    return appraisalReport(ctx, input.quarter, input.person);
  },
  'report/appraisal': (ctx, input) => {
    if (input.person) requireEntry(ctx.db, requireReview(ctx.db, input.quarter), input.person);
    return appraisalFile(ctx, input);
  },
  // the desktop's main process answers this itself (src-main/electron/print-report.ts); elsewhere the window prints
  'report/print': () => {
    throw new WorkbenchError('report/desktop-only');
  },
} satisfies HandlersOf<typeof reviewOps>;
