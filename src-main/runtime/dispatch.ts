import { z } from 'zod';
import { contract, isOpName, type OpName } from '../contract';
import type { ErrorPayload, Result } from '../contract/define';
import { isWorkbenchError, WorkbenchError } from '../contract/errors';
import type { Workspace } from '../db/workspace';
import { t, type Lang } from '../i18n/messages';
import { makeContext } from '../services/context';
import { handlers } from '../services/handlers';

export interface DispatchOptions {
  lang: Lang;
  actor?: string;
  /**
   * Runs a long operation elsewhere (a worker); without it long work runs in this thread. It gets the
   * caller's language: a job started from a Chinese window writes Chinese files on an English computer.
   */
  runLong?: (name: OpName, input: unknown, jobId: string | undefined, lang: Lang) => Promise<unknown>;
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
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) return { ok: false, error: invalidInput(parsed.error, opts.lang) };
  try {
    if (spec.long && opts.runLong) return { ok: true, value: await opts.runLong(name, parsed.data, opts.jobId, opts.lang) };
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

/** Names the first offending field in the user's language, e.g. "电子邮件：格式不正确". */
export function invalidInput(error: z.ZodError, lang: Lang): ErrorPayload {
  const issue = error.issues[0];
  const field = issue.path.filter((p) => typeof p === 'string').at(-1) as string | undefined;
  const fieldLabel = field ? t(lang, `fields.${field}`) : '';
  const label = fieldLabel && fieldLabel !== `fields.${field}` ? fieldLabel : (field ?? '');
  const known = `validation.${issue.message}`;
  let reason = t(lang, known);
  if (reason === known) reason = t(lang, `validation.${issue.code}`, { ...issue });
  if (reason === `validation.${issue.code}`) reason = issue.message;
  const message = label ? t(lang, 'errors.request/invalid-input', { field: label, reason }) : reason;
  return { code: 'request/invalid-input', message, details: { field: issue.path.join('.'), issue: issue.code } };
}
