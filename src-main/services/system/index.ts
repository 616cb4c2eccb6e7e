import fs from 'node:fs';
import { systemOps, type SystemInfo } from '../../contract/system';
import { WorkbenchError } from '../../contract/errors';
import { findBackup, listBackups, writeBackup } from '../../db/backup';
import { schemaVersion } from '../../db/migrate';
import { SCHEMA_VERSION } from '../../db/migrations';
import { openDatabase, type Workspace } from '../../db/workspace';
import type { ServiceContext } from '../context';
import type { HandlersOf } from '../handler-types';
import { getSetting, putSetting, readSettings } from './settings';
import { APP_VERSION } from '../../app-version';

const count = (ctx: ServiceContext, table: string): number => (ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/** What the shell needs to know at start: where the data lives, whether this is a first run, how much is there. */
export function systemInfo(ctx: ServiceContext): SystemInfo {
  const counts = {
    teams: count(ctx, 'teams'),
    staff: count(ctx, 'staff'),
    customers: count(ctx, 'customers'),
    products: count(ctx, 'products'),
    // An order has lines (P2.6): orders are counted by their number.
    orders: (ctx.db.prepare('SELECT count(DISTINCT order_no) AS n FROM orders').get() as { n: number }).n,
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

/**
 * Restores a backup from the data folder: checks it is a readable workbench database no newer than
 * this version, takes a safety backup of the current data, swaps the files and reopens (migrating if older).
 */
export function restoreBackup(ws: Workspace, name: string) {
  const backup = findBackup(ws.dataDir, name);
  try {
    const probe = openDatabase(backup.file, ws.nativeBinding, true);
    try {
      const version = schemaVersion(probe);
      probe.prepare('SELECT count(*) FROM settings').get();
      if (version > SCHEMA_VERSION) throw new WorkbenchError('db/newer-version', { found: version, supported: SCHEMA_VERSION });
    } finally {
      probe.close();
    }
  } catch (e) {
    if (e instanceof WorkbenchError && e.code === 'db/newer-version') throw e;
    throw new WorkbenchError('backup/invalid', { name });
  }
  const safetyBackup = writeBackup(ws.db, ws.dataDir, 'before-restore');
  ws.close();
  for (const suffix of ['-wal', '-shm']) fs.rmSync(ws.dbPath + suffix, { force: true });
  fs.copyFileSync(backup.file, ws.dbPath);
  ws.open();
  return { restored: backup.name, safetyBackup, schemaVersion: schemaVersion(ws.db) };
}

export const systemHandlers = {
  'system/info': (ctx) => systemInfo(ctx),
  'system/init': (ctx) => ({ database: ctx.ws.dbPath, schemaVersion: schemaVersion(ctx.db), migratedFrom: ctx.ws.lastMigration.from }),
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
    })();
    return readSettings(ctx.db);
  },
  'backup/create': (ctx) => writeBackup(ctx.db, ctx.ws.dataDir, 'manual'),
  'backup/list': (ctx) => listBackups(ctx.ws.dataDir),
  'backup/restore': (ctx, input) => restoreBackup(ctx.ws, input.name),
  'jobs/cancel': (ctx, input) => ({ cancelled: ctx.cancelJob(input.jobId) }),
} satisfies HandlersOf<typeof systemOps>;
