import { contract, isOpName, type OpName } from '../contract';
import type { ErrorPayload, Result } from '../contract/define';
import { DOOR_POLICY, type Door } from '../contract/doors';
import { isWorkbenchError, WorkbenchError } from '../contract/errors';
import { countDiskPaths } from '../contract/files';
import { damageOf } from '../db/damage';
import type { Workspace } from '../db/workspace';
import { t, type Lang } from '../i18n/messages';
import { makeContext } from '../services/context';
import { handlers } from '../services/handlers';
import { invalidInput } from './invalid-input';
import { logInternalError } from './error-log';
import { inWriteTurn } from './write-gate';

export interface DispatchOptions {
  lang: Lang;
  /**
   * The door the call came through (contract/doors.ts): the HTTP and IPC doors say so and get only what
   * they expose. In-process callers (the CLI, tests, bench) are the person at this computer: 'cli'.
   */
  door?: Door;
  actor?: string;
  /**
   * Runs a long operation elsewhere (a worker); without it long work runs in this thread. It gets the
   * caller's language: a job started from a Chinese window writes Chinese files on an English computer.
   */
  runLong?: (name: OpName, input: unknown, jobId: string | undefined, lang: Lang) => Promise<unknown>;
  /** The caller's id for a long job, so that it can cancel it and match progress events. */
  jobId?: string;
  cancelJob?: (jobId: string) => boolean;
  /** How many long jobs run in workers: a restore waits until none does (their connections would outlive the file). */
  jobsRunning?: () => number;
  progress?: (done: number, total: number, phase: string) => void;
  checkCancelled?: () => void;
}

/**
 * The one entry every door uses: validates the input with the contract's schema, calls the service,
 * and turns failures into `{ code, message }` in the caller's language. Unexpected errors are logged
 * with the operation's name and reported as 'internal', never as a stack trace.
 */
export async function dispatch(
  ws: Workspace,
  name: string,
  rawInput: unknown,
  opts: DispatchOptions,
): Promise<Result<unknown>> {
  if (!isOpName(name))
    return { ok: false, error: errorPayload(new WorkbenchError('request/unknown-operation', { name }), opts.lang) };
  const spec = contract[name];
  const door = opts.door ?? 'cli';
  if (!spec.doors.includes(door))
    return { ok: false, error: errorPayload(new WorkbenchError('request/not-exposed', { name }), opts.lang) };
  const { result: parsed, diskPaths } = countDiskPaths(() => spec.input.safeParse(rawInput ?? {}));
  if (!parsed.success) return { ok: false, error: invalidInput(parsed.error, opts.lang, rawInput ?? {}) };
  // Issue 17 item 11: a page names no file on disk, whichever field of whichever operation it tries.
  if (diskPaths > 0 && !DOOR_POLICY[door].diskPaths)
    return { ok: false, error: errorPayload(new WorkbenchError('request/disk-path-refused', { name }), opts.lang) };
  try {
    // A damaged database (issue 17, item 2) still lists and restores its backups; everything else is refused.
    if (ws.damage && name !== 'backup/list' && name !== 'backup/restore') throw ws.damagedError();
    if (name === 'backup/restore' && (opts.jobsRunning?.() ?? 0) > 0) throw new WorkbenchError('backup/jobs-running');
    if (spec.long && opts.runLong)
      return { ok: true, value: await opts.runLong(name, parsed.data, opts.jobId, opts.lang) };
    const ctx = makeContext(ws, {
      lang: opts.lang,
      actor: opts.actor,
      progress: opts.progress,
      checkCancelled: opts.checkCancelled,
      cancelJob: opts.cancelJob,
    });
    const handler = handlers[name] as (c: typeof ctx, i: unknown) => unknown;
    const run = () => handler(ctx, parsed.data);
    // A door that runs long jobs in workers has other writers in this process: its writes take turns (write-gate.ts).
    return { ok: true, value: spec.mutates && opts.runLong ? await inWriteTurn(ws, name, run) : await run() };
  } catch (e) {
    const damage = damageOf(e);
    if (damage && !ws.damage) {
      // Damage met while working (not seen by the check on opening): recovery from now on, never a stack.
      logInternalError(ws.dataDir, name, e);
      ws.markDamaged(damage);
      return { ok: false, error: errorPayload(ws.damagedError(), opts.lang) };
    }
    return { ok: false, error: toErrorPayload(e, name, opts.lang, ws.dataDir) };
  }
}

/** An expected failure in the caller's language; anything else is logged with its stack and reported in one line (issue 17, item 3). */
export function toErrorPayload(e: unknown, operation: string, lang: Lang, dataDir?: string): ErrorPayload {
  if (isWorkbenchError(e)) return errorPayload(e, lang);
  const { log, ref } = logInternalError(dataDir, operation, e);
  return { code: 'internal', message: t(lang, 'errors.internal-logged', { log, ref }), details: { log, ref } };
}

export function errorPayload(e: WorkbenchError, lang: Lang): ErrorPayload {
  const key = `errors.${e.code}`;
  const message = t(lang, key, e.params);
  return { code: e.code, message: message === key ? `${e.code}` : message, details: e.params };
}
