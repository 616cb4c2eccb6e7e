import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The log of unexpected errors: in the data folder, rotated at 1 MB, three old files kept. */
export const LOG_MAX_BYTES = 1024 * 1024;
const KEEP = 3;

export function logFile(dataDir: string): string {
  return path.join(dataDir, 'logs', 'workbench.log');
}

/**
 * Writes an unexpected error with its stack to the log (issue 17, item 3): a person sees one line
 * naming the code, the log and a reference to find the entry, never the stack itself. When the data
 * folder cannot be written, the log goes to the system's temporary folder.
 */
export function logInternalError(dataDir: string | undefined, where: string, e: unknown): { log: string; ref: string } {
  const ref = randomBytes(4).toString('hex');
  const detail = e instanceof Error ? (e.stack ?? `${e.name}: ${e.message}`) : String(e);
  const entry = `${new Date().toISOString()} ref=${ref} pid=${process.pid} ${where}\n${detail}\n\n`;
  for (const dir of [dataDir, path.join(os.tmpdir(), 'sales-workbench')]) {
    if (!dir) continue;
    const file = logFile(dir);
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      rotate(file);
      fs.appendFileSync(file, entry);
      return { log: file, ref };
    } catch {
      // Try the next place.
    }
  }
  return { log: '-', ref };
}

function rotate(file: string): void {
  let size = 0;
  try {
    size = fs.statSync(file).size;
  } catch {
    return;
  }
  if (size < LOG_MAX_BYTES) return;
  const old = (i: number) => file.replace(/\.log$/, `.${i}.log`);
  fs.rmSync(old(KEEP), { force: true });
  for (let i = KEEP - 1; i >= 1; i--) if (fs.existsSync(old(i))) fs.renameSync(old(i), old(i + 1));
  fs.renameSync(file, old(1));
}
