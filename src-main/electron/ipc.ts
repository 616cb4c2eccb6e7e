import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { contract, isOpName } from '../contract';
import type { Result } from '../contract/define';
import type { Workspace } from '../db/workspace';
import { LANGS, type Lang } from '../i18n/messages';
import { dispatch } from '../runtime/dispatch';
import type { JobRunner } from '../runtime/jobs';

export interface InvokerDeps {
  ws: Workspace;
  lang(): Lang;
  actor: string;
  /** Runs long operations in a worker thread (src-main/runtime/jobs.ts). */
  jobs: JobRunner;
  /** Called after an operation declared `mutates` succeeded (refresh caches, rebuild the menu…). */
  onMutated(name: string): void;
}

/** `lang`: the language the calling window shows, which its messages and files follow (else the app's). */
export type Invoke = (name: string, input: unknown, jobId?: string, lang?: Lang) => Promise<Result<unknown>>;

/** The one way main runs an operation, for the renderer's calls and the menu's alike. */
export function createInvoker(deps: InvokerDeps): Invoke {
  return async (name, input, jobId, lang) => {
    const result = await dispatch(deps.ws, name, input, {
      lang: lang ?? deps.lang(),
      actor: deps.actor,
      jobId,
      runLong: (op, parsed, id, jobLang) => deps.jobs.run(op, parsed, id, jobLang),
      cancelJob: (id) => deps.jobs.cancel(id),
    });
    if (result.ok && isOpName(name) && contract[name].mutates) deps.onMutated(name);
    return result;
  };
}

// The renderer's envelope; the operation's own input is checked by dispatch against the contract.
const envelope = z
  .object({
    name: z.string().min(1).max(100),
    input: z.unknown().optional(),
    opts: z
      .object({ jobId: z.string().min(1).max(64).optional(), lang: z.enum(LANGS).optional() })
      .strict()
      .optional(),
  })
  .strict();

export const INVOKE_CHANNEL = 'workbench:invoke';

/**
 * Answers `window.workbench.invoke` from the preload. Calls from any frame but the app's own top-level
 * page (an injected iframe, a page navigated elsewhere) are refused before anything runs.
 */
export function registerIpc(invoke: Invoke, isTrustedUrl: (url: string | undefined) => boolean): () => void {
  ipcMain.handle(INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, raw: unknown): Promise<Result<unknown>> => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isTrustedUrl(frame.url)) {
      console.warn(`[workbench] refused an IPC call from ${frame?.url ?? 'a destroyed frame'}`);
      return { ok: false, error: { code: 'request/forbidden', message: 'This page may not call the workbench.' } };
    }
    const parsed = envelope.safeParse(raw);
    if (!parsed.success) {
      return { ok: false, error: { code: 'request/invalid-envelope', message: 'Malformed workbench request.' } };
    }
    const { name, input, opts } = parsed.data;
    return invoke(name, input, opts?.jobId, opts?.lang);
  });
  return () => ipcMain.removeHandler(INVOKE_CHANNEL);
}
