import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { OpName } from '../contract';
import type { ProgressEvent } from '../contract/define';
import { WorkbenchError } from '../contract/errors';
import type { Lang } from '../i18n/messages';

interface JobRunnerOptions {
  dataDir: string;
  nativeBinding?: string;
  lang: () => Lang;
  actor: () => string;
  onProgress: (e: ProgressEvent) => void;
}

export interface JobRunner {
  /** `lang`: the language of the window or request that started the job (default: the runner's). */
  run(name: OpName, input: unknown, jobId?: string, lang?: Lang): Promise<unknown>;
  cancel(jobId: string): boolean;
  /** How many jobs are running (each holds its own connection to the database). */
  running(): number;
  /** Stops every running job (their transactions roll back). */
  close(): Promise<void>;
}

export type JobMessage =
  | { type: 'progress'; done: number; total: number; phase: string }
  | { type: 'done'; value: unknown }
  | { type: 'failed'; code: string; params: Record<string, unknown> }
  | { type: 'crashed'; message: string };

/**
 * Where the worker's code is: beside this file as .ts when run from sources (CLI, browser mode, under
 * tsx, whose loader a worker must register again), or as out/main/job-worker.js in the Electron build.
 */
function workerUrl(): URL {
  return new URL(import.meta.url.endsWith('.ts') ? './job-worker-dev.mjs' : './job-worker.js', import.meta.url);
}

/**
 * Runs long operations (large demo, imports, exports, printing) in a worker thread with its own
 * database connection, so the window and the server stay responsive. Progress comes back as events;
 * cancelling sets a shared flag that the service checks, which rolls its transaction back.
 */
export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const running = new Map<string, { worker: Worker; flag: Int32Array }>();
  return {
    run(name, input, jobId = randomUUID(), lang = options.lang()) {
      const flag = new Int32Array(new SharedArrayBuffer(4));
      const worker = new Worker(workerUrl(), {
        workerData: {
          name,
          input,
          dataDir: options.dataDir,
          nativeBinding: options.nativeBinding,
          lang,
          actor: options.actor(),
          flag,
        },
      });
      running.set(jobId, { worker, flag });
      return new Promise((resolve, reject) => {
        let settled = false;
        const settle = (fn: () => void) => {
          if (settled) return;
          settled = true;
          running.delete(jobId);
          fn();
        };
        worker.on('message', (m: JobMessage) => {
          if (m.type === 'progress')
            options.onProgress({ jobId, operation: name, done: m.done, total: m.total, phase: m.phase });
          else if (m.type === 'done') settle(() => resolve(m.value));
          else if (m.type === 'failed') settle(() => reject(new WorkbenchError(m.code, m.params)));
          else settle(() => reject(new Error(m.message)));
        });
        worker.on('error', (e) => settle(() => reject(e)));
        worker.on('exit', (code) =>
          settle(() =>
            flag[0] === 1
              ? reject(new WorkbenchError('job/cancelled'))
              : reject(new Error(`job worker exited with code ${code}`)),
          ),
        );
      });
    },
    running: () => running.size,
    cancel(jobId) {
      const job = running.get(jobId);
      if (!job) return false;
      Atomics.store(job.flag, 0, 1);
      return true;
    },
    async close() {
      for (const job of running.values()) Atomics.store(job.flag, 0, 1);
      await Promise.all([...running.values()].map((j) => j.worker.terminate()));
    },
  };
}
