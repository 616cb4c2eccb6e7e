import { z } from 'zod';
import { empty } from './common';
import { op } from './define';

export const langSchema = z.enum(['zh-CN', 'en']);

export interface BackupInfo {
  file: string;
  name: string;
  reason: string;
  createdAt: string;
  sizeBytes: number;
}

/** A restored backup. A damaged database cannot be copied: it is moved aside untouched (damagedCopy) instead of a safety backup. */
export interface RestoreResult {
  restored: string;
  safetyBackup: BackupInfo | null;
  damagedCopy?: string;
  schemaVersion: number;
}

export interface SystemInfo {
  appVersion: string;
  dataDir: string;
  database: string;
  schemaVersion: number;
  /** True until the first data is loaded or the user chooses to start empty (shows the welcome page). */
  firstRun: boolean;
  companyName: string;
  counts: { teams: number; staff: number; customers: number; products: number; orders: number; surveys: number };
}

export interface Settings {
  lang: 'zh-CN' | 'en' | null;
  companyName: string;
  /** The user's name as the audit trail shows it ("by whom"); '' until given (the account name stands in). */
  displayName: string;
  /** This computer's account name: the display name's default. */
  accountName: string;
}

export const systemOps = {
  'system/info': op<SystemInfo>()(empty),
  'system/init': op<{ database: string; schemaVersion: number; migratedFrom: number }>()(empty, { mutates: true }),
  'system/start-empty': op<SystemInfo>()(z.object({ companyName: z.string().trim().min(1).max(100) }).strict(), {
    mutates: true,
  }),
  'settings/get': op<Settings>()(empty),
  'settings/set': op<Settings>()(
    z
      .object({
        lang: langSchema.optional(),
        companyName: z.string().trim().min(1).max(100).optional(),
        displayName: z.string().trim().min(1).max(50).optional(),
      })
      .strict(),
    { mutates: true },
  ),
  'backup/create': op<BackupInfo>()(empty, { mutates: true }),
  'backup/list': op<BackupInfo[]>()(empty),
  'backup/restore': op<RestoreResult>()(z.object({ name: z.string().min(1).max(200) }).strict(), { mutates: true }),
  'jobs/cancel': op<{ cancelled: boolean }>()(z.object({ jobId: z.string().min(1).max(64) }).strict()),
};
