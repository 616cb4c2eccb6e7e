import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { WorkbenchError } from '../../contract/errors';
import type { FileOut, FileOutTarget } from '../../contract/files';

/** A name as received or made from user data (a survey's name), reduced to a plain file name: never a path. */
export function safeFileName(name: string, fallback: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .trim()
    .slice(0, 200);
  return clean === '' || clean === '.' || clean === '..' ? fallback : clean;
}

/**
 * Checks where a file is to be written before any long work: the extension matches what is produced
 * and the folder exists. Returns the absolute path.
 */
export function checkFileOut(out: NonNullable<FileOutTarget>, extensions: readonly string[]): string {
  const file = path.resolve(out.path);
  const ext = path.extname(file).toLowerCase();
  if (!extensions.includes(ext))
    throw new WorkbenchError('file/bad-extension', { file: out.path, extensions: extensions.join(', ') });
  const dir = path.dirname(file);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new WorkbenchError('file/out-dir-missing', { dir });
  return file;
}

/**
 * The one writer of produced files (contract/files.ts). With a target it writes there — beside it first,
 * then renamed over it, so that a failure or a kill never leaves half a file where the user looks;
 * without one the bytes come back for the page to download.
 */
export function writeFileOut(
  out: FileOutTarget,
  name: string,
  bytes: Uint8Array,
  extensions: readonly string[] = [path.extname(name).toLowerCase()],
): FileOut {
  if (!out)
    return {
      name,
      path: null,
      bytes: bytes.length,
      base64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
    };
  const file = checkFileOut(out, extensions);
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(4).toString('hex')}.part`);
  try {
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw new WorkbenchError('file/unwritable', {
      file: out.path,
      reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message,
    });
  }
  return { name: path.basename(file), path: file, bytes: bytes.length };
}
