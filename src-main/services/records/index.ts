import { recordOps } from '../../contract/records';
import type { HandlersOf } from '../handler-types';
import { customersPage, ordersPage } from './lists';
import { dashboardSummary } from './dashboard';

export const recordHandlers = {
  'customers/page': (ctx, input) => customersPage(ctx.db, input),
  'orders/page': (ctx, input) => ordersPage(ctx.db, input),
  'dashboard/summary': (ctx) => dashboardSummary(ctx.db),
} satisfies HandlersOf<typeof recordOps>;
