import { contract, isOpName, type OpName } from '../contract';
import type { ErrorPayload, Result } from '../contract/define';
import { DOOR_POLICY, type Door } from '../contract/doors';
import { isWorkbenchError, WorkbenchError } from '../contract/errors';
import { countDiskPaths } from '../contract/files';
import type { Workspace } from '../db/workspace';
import { t, type Lang } from '../i18n/messages';
import { makeContext } from '../services/context';
import { handlers } from '../services/handlers';
import { invalidInput } from './invalid-input';

export interface DispatchOptions {
  lang: Lang;
  /**
   * The door the call came through (contract/doors.ts): the HTTP and IPC doors say so and get only what
   * they expose. In-process callers (the CLI, tests, bench) are the person at this computer: 'cli'.
   */
  door?: Door;
  actor?: string;
  /** Runs a long operation elsewhere (a worker); without it long work runs in this thread. */
  runLong?: (name: OpName, input: unknown, jobId: string | undefined) => Promise<unknown>;
  /** The caller's id for a long job, so that it can cancel it and match progress events. */
  jobId?: string;
  cancelJob?: (jobId: string) => boolean;
  progress?: (done: number, total: number, phase: string) => void;
  checkCancelled?: () => void;
}

/**
 * The one entry every door uses: validates the input with the contract's schema, calls the service,
 * and turns failures into `{ code, message }` in the caller's language. Unexpected errors are logged
 * with the operation's name and reported as 'internal', never as a stack trace.
 */
export async function dispatch(ws: Workspace, name: string, rawInput: unknown, opts: DispatchOptions): Promise<Result<unknown>> {
  if (!isOpName(name)) return { ok: false, error: errorPayload(new WorkbenchError('request/unknown-operation', { name }), opts.lang) };
  const spec = contract[name];
  const door = opts.door ?? 'cli';
  if (!spec.doors.includes(door)) return { ok: false, error: errorPayload(new WorkbenchError('request/not-exposed', { name }), opts.lang) };
  const { result: parsed, diskPaths } = countDiskPaths(() => spec.input.safeParse(rawInput ?? {}));
  if (!parsed.success) return { ok: false, error: invalidInput(parsed.error, opts.lang, rawInput ?? {}) };
  // Issue 17 item 11: a page names no file on disk, whichever field of whichever operation it tries.
  if (diskPaths > 0 && !DOOR_POLICY[door].diskPaths) return { ok: false, error: errorPayload(new WorkbenchError('request/disk-path-refused', { name }), opts.lang) };
  try {
    if (spec.long && opts.runLong) return { ok: true, value: await opts.runLong(name, parsed.data, opts.jobId) };
    const ctx = makeContext(ws, { lang: opts.lang, actor: opts.actor, progress: opts.progress, checkCancelled: opts.checkCancelled, cancelJob: opts.cancelJob });
    const handler = handlers[name] as (c: typeof ctx, i: unknown) => unknown;
    return { ok: true, value: await handler(ctx, parsed.data) };
  } catch (e) {
    return { ok: false, error: toErrorPayload(e, name, opts.lang) };
  }
}

export function toErrorPayload(e: unknown, operation: string, lang: Lang): ErrorPayload {
  if (isWorkbenchError(e)) return errorPayload(e, lang);
  console.error(`[workbench] ${operation} failed:`, e);
  return { code: 'internal', message: t(lang, 'errors.internal') };
}

export function errorPayload(e: WorkbenchError, lang: Lang): ErrorPayload {
  const key = `errors.${e.code}`;
  const message = t(lang, key, e.params);
  return { code: e.code, message: message === key ? `${e.code}` : message, details: e.params };
}
