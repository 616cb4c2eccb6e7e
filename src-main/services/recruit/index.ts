import dayjs from 'dayjs';
import { recruitOps } from '../../contract/recruit';
import type { HandlersOf } from '../handler-types';
import { t } from '../../i18n/messages';
import { writeFileOut } from '../files/write';
import { interviewScorecardHtml } from '../report/interview-scorecard-html';
import { getSetting } from '../system/settings';
import { attachResume, getCandidate, listCandidates, saveCandidate, screenCandidate, screeningOf } from './candidates';
import { funnel } from './funnel';
import { hire, makeOffer, offerResponse } from './hire';
import { interviewPanel, scoreInterview, scorecardItems } from './interviews';
import { addCost, approvePlan, closePlan, listPlans, savePlan, submitPlan } from './plans';
import { prediction } from './prediction';

export const recruitHandlers = {
  'recruit/plans': (ctx, input) => listPlans(ctx.db, input.status),
  'recruit/plan-save': (ctx, input) => savePlan(ctx, input),
  'recruit/plan-submit': (ctx, input) => submitPlan(ctx, input.id),
  'recruit/plan-approve': (ctx, input) => approvePlan(ctx, input),
  'recruit/plan-close': (ctx, input) => closePlan(ctx, input.id),
  'recruit/cost-add': (ctx, input) => addCost(ctx, input),
  'recruit/candidates': (ctx, input) => listCandidates(ctx.db, input.planId),
  'recruit/candidate-save': (ctx, input) => saveCandidate(ctx, input),
  'recruit/attach-resume': (ctx, input) => attachResume(ctx, input),
  'recruit/screening': (ctx, input) => screeningOf(ctx.db, input.candidateId),
  'recruit/screen': (ctx, input) => screenCandidate(ctx, input),
  'recruit/scorecard-items': (ctx, input) => scorecardItems(ctx.db, ctx.lang, input.candidateId),
  'recruit/interviews': (ctx, input) => interviewPanel(ctx.db, ctx.lang, input.candidateId),
  'recruit/interview-score': (ctx, input) => scoreInterview(ctx, input),
  'recruit/offer': (ctx, input) => makeOffer(ctx, input),
  'recruit/offer-response': (ctx, input) => offerResponse(ctx, input),
  'recruit/hire': (ctx, input) => hire(ctx, input),
  'recruit/funnel': (ctx, input) => funnel(ctx.db, input.planId),
  'recruit/prediction': (ctx, input) => prediction(ctx.db, ctx.lang, input.years),
  'report/interview-scorecard': (ctx, input) => {
    const c = getCandidate(ctx.db, input.candidateId);
    const company = getSetting(ctx.db, 'companyName') || t(ctx.lang, 'appraisal.report.companyFallback');
    const html = interviewScorecardHtml(ctx.lang, company, c, scorecardItems(ctx.db, ctx.lang, c.id), input.round);
    return writeFileOut(input.out, `scorecard-${c.id}-${dayjs().format('YYYYMMDD')}.html`, Buffer.from(html, 'utf8'), [
      '.html',
      '.htm',
    ]);
  },
} satisfies HandlersOf<typeof recruitOps>;
