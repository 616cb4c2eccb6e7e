import { parentPort, workerData } from 'node:worker_threads';
import { isWorkbenchError, WorkbenchError } from '../contract/errors';
import { Workspace } from '../db/workspace';
import type { Lang } from '../i18n/messages';
import { makeContext } from '../services/context';
import { handlers } from '../services/handlers';
import type { JobMessage } from './jobs';

interface JobData {
  name: keyof typeof handlers;
  input: unknown;
  dataDir: string;
  nativeBinding?: string;
  lang: Lang;
  actor: string;
  flag: Int32Array;
}

const data = workerData as JobData;
const post = (m: JobMessage) => parentPort!.postMessage(m);

async function main(): Promise<void> {
  // The main thread has opened, checked and migrated the database already. A worker may wait long for the
  // write lock (another job's import): it blocks only itself, and the window's edits wait asynchronously.
  const ws = new Workspace(data.dataDir, {
    nativeBinding: data.nativeBinding,
    migrate: false,
    check: false,
    busyTimeoutMs: 10 * 60_000,
  });
  let last = 0;
  const ctx = makeContext(ws, {
    lang: data.lang,
    actor: data.actor,
    progress(done, total, phase) {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      post({ type: 'progress', done, total, phase });
    },
    checkCancelled() {
      if (Atomics.load(data.flag, 0) === 1) throw new WorkbenchError('job/cancelled');
    },
  });
  try {
    const handler = handlers[data.name] as (c: typeof ctx, i: unknown) => unknown;
    post({ type: 'done', value: await handler(ctx, data.input) });
  } catch (e) {
    if (isWorkbenchError(e)) post({ type: 'failed', code: e.code, params: e.params });
    else post({ type: 'crashed', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  } finally {
    ws.close();
  }
}

void main();
