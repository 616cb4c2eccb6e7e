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
  let actor: string | undefined;
  return {
    ws,
    get db() {
      return ws.db;
    },
    lang: opts.lang ?? 'en',
    // Issue 12 item 7: "by whom" is the person's display name from Settings, read once per call; the
    // door's account name only until one is given. Every door and the job worker build their context here.
    get actor() {
      return (actor ??= displayName(ws) ?? opts.actor ?? defaultActor());
    },
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

/** This computer's account name (the display name's default). */
export function accountName(): string {
  try {
    return os.userInfo().username || defaultActor();
  } catch {
    return defaultActor();
  }
}

/** The display name the user gave in Settings, or undefined (none yet, or a database that cannot be read). */
function displayName(ws: Workspace): string | undefined {
  try {
    const row = ws.db.prepare("SELECT value FROM settings WHERE key = 'displayName'").get() as
      { value: string } | undefined;
    return row?.value.trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Today's date by this computer's clock, YYYY-MM-DD: the day the manager sees on the wall calendar (in
 * China, UTC+8, the UTC date is still yesterday until 08:00). Every "today" of the services is this one.
 */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function nowIso(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}
