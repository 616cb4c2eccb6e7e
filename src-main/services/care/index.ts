import { careOps } from '../../contract/care';
import type { HandlersOf } from '../handler-types';
import { careCalendar } from './calendar';
import { companyEvents, deleteCompanyEvent, saveCompanyEvent } from './events';
import { exportCareList } from './export';
import { careCoverage, careList, markSent } from './list';
import { careTemplates, setTemplate } from './templates';
import { cadenceCompliance, dueVisits, listVisits, logVisit } from './visits';

export const careHandlers = {
  'visits/log': (ctx, input) => logVisit(ctx, input),
  'visits/list': (ctx, input) => listVisits(ctx.db, input),
  'visits/due': (ctx, input) => dueVisits(ctx.db, input),
  'visits/compliance': (ctx, input) => cadenceCompliance(ctx.db, input),
  'care/calendar': (ctx, input) => careCalendar(ctx.db, input.year, input, ctx.lang),
  'care/list': (ctx, input) => careList(ctx.db, input, ctx.lang),
  'care/mark-sent': (ctx, input) => markSent(ctx, input),
  'care/export': (ctx, input) => exportCareList(ctx, input),
  'care/coverage': (ctx, input) => careCoverage(ctx.db, input),
  'care/templates': (ctx) => careTemplates(ctx.db),
  'care/set-template': (ctx, input) => setTemplate(ctx, input),
  'care/events': (ctx) => companyEvents(ctx.db),
  'care/save-event': (ctx, input) => saveCompanyEvent(ctx, input),
  'care/delete-event': (ctx, input) => deleteCompanyEvent(ctx, input.id),
} satisfies HandlersOf<typeof careOps>;
