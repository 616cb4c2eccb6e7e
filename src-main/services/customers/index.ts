import { customerOps } from '../../contract/customers';
import type { HandlersOf } from '../handler-types';
import { getCustomer } from './detail';
import { deleteContact, saveContact, saveCustomer, setGrade, setStage } from './edit';
import { regrade, regradeAll } from './grades';
import { findDuplicates, handOver, mergeCustomers } from './merge';
import { completenessReport } from './report';
import { readRules, writeRules } from './rules';
import { listCustomers } from './summary';

export const customerHandlers = {
  'customers/rules': (ctx) => readRules(ctx.db),
  'customers/set-rules': (ctx, input) =>
    ctx.db.transaction(() => {
      writeRules(ctx, input.rules, input.reason);
      // New thresholds give new grades at once (P4.1): the list never shows grades of the old rule.
      regrade(ctx.db, ctx.actor);
      return readRules(ctx.db);
    })(),
  'customers/regrade': (ctx, input) => regradeAll(ctx, input.asOf),
  'customers/list': (ctx, input) => listCustomers(ctx.db, input, input.asOf),
  'customers/get': (ctx, input) => getCustomer(ctx.db, input.id, input.asOf),
  'customers/save': (ctx, input) => saveCustomer(ctx, input),
  'customers/set-grade': (ctx, input) => setGrade(ctx, input),
  'customers/set-stage': (ctx, input) => setStage(ctx, input),
  'customers/completeness': (ctx, input) => completenessReport(ctx.db, input),
  'customers/duplicates': (ctx) => findDuplicates(ctx.db),
  'customers/merge': (ctx, input) => mergeCustomers(ctx, input),
  'customers/hand-over': (ctx, input) => handOver(ctx, input),
  'contacts/save': (ctx, input) => saveContact(ctx, input),
  'contacts/delete': (ctx, input) => deleteContact(ctx, input.id),
} satisfies HandlersOf<typeof customerOps>;
