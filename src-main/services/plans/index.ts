import type { planOps } from '../../contract/plans';
import type { HandlersOf } from '../handler-types';
import {
  discountApprover,
  listCompetitors,
  listNews,
  lostOpportunities,
  listStrategies,
  saveCompetitor,
  saveNews,
  saveStrategy,
} from './market';
import { deletePlan, listActivities, listPlans, saveActivity, savePlan } from './plans';
import { suggestions, takeSuggestion } from './suggestions';

export { discountApprover } from './market';

export const planHandlers = {
  'plans/list': (ctx, input) => listPlans(ctx.db, input.period),
  'plans/save': (ctx, input) => savePlan(ctx, input),
  'plans/delete': (ctx, input) => deletePlan(ctx, input.id),
  'plans/activities': (ctx, input) => listActivities(ctx.db, input.planId),
  'plans/activity-save': (ctx, input) => saveActivity(ctx, input),
  'plans/suggestions': (ctx, input) => suggestions(ctx.db, input, ctx.lang),
  'plans/take-suggestion': (ctx, input) => takeSuggestion(ctx, input),
  'market/competitors': (ctx) => listCompetitors(ctx.db),
  'market/competitor-save': (ctx, input) => saveCompetitor(ctx, input),
  'market/news': (ctx, input) => listNews(ctx.db, input.year),
  'market/news-save': (ctx, input) => saveNews(ctx, input),
  'market/lost-opportunities': (ctx, input) => lostOpportunities(ctx.db, input),
  'strategy/list': (ctx, input) => listStrategies(ctx.db, input.year),
  'strategy/save': (ctx, input) => saveStrategy(ctx, input),
  'strategy/discount-check': (ctx, input) => discountApprover(ctx.db, input.year, input.productLine, input.discountPct),
} satisfies HandlersOf<typeof planOps>;
