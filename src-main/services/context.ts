import os from 'node:os';
import type { Database } from 'better-sqlite3';
import type { Workspace } from '../db/workspace';
import type { Lang } from '../i18n/messages';

/** What every service function receives besides its input. Knows nothing of Electron, HTTP or the terminal. */
export interface ServiceContext {
  readonly ws: Workspace;
  /** The open database (ws.db at the time of the call). */
  readonly db: Database;
  readonly lang: Lang;
  /** Who is acting, for the audit trail. */
  readonly actor: string;
  /** Reports progress of long work; phase is an i18n key such as 'progress.orders'. */
  progress(done: number, total: number, phase: string): void;
  /** Throws WorkbenchError('job/cancelled') when the user cancelled this job. */
  checkCancelled(): void;
  /** Cancels a running long job of this door (see runtime/jobs.ts); false when there is none. */
  cancelJob(jobId: string): boolean;
}

export function makeContext(ws: Workspace, opts: Partial<Omit<ServiceContext, 'ws' | 'db'>> = {}): ServiceContext {
  return {
    ws,
    get db() {
      return ws.db;
    },
    lang: opts.lang ?? 'en',
    actor: opts.actor ?? defaultActor(),
    progress: opts.progress ?? (() => {}),
    checkCancelled: opts.checkCancelled ?? (() => {}),
    cancelJob: opts.cancelJob ?? (() => false),
  };
}

/**
 * Who did it, for the audit log: the one answer for every door. WORKBENCH_USER names the user
 * explicitly (tests, a shared account); otherwise the computer's user name.
 */
export function defaultActor(): string {
  if (process.env.WORKBENCH_USER) return process.env.WORKBENCH_USER;
  try {
    const name = os.userInfo().username;
    if (name) return name;
  } catch {
    // no user entry for this uid (some containers): fall back to the environment
  }
  return process.env.USER || process.env.USERNAME || 'manager';
}

export function nowIso(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}
