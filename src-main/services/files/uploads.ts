import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { WorkbenchError } from '../../contract/errors';
import { MAX_FILE_BYTES, UPLOAD_ID, type UploadInfo } from '../../contract/files';
import { safeFileName } from './write';

const MB = 1024 * 1024;
/** An upload lives this long: the import wizard reads the same file for its preview, the run and the problem file. */
const UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;

export function uploadsDir(dataDir: string): string {
  return path.join(dataDir, 'uploads');
}

/**
 * Stores bytes a door received (browser mode's request body, the desktop window's file) as an upload,
 * chunk by chunk: memory holds one chunk at a time, never the whole file nor a base64 copy of it
 * (issue 17 item 12). Beyond `max` bytes it stops, removes what it wrote and refuses.
 */
export async function receiveUpload(
  dataDir: string,
  name: string,
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  max = MAX_FILE_BYTES,
): Promise<UploadInfo> {
  sweepUploads(dataDir);
  const id = randomBytes(16).toString('base64url');
  const dir = path.join(uploadsDir(dataDir), id);
  const fileName = safeFileName(name, 'upload');
  fs.mkdirSync(dir, { recursive: true });
  const handle = await fs.promises.open(path.join(dir, fileName), 'wx');
  let bytes = 0;
  let ok = false;
  try {
    for await (const chunk of chunks) {
      bytes += chunk.length;
      if (bytes > max)
        throw new WorkbenchError('import/file-too-large', { file: fileName, maxMb: Math.round(max / MB) });
      await handle.write(chunk);
    }
    ok = true;
  } finally {
    await handle.close();
    if (!ok) fs.rmSync(dir, { recursive: true, force: true });
  }
  return { upload: id, name: fileName, bytes };
}

/** Where an upload's bytes are; refused when the id names none (expired, or never received). */
export function uploadedFile(dataDir: string, id: string): { file: string; name: string } {
  if (!UPLOAD_ID.test(id)) throw new WorkbenchError('file/upload-missing');
  const dir = path.join(uploadsDir(dataDir), id);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    throw new WorkbenchError('file/upload-missing');
  }
  if (names.length !== 1) throw new WorkbenchError('file/upload-missing');
  return { file: path.join(dir, names[0]), name: names[0] };
}

/** Removes uploads older than the TTL (all of them with `maxAgeMs` 0: when a door closes). */
export function sweepUploads(dataDir: string, maxAgeMs = UPLOAD_TTL_MS, now = Date.now()): number {
  const root = uploadsDir(dataDir);
  let removed = 0;
  let entries: string[];
  try {
    entries = fs.readdirSync(root);
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const dir = path.join(root, entry);
    try {
      if (now - fs.statSync(dir).mtimeMs >= maxAgeMs) {
        fs.rmSync(dir, { recursive: true, force: true });
        removed++;
      }
    } catch {
      // gone already, or in use on Windows: the next sweep takes it
    }
  }
  return removed;
}
