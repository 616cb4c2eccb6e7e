import type { Database } from 'better-sqlite3';
import dayjs from 'dayjs';
import type { demoOps, DemoResult } from '../../contract/demo';
import type { ParsedInputOf } from '../../contract/define';
import { WorkbenchError } from '../../contract/errors';
import { audit } from '../audit';
import type { ServiceContext } from '../context';
import type { HandlersOf } from '../handler-types';
import { putSetting } from '../system/settings';
import { computeDemoAppraisals, createMarketNotes, createAppraisal } from './appraisal';
import { deferIndexes, DemoProgress } from './bulk-insert';
import { demoCalendar, stamp } from './calendar';
import { insertProducts } from './catalogue';
import { createCustomerCare } from './customer-care';
import { createCustomers, settleStages } from './customers';
import { createOrders } from './orders';
import { buildOrg, insertOrg } from './organisation';
import { SIZES, type DemoSize } from './sizes';
import { createSalesProcess } from './sales-process';
import { createSurvey } from './survey';
import { createTargets } from './targets';
import { createTeamBuilding } from './team-building';
import { createTickets } from './tickets';
import { createVisits } from './visits';
import { rebuildSurveyCache } from '../survey/score-cache';
import { suspendOrderTriggers } from '../../db/order-derived';

type DemoInput = ParsedInputOf<(typeof demoOps)['demo/create']>;

const DEFAULT_COMPANY_NAME = '华信智能设备有限公司';

/** Tables whose rows mean "this database already holds a company". */
const DATA_TABLES = [
  'staff',
  'customers',
  'products',
  'orders',
  'teams',
  'surveys',
  'tickets',
  'target_plans',
  'target_cells',
  'review_schemes',
  'reviews',
  'market_notes',
  'interactions',
];
/** Tables filled in bulk, whose secondary indexes are built once at the end. */
const BULK_TABLES = ['orders', 'survey_responses', 'survey_answers', 'tickets', 'interactions'];

export const demoHandlers = {
  'demo/create': (ctx, input) => createDemo(ctx, input),
} satisfies HandlersOf<typeof demoOps>;

/**
 * Fills an empty database with the demo company, all in one transaction: a cancel or any failure
 * leaves the database exactly as it was. The same seed and `today` always give the same company.
 */
export function createDemo(ctx: ServiceContext, input: DemoInput): DemoResult {
  const db = ctx.db;
  const cal = demoCalendar(input.today ?? dayjs().format('YYYY-MM-DD'));
  const size = SIZES[input.size];
  const restore = bulkLoadSettings(db);
  try {
    return db
      .transaction(() => {
        if (holdsData(db)) throw new WorkbenchError('demo/not-empty');
        return build(ctx, input, cal, size);
      })
      .immediate();
  } finally {
    restore();
  }
}

function holdsData(db: Database): boolean {
  return DATA_TABLES.some((t) => db.prepare(`SELECT EXISTS (SELECT 1 FROM ${t}) AS found`).pluck().get() === 1);
}

/**
 * For the duration of the load: no fsync per commit, a bigger page cache, and foreign keys checked by
 * construction rather than per row (the integration test runs foreign_key_check). Returns the restore.
 */
function bulkLoadSettings(db: Database): () => void {
  const saved = {
    foreign_keys: db.pragma('foreign_keys', { simple: true }) as number,
    synchronous: db.pragma('synchronous', { simple: true }) as number,
    cache_size: db.pragma('cache_size', { simple: true }) as number,
  };
  db.pragma('foreign_keys = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  return () => {
    for (const [name, value] of Object.entries(saved)) db.pragma(`${name} = ${Number(value)}`);
  };
}

function estimatedRows(size: DemoSize): { total: number; indexes: number } {
  const answers = size.responses * (size.longSurvey ? 19.25 : 9.25);
  const indexes = size.orders + answers / 2;
  return {
    total:
      size.staff +
      size.customers * 3 +
      size.orders +
      size.tickets +
      size.responses +
      answers +
      (size.staff + size.teams.length + 1) * 17 +
      indexes,
    indexes,
  };
}

function build(
  ctx: ServiceContext,
  input: DemoInput,
  cal: ReturnType<typeof demoCalendar>,
  size: DemoSize,
): DemoResult {
  const db = ctx.db;
  const seed = input.seed;
  const estimate = estimatedRows(size);
  const progress = new DemoProgress(ctx, estimate.total);

  progress.phase('progress.staff');
  const org = buildOrg(cal, size, seed);
  insertOrg(db, org, seed);
  const products = insertProducts(db, stamp(org.people[0].hireDate));
  const deferred = deferIndexes(db, BULK_TABLES);
  const resumeOrderTriggers = suspendOrderTriggers(db);

  progress.phase('progress.customers');
  const book = createCustomers(db, cal, org, size.customers, seed, progress);

  progress.phase('progress.orders');
  const ledger = createOrders(db, cal, org, book, size, seed, progress);
  settleStages(db, cal, book, ledger.lastOrderDay);

  progress.phase('progress.tickets');
  const tickets = createTickets(db, cal, org, ledger, size.tickets, seed, progress);
  createSalesProcess(db, cal, org, book.n, products, size.averageOrderYuan, seed);

  progress.phase('progress.surveys');
  const survey = createSurvey(
    db,
    cal,
    org,
    book,
    ledger,
    tickets.complaintDay,
    { responses: size.responses, long: size.longSurvey },
    seed,
    progress,
  );

  progress.phase('progress.visits');
  createVisits(db, cal, book, seed, progress);

  progress.phase('progress.targets');
  createTargets(db, cal, org, ledger, progress);
  createAppraisal(db, cal);
  createMarketNotes(db, cal, org);
  createTeamBuilding(db, cal, org, seed);
  putSetting(db, 'companyName', input.companyName ?? DEFAULT_COMPANY_NAME);
  putSetting(db, 'onboarded', '1');

  progress.phase('progress.indexes');
  for (const index of deferred) {
    db.exec(index.sql);
    progress.advance(estimate.indexes / deferred.length);
  }
  resumeOrderTriggers();
  // The survey screens and the appraisal read per-response scores from this cache (P4.7); like the bulk
  // tables, it is filled first and indexed once.
  const scoreIndexes = deferIndexes(db, ['survey_response_scores']);
  rebuildSurveyCache(db);
  for (const index of scoreIndexes) db.exec(index.sql);
  createCustomerCare(db, cal, ledger, seed, ctx.actor, progress);
  // The appraisal in progress shows its data-driven KPIs at once; the manager's ratings are still to come (P6.4).
  computeDemoAppraisals(ctx, cal);

  const result: DemoResult = {
    size: input.size,
    seed,
    today: cal.today,
    teams: org.teams.length,
    staff: org.people.length,
    customers: book.n,
    products,
    orders: ledger.n,
    surveyResponses: survey.responses,
    surveyAnswers: survey.answers,
    tickets: tickets.count,
    reviewQuarter: cal.reviewQuarter,
    targetYear: cal.targetYear,
  };
  audit(db, { actor: ctx.actor, entity: 'demo', entityId: seed, newValue: result, reason: 'demo/create' });
  progress.finish();
  return result;
}
