import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { contract, isOpName, type OpName } from '../contract';
import type { Result } from '../contract/define';
import { isWorkbenchError } from '../contract/errors';
import { MAX_FILE_BYTES, type UploadInfo } from '../contract/files';
import type { Workspace } from '../db/workspace';
import { LANGS, t, type Lang } from '../i18n/messages';
import { dispatch, errorPayload } from '../runtime/dispatch';
import type { JobRunner } from '../runtime/jobs';
import { receiveUpload } from '../services/files/uploads';

interface InvokerDeps {
  ws: Workspace;
  lang(): Lang;
  actor: string;
  /** Runs long operations in a worker thread (src-main/runtime/jobs.ts). */
  jobs: JobRunner;
  /** Called after an operation declared `mutates` succeeded (refresh caches, rebuild the menu…). */
  onMutated(name: OpName): void;
}

/** `lang`: the language the calling window shows, which its messages and files follow (else the app's). */
export type Invoke = (name: string, input: unknown, jobId?: string, lang?: Lang) => Promise<Result<unknown>>;

/** The one way main runs an operation, for the renderer's calls and the menu's alike. */
export function createInvoker(deps: InvokerDeps): Invoke {
  return async (name, input, jobId, lang) => {
    const result = await dispatch(deps.ws, name, input, {
      lang: lang ?? deps.lang(),
      door: 'ipc',
      actor: deps.actor,
      jobId,
      runLong: (op, parsed, id, jobLang) => deps.jobs.run(op, parsed, id, jobLang),
      cancelJob: (id) => deps.jobs.cancel(id),
      jobsRunning: () => deps.jobs.running(),
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

// A file the page read from its own picker or a drop; the bytes travel once, structured-cloned, never as base64.
const uploadEnvelope = z.object({ name: z.string().trim().min(1).max(255), bytes: z.instanceof(Uint8Array) }).strict();

const INVOKE_CHANNEL = 'workbench:invoke';
const UPLOAD_CHANNEL = 'workbench:upload';

interface IpcDoor {
  invoke: Invoke;
  isTrustedUrl(url: string | undefined): boolean;
  lang(): Lang;
  /** Where uploads are kept (services/files/uploads.ts). */
  dataDir: string;
}

/**
 * Answers `window.workbench.invoke` and `upload` from the preload. Calls from any frame but the app's own
 * top-level page (an injected iframe, a page navigated elsewhere) are refused before anything runs; the
 * door's refusals are worded in the user's language like every other message.
 */
export function registerIpc(door: IpcDoor): () => void {
  const refuse = (code: string, params: Record<string, unknown> = {}): Result<never> => ({
    ok: false,
    error: { code, message: t(door.lang(), `errors.${code}`, params) },
  });
  const trusted = (event: IpcMainInvokeEvent): boolean => {
    const frame = event.senderFrame;
    if (frame && frame.parent === null && door.isTrustedUrl(frame.url)) return true;
    console.warn(`[workbench] refused an IPC call from ${frame?.url ?? 'a destroyed frame'}`);
    return false;
  };
  ipcMain.handle(INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, raw: unknown): Promise<Result<unknown>> => {
    if (!trusted(event)) return refuse('request/forbidden');
    const parsed = envelope.safeParse(raw);
    if (!parsed.success) return refuse('request/invalid-envelope');
    const { name, input, opts } = parsed.data;
    return door.invoke(name, input, opts?.jobId, opts?.lang);
  });
  ipcMain.handle(UPLOAD_CHANNEL, async (event: IpcMainInvokeEvent, raw: unknown): Promise<Result<UploadInfo>> => {
    if (!trusted(event)) return refuse('request/forbidden');
    const parsed = uploadEnvelope.safeParse(raw);
    if (!parsed.success) return refuse('request/invalid-envelope');
    try {
      return {
        ok: true,
        value: await receiveUpload(door.dataDir, parsed.data.name, [parsed.data.bytes], MAX_FILE_BYTES),
      };
    } catch (e) {
      if (isWorkbenchError(e)) return { ok: false, error: errorPayload(e, door.lang()) };
      console.error('[workbench] upload failed:', e);
      return refuse('internal');
    }
  });
  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL);
    ipcMain.removeHandler(UPLOAD_CHANNEL);
  };
}
