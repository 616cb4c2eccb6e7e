import { pipelineOps } from '../../contract/pipeline';
import type { HandlersOf } from '../handler-types';
import { pipelineCoverage } from './coverage';
import {
  board,
  createOpportunity,
  getDemo,
  listOpportunities,
  moveOpportunity,
  setDemo,
  stageHistory,
  updateOpportunity,
} from './opportunities';
import { pipelineSettings, setPipelineSettings } from './settings';

export const pipelineHandlers = {
  'pipeline/settings': (ctx) => pipelineSettings(ctx.db),
  'pipeline/set-settings': (ctx, input) => setPipelineSettings(ctx, input),
  'opportunities/list': (ctx, input) => listOpportunities(ctx.db, input),
  'opportunities/board': (ctx, input) => board(ctx.db, input),
  'opportunities/create': (ctx, input) => createOpportunity(ctx, input),
  'opportunities/update': (ctx, input) => updateOpportunity(ctx, input),
  'opportunities/move': (ctx, input) => moveOpportunity(ctx, input),
  'opportunities/history': (ctx, input) => stageHistory(ctx.db, input.id),
  'opportunities/demo': (ctx, input) => getDemo(ctx.db, input.id),
  'opportunities/set-demo': (ctx, input) => setDemo(ctx, input),
  'pipeline/coverage': (ctx, input) => pipelineCoverage(ctx.db, input),
  'pipeline/products': (ctx) =>
    ctx.db.prepare('SELECT id, code, name, category FROM products WHERE active = 1 ORDER BY code, name').all() as {
      id: number;
      code: string | null;
      name: string;
      category: string | null;
    }[],
} satisfies HandlersOf<typeof pipelineOps>;
