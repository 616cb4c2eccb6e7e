import { WorkbenchError } from '../../contract/errors';
import { appraisalOps } from '../../contract/appraisal';
import type { HandlersOf } from '../handler-types';
import { appraisalFile, appraisalReport } from '../report';
import { calibration } from './calibration';
import { computeAppraisal } from './compute';
import { adjustTotal, decideOutcome, saveFeedback } from './entries';
import { exportAppraisal } from './export-xlsx';
import { personHistory } from './history';
import { listIncidents, recordIncident } from './incidents';
import { deletePeerRating, listPeerRatings, peerRate } from './peer-ratings';
import { rateMany } from './ratings';
import { findAppraisal, listAppraisals, requireEntry, requireAppraisal } from './appraisal-store';
import { rescore } from './compute';
import { saveScheme, schemeInfo } from './scheme';
import { computedAppraisal, showAppraisal } from './show';
import { whatIf } from './what-if';
import { approveAppraisal, lockAppraisal, reopenAppraisal, submitAppraisal } from './workflow';
import type { ServiceContext } from '../context';

const personRow = (ctx: ServiceContext, quarter: string, person: string) =>
  showAppraisal(ctx.db, ctx.lang, quarter, person).people[0];

export const appraisalHandlers = {
  'appraisal/list': (ctx) => listAppraisals(ctx.db),
  'appraisal/scheme': (ctx, input) => schemeInfo(ctx.db, input.quarter),
  'appraisal/save-scheme': (ctx, input) =>
    ctx.db.transaction(() => {
      saveScheme(ctx, input.quarter, input.definition, input.reason);
      const appraisal = findAppraisal(ctx.db, input.quarter);
      // a computed appraisal follows its new scheme at once
      if (appraisal?.computedAt) {
        const ids = (
          ctx.db.prepare('SELECT staff_id AS s FROM review_entries WHERE review_id = ?').all(appraisal.id) as {
            s: number;
          }[]
        ).map((r) => r.s);
        rescore(ctx, appraisal, ids);
      }
      return schemeInfo(ctx.db, input.quarter);
    })(),
  'appraisal/compute': (ctx, input) => computedAppraisal(ctx.db, ctx.lang, computeAppraisal(ctx, input.quarter)),
  'appraisal/show': (ctx, input) => showAppraisal(ctx.db, ctx.lang, input.quarter, input.person),
  'appraisal/rate': (ctx, input) => {
    rateMany(ctx, input.quarter, [{ person: input.person, kpi: input.kpi, score: input.score, note: input.note }]);
    return personRow(ctx, input.quarter, input.person);
  },
  'appraisal/rate-many': (ctx, input) => ({ rated: rateMany(ctx, input.quarter, input.ratings).rated }),
  'appraisal/peer-rate': (ctx, input) => (peerRate(ctx, input), personRow(ctx, input.quarter, input.person)),
  'appraisal/peer-ratings': (ctx, input) => listPeerRatings(ctx.db, input.quarter, input.person),
  'appraisal/delete-peer-rating': (ctx, input) => {
    const { quarter, employeeNo } = deletePeerRating(ctx, input.id);
    return personRow(ctx, quarter, employeeNo);
  },
  'appraisal/adjust': (ctx, input) => (
    adjustTotal(ctx, input.quarter, input.person, input.total, input.reason),
    personRow(ctx, input.quarter, input.person)
  ),
  'appraisal/feedback': (ctx, input) => (
    saveFeedback(ctx, input.quarter, input.person, input.feedback, input.selfAssessment),
    personRow(ctx, input.quarter, input.person)
  ),
  'appraisal/decide-outcome': (ctx, input) => decideOutcome(ctx, input.quarter, input.id, input.decision, input.reason),
  'appraisal/submit': (ctx, input) => submitAppraisal(ctx, input.quarter, input.reason),
  'appraisal/approve': (ctx, input) => approveAppraisal(ctx, input.quarter, input.reason),
  'appraisal/lock': (ctx, input) => lockAppraisal(ctx, input.quarter, input.reason),
  'appraisal/reopen': (ctx, input) => reopenAppraisal(ctx, input.quarter, input.reason),
  'appraisal/what-if': (ctx, input) => whatIf(ctx, input.quarter, input.definition),
  'appraisal/calibration': (ctx, input) => calibration(ctx.db, ctx.lang, input.quarter),
  'appraisal/history': (ctx, input) => personHistory(ctx.db, input.person),
  'appraisal/incidents': (ctx, input) => listIncidents(ctx.db, input.quarter),
  'appraisal/record-incident': (ctx, input) => recordIncident(ctx, input),
  'appraisal/export': (ctx, input) => exportAppraisal(ctx, input.quarter, input.out),
  'report/appraisal-html': (ctx, input) => {
    if (input.person) requireEntry(ctx.db, requireAppraisal(ctx.db, input.quarter), input.person);
    return appraisalReport(ctx, input.quarter, input.person);
  },
  'report/appraisal': (ctx, input) => {
    if (input.person) requireEntry(ctx.db, requireAppraisal(ctx.db, input.quarter), input.person);
    return appraisalFile(ctx, input);
  },
  // the desktop's main process answers this itself (src-main/electron/print-report.ts); elsewhere the window prints
  'report/print': () => {
    throw new WorkbenchError('report/desktop-only');
  },
} satisfies HandlersOf<typeof appraisalOps>;
