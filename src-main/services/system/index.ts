import { systemOps, type SystemInfo } from '../../contract/system';
import { listBackups, writeBackup } from '../../db/backup';
import { schemaVersion } from '../../db/migrate';
import type { ServiceContext } from '../context';
import type { HandlersOf } from '../handler-types';
import { restoreBackup } from './restore';
import { getSetting, putSetting, readSettings } from './settings';
import { APP_VERSION } from '../../app-version';

const count = (ctx: ServiceContext, table: string): number =>
  (ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/** What the shell needs to know at start: where the data lives, whether this is a first run, how much is there. */
function systemInfo(ctx: ServiceContext): SystemInfo {
  const counts = {
    teams: count(ctx, 'teams'),
    staff: count(ctx, 'staff'),
    customers: count(ctx, 'customers'),
    products: count(ctx, 'products'),
    // An order has lines (P2.6): orders are counted by their number, kept by triggers (migration 009).
    orders: (ctx.db.prepare('SELECT orders AS n FROM order_count').get() as { n: number }).n,
    surveys: count(ctx, 'surveys'),
  };
  const hasData = Object.values(counts).some((n) => n > 0);
  return {
    appVersion: APP_VERSION,
    dataDir: ctx.ws.dataDir,
    database: ctx.ws.dbPath,
    schemaVersion: schemaVersion(ctx.db),
    firstRun: !hasData && getSetting(ctx.db, 'onboarded') !== '1',
    companyName: getSetting(ctx.db, 'companyName') ?? '',
    counts,
  };
}

export const systemHandlers = {
  'system/info': (ctx) => systemInfo(ctx),
  'system/init': (ctx) => ({
    database: ctx.ws.dbPath,
    schemaVersion: schemaVersion(ctx.db),
    migratedFrom: ctx.ws.lastMigration.from,
  }),
  'system/start-empty': (ctx, input) => {
    ctx.db.transaction(() => {
      putSetting(ctx.db, 'companyName', input.companyName);
      putSetting(ctx.db, 'onboarded', '1');
    })();
    return systemInfo(ctx);
  },
  'settings/get': (ctx) => readSettings(ctx.db),
  'settings/set': (ctx, input) => {
    ctx.db.transaction(() => {
      if (input.lang) putSetting(ctx.db, 'lang', input.lang);
      if (input.companyName) putSetting(ctx.db, 'companyName', input.companyName);
      if (input.displayName) putSetting(ctx.db, 'displayName', input.displayName);
    })();
    return readSettings(ctx.db);
  },
  'backup/create': (ctx) => writeBackup(ctx.db, ctx.ws.dataDir, 'manual'),
  'backup/list': (ctx) => listBackups(ctx.ws.dataDir),
  'backup/restore': (ctx, input) => restoreBackup(ctx.ws, input.name),
  'jobs/cancel': (ctx, input) => ({ cancelled: ctx.cancelJob(input.jobId) }),
} satisfies HandlersOf<typeof systemOps>;
