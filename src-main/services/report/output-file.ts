import fs from 'node:fs';
import path from 'node:path';
import type { FileResult } from '../../contract/review';
import { WorkbenchError } from '../../contract/errors';

/**
 * Writes a produced file where the CLI or the desktop's save dialog said, or hands the bytes back
 * (browser mode downloads them). The extension must match what was produced.
 */
export function deliverFile(bytes: Buffer, name: string, out: string | undefined, extensions: string[]): FileResult {
  if (!out) return { file: null, name, base64: bytes.toString('base64'), bytes: bytes.length };
  const file = checkOut(out, extensions);
  try {
    fs.writeFileSync(file, bytes);
  } catch (e) {
    throw new WorkbenchError('report/write-failed', { file, reason: (e as Error).message });
  }
  return { file, name: path.basename(file), base64: null, bytes: bytes.length };
}

/** Checks an output path before any long work: right extension, existing folder. Returns it absolute. */
export function checkOut(out: string, extensions: string[]): string {
  const file = path.resolve(out);
  const ext = path.extname(file).toLowerCase();
  if (!extensions.includes(ext)) throw new WorkbenchError('report/bad-extension', { file: out, extensions: extensions.join(', ') });
  const dir = path.dirname(file);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new WorkbenchError('report/out-dir-missing', { dir });
  return file;
}
