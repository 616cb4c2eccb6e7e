import type { targetOps } from '../../contract/targets';
import type { HandlersOf } from '../handler-types';
import { breakdown } from './breakdown';
import { cellHistory } from './cell-history';
import { exportTargets } from './export';
import { historyBase } from './history-base';
import { loadPlan } from './plan';
import { lockTarget, pasteTargets, setTarget, undoLast } from './edit';
import { deleteNote, listNotes, saveNote } from './notes';
import { showTargets } from './show';
import { dashboardYear } from '../records/dashboard';
import { tracking } from './tracking';
import { moveWorkflow, setTiers } from './workflow';

export const targetHandlers = {
  'targets/show': (ctx, input) => showTargets(ctx.db, input.year, input.metric),
  'targets/set': (ctx, input) => setTarget(ctx, input),
  'targets/lock': (ctx, input) => lockTarget(ctx, input),
  'targets/paste': (ctx, input) => pasteTargets(ctx, input),
  'targets/undo': (ctx, input) => undoLast(ctx, input),
  'targets/history-base': (ctx, input) =>
    historyBase(ctx.db, loadPlan(ctx.db, input.year, input.metric), input.metric, input.base, false).info,
  'targets/breakdown': (ctx, input) => breakdown(ctx, input),
  'targets/workflow': (ctx, input) => moveWorkflow(ctx, input),
  'targets/tiers': (ctx, input) => setTiers(ctx, input),
  'targets/cell-history': (ctx, input) => cellHistory(ctx.db, input),
  'targets/tracking': (ctx, input) =>
    tracking(ctx.db, input.year ?? dashboardYear(ctx.db), input.asOfMonth, input.asOfDate, input.companyOnly),
  'targets/export': (ctx, input) => exportTargets(ctx, input),
  'targets/notes': (ctx, input) => listNotes(ctx.db, input.year),
  'targets/note-save': (ctx, input) => saveNote(ctx, input),
  'targets/note-delete': (ctx, input) => deleteNote(ctx, input.id),
} satisfies HandlersOf<typeof targetOps>;
