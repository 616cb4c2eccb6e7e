import fs from 'node:fs';
import path from 'node:path';
import { WorkbenchError } from '../../contract/errors';
import { MAX_FILE_BYTES, type FileIn } from '../../contract/files';
import { uploadedFile } from './uploads';

const MB = 1024 * 1024;

/**
 * The one reader of files given to an operation (contract/files.ts): a path the CLI named, or an
 * upload the door received. The size is checked before anything is read, so a huge file costs no
 * memory to refuse.
 */
export function readFileIn(dataDir: string, ref: FileIn): { name: string; bytes: Uint8Array } {
  const { file, name } =
    'upload' in ref ? uploadedFile(dataDir, ref.upload) : { file: ref.path, name: path.basename(ref.path) };
  // What the messages show: the CLI's own argument, or the uploaded file's name (never a server path).
  const shown = 'upload' in ref ? name : ref.path;
  let size: number;
  try {
    const st = fs.statSync(file);
    if (st.isDirectory()) throw new WorkbenchError('file/unreadable', { file: shown, reason: 'EISDIR' });
    size = st.size;
  } catch (e) {
    if (e instanceof WorkbenchError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new WorkbenchError('file/not-found', { file: shown });
    throw new WorkbenchError('file/unreadable', { file: shown, reason: code ?? (e as Error).message });
  }
  if (size > MAX_FILE_BYTES)
    throw new WorkbenchError('import/file-too-large', { file: shown, maxMb: MAX_FILE_BYTES / MB });
  try {
    return { name, bytes: fs.readFileSync(file) };
  } catch (e) {
    throw new WorkbenchError('file/unreadable', {
      file: shown,
      reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message,
    });
  }
}
