import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { WorkbenchError } from '../../contract/errors';
import type { FileOutResult, fileIn } from '../../contract/import';
import { MAX_FILE_BYTES, mb } from '../../excel/limits';

/**
 * Files travel as a path (the CLI, and the desktop after a main-side open/save dialog) or as bytes
 * (browser mode uploads and downloads). Every import and export takes or gives one of these, so that
 * all three doors use the same operation.
 */
export type FileIn = z.output<typeof fileIn>;

export type { FileOutResult };

const tooLarge = (file: string) => new WorkbenchError('import/file-too-large', { file: path.basename(file), maxMb: mb(MAX_FILE_BYTES) });

export function readFileIn(ref: FileIn): { name: string; bytes: Uint8Array } {
  if ('base64' in ref) {
    // Refused before decoding: every 4 base64 characters hold 3 bytes.
    if (Math.floor((ref.base64.length * 3) / 4) > MAX_FILE_BYTES + 2) throw tooLarge(ref.name);
    return { name: path.basename(ref.name), bytes: Buffer.from(ref.base64, 'base64') };
  }
  let bytes: Buffer;
  try {
    const st = fs.statSync(ref.path);
    if (st.isDirectory()) throw new WorkbenchError('import/file-unreadable', { file: ref.path, reason: 'EISDIR' });
    // The size on disk first, so that a 1 GB file is refused without being read (issue #17 item 9).
    if (st.size > MAX_FILE_BYTES) throw tooLarge(ref.path);
    bytes = fs.readFileSync(ref.path);
    if (bytes.length > MAX_FILE_BYTES) throw tooLarge(ref.path);
  } catch (e) {
    if (e instanceof WorkbenchError) throw e;
    throw new WorkbenchError('import/file-unreadable', { file: ref.path, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
  }
  return { name: path.basename(ref.path), bytes };
}

export function writeFileOut(out: { path: string } | undefined, name: string, bytes: Uint8Array): FileOutResult {
  if (!out) return { name, path: null, bytes: bytes.length, base64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64') };
  try {
    // Written beside and renamed, so that a failure never leaves half a file where the user looks.
    const tmp = `${out.path}.part`;
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, out.path);
  } catch (e) {
    throw new WorkbenchError('export/file-unwritable', { file: out.path, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
  }
  return { name: path.basename(out.path), path: path.resolve(out.path), bytes: bytes.length };
}
