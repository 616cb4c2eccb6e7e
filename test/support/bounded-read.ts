import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Reads a file in a worker thread of this test process, with a hard heap limit, while the test's own
 * thread samples the process's resident memory every 10 ms: the read's peak memory growth and its time
 * are what the hostile-file tests assert (issue #17 "each hostile file with its memory and time bound").
 */
export interface BoundedRead {
  /** The WorkbenchError code, or null when the file was read. */
  code: string | null;
  rows: number;
  ms: number;
  /** Peak growth of the process's resident memory while the worker ran, in MB. */
  peakMb: number;
}

export function boundedRead(
  bytes: Uint8Array,
  name: string,
  how: 'table' | 'sheets' = 'table',
  heapMb = 1024,
): Promise<BoundedRead> {
  const base = process.memoryUsage().rss;
  let peak = base;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  // The worker loads the TypeScript sources through tsx's loader, registered in that thread.
  const api = pathToFileURL(
    path.join(path.dirname(createRequire(import.meta.url).resolve('tsx/esm/api')), 'index.mjs'),
  ).href;
  const entry = pathToFileURL(path.join(import.meta.dirname, 'bounded-worker.ts')).href;
  const worker = new Worker(
    `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`,
    {
      eval: true,
      workerData: { bytes, name, how },
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
    },
  );
  return new Promise<BoundedRead>((resolve, reject) => {
    worker.once('message', (m: Omit<BoundedRead, 'peakMb'>) => {
      peak = Math.max(peak, process.memoryUsage().rss);
      resolve({ ...m, peakMb: Math.round((peak - base) / 1024 / 1024) });
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`worker exited with ${code} before answering`)));
  }).finally(() => {
    clearInterval(sampler);
    void worker.terminate();
  });
}
